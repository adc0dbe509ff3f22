package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;

@BrowserJourney
class PrintedInvitationJourneyTest extends Journey {

    private static final String CODE = "[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}";

    @Test
    void someoneWithoutEmailJoinsWithTheCodeUsingOnlyTheKeyboard() {
        TestData.Org org = data.organisationWithEveryRole("Brookfield");
        String suffix = TestData.suffix();
        String name = "Pat Paper " + suffix;
        Visitor admin = visitor();
        String code = printInvitation(admin, org, name);

        Visitor newcomer = keyboardUser();
        Page page = newcomer.page();
        newcomer.open("/")
                .tabTo(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("enter your invitation code")))
                .pressToLoad("Enter");
        assertThat(newcomer.heading()).hasText("Enter your invitation code");
        // Typed the way people do: small letters are fine.
        newcomer.tabTo(page.getByLabel("Enter your invitation code")).type(code.toLowerCase()).pressToLoad("Enter");

        assertThat(newcomer.heading()).hasText("Join " + org.name());
        assertThat(page.getByLabel("Your name")).hasValue(name);
        String username = "pat-" + suffix;
        String password = "four quiet owls at noon " + suffix;
        newcomer.tabTo(page.getByLabel("Choose a username")).type(username)
                .tabTo(page.getByLabel("Choose a password")).type(password)
                .tabTo(page.getByLabel("Type the password again")).type(password)
                .tabTo(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make my account and join")))
                .pressToLoad("Enter");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Your account is ready. Sign in to start.");

        newcomer.tabTo(page.getByLabel("Email address or username")).type(username)
                .tabTo(page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))).type(password)
                .pressToLoad("Enter");
        assertThat(newcomer.heading()).hasText("Home");
        assertThat(newcomer.headerOrganisation()).hasText(org.name());
        assertThat(page.getByText("Your role here: Member.")).isVisible();

        admin.clickLink("People");
        assertThat(invitationRow(admin, name)).containsText("Printed, code " + code);
        assertThat(invitationRow(admin, name)).containsText("Accepted");
        assertThat(personRow(admin, name)).containsText(username);
        assertThat(jdbc.sql("""
                        select u.username from invitation i join user_account u on u.id = i.accepted_by
                        where i.organisation_id = :org and i.code = :code
                        """)
                        .param("org", org.id().value())
                        .param("code", code)
                        .query(String.class)
                        .single())
                .isEqualTo(username);
    }

    @Test
    void theQrCodeOpensTheInvitationOnAPhone() {
        TestData.Org org = data.organisationWithEveryRole("Brookfield");
        String suffix = TestData.suffix();
        String name = "Robin Phone " + suffix;
        Visitor admin = visitor();
        printInvitation(admin, org, name);

        String link = decodeQrCode(admin.page().locator("svg.app-qr").screenshot());
        assertThat(link).startsWith(BASE_URL + "/invite/");

        Visitor newcomer = phoneUser();
        newcomer.openLink(link);
        assertThat(newcomer.heading()).hasText("Join " + org.name());
        String username = "robin-" + suffix;
        String password = "tall ships sail at dawn " + suffix;
        newcomer.fill("Choose a username", username)
                .fill("Choose a password", password)
                .fill("Type the password again", password)
                .clickButton("Make my account and join")
                .fill("Email address or username", username)
                .fill("Password", password)
                .clickButton("Sign in");
        assertThat(newcomer.heading()).hasText("Home");
        assertThat(newcomer.headerOrganisation()).hasText(org.name());
    }

    /** The ADMIN makes a printed invitation for {@code name} and sees the sheet; returns its code. */
    private static String printInvitation(Visitor admin, TestData.Org org, String name) {
        admin.signIn(org.admin().username(), TestData.PASSWORD).clickLink("People").clickLink("Invite someone");
        admin.fill("Their name", name)
                .choose("On paper, with a code and a QR code")
                .choose("Member")
                .clickButton("Send invitation");

        assertThat(admin.page()).hasTitle("Invitation for " + name + " – Co-production Impact");
        assertThat(admin.heading()).hasText("Hello " + name);
        assertThat(admin.page().getByText("You are invited to join " + org.name() + " on Co-production Impact.")).isVisible();
        assertThat(admin.page().getByRole(AriaRole.IMG,
                        new Page.GetByRoleOptions().setName("QR code that opens your invitation to " + org.name())))
                .isVisible();
        assertThat(admin.page().getByText("Go to " + BASE_URL + "/join")).isVisible();
        String code = admin.page().locator("#invitation-code").innerText().strip();
        assertThat(code).matches(CODE);
        return code;
    }

    private static String decodeQrCode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
            try {
                return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
            } catch (NotFoundException notFound) {
                // The screenshot is the code alone, upright, in its white margin, at about six pixels a
                // module that are not all the same width; zxing's finder misses about one such code in
                // 150 (measured on 2,000 random links) but reads every one as a pure barcode, which it is.
                return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                        java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("the QR code on the printed invitation cannot be read", e);
        }
    }
}
