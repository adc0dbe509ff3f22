package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;

@BrowserJourney
class EasyReadJourneyTest extends Journey {

    private static final Pattern EASY_READ_ON = Pattern.compile("(^|\\s)app-easy-read(\\s|$)");

    @Test
    void aSignedInPersonTurnsOnEasyReadAndTheirAccountRemembersIt() {
        TestData.Person member = data.organisationWithEveryRole("Riverside").person(Role.MEMBER);
        Visitor person = visitor();

        person.signIn(member.username(), TestData.PASSWORD);
        assertThat(body(person)).not().hasClass(EASY_READ_ON);
        assertThat(easyReadButton(person)).hasAttribute("aria-pressed", "false");
        assertThat(person.page().getByText("Your role here: Member.")).isVisible();
        assertThat(easyReadButton(person).locator("xpath=ancestor::form")).hasAttribute("method", "post");

        person.click(easyReadButton(person));

        assertThat(person.heading()).hasText("Home");
        assertThat(body(person)).hasClass(EASY_READ_ON);
        assertThat(easyReadButton(person)).hasAttribute("aria-pressed", "true");
        assertThat(person.page().getByText("You are a Member here.")).isVisible();
        assertThat(person.page().getByText("You are part of the group. You can see what the group shares with you.")).isVisible();
        assertThat(person.page().locator(".app-easy-read-point .app-icon").first()).isVisible();
        assertThat(easyReadOf(member)).isTrue();

        person.signOut().signIn(member.username(), TestData.PASSWORD);
        assertThat(body(person)).hasClass(EASY_READ_ON);
        assertThat(person.page().getByText("You are a Member here.")).isVisible();

        // On another device, with no cookie from this one, the account remembers the choice.
        Visitor elsewhere = visitor();
        elsewhere.signIn(member.username(), TestData.PASSWORD);
        assertThat(body(elsewhere)).hasClass(EASY_READ_ON);

        elsewhere.click(easyReadButton(elsewhere));
        assertThat(body(elsewhere)).not().hasClass(EASY_READ_ON);
        assertThat(elsewhere.page().getByText("Your role here: Member.")).isVisible();
        assertThat(easyReadOf(member)).isFalse();
    }

    @Test
    void aVisitorWhoIsNotSignedInTurnsOnEasyReadOnAPhone() {
        Visitor visitor = phoneUser();

        visitor.open("/");
        assertThat(visitor.page().getByText("This service helps you show what difference that makes, with evidence."))
                .isVisible();

        visitor.click(easyReadButton(visitor));

        assertThat(visitor.heading()).hasText("Show the difference co-production makes");
        assertThat(body(visitor)).hasClass(EASY_READ_ON);
        assertThat(visitor.page().getByText("This website helps you show what changed because you worked together."))
                .isVisible();
        assertThat(visitor.context().cookies()).anySatisfy(cookie -> {
            assertThat(cookie.name).isEqualTo("easy_read");
            assertThat(cookie.value).isEqualTo("1");
        });

        visitor.clickButton("Sign in");
        assertThat(body(visitor)).hasClass(EASY_READ_ON);

        // The cookie alone keeps it on when the visit (the session) ends.
        visitor.context().clearCookies(new BrowserContext.ClearCookiesOptions().setName("SESSION"));
        visitor.open("/join");
        assertThat(body(visitor)).hasClass(EASY_READ_ON);

        visitor.click(easyReadButton(visitor));
        assertThat(visitor.heading()).hasText("Enter your invitation code");
        assertThat(body(visitor)).not().hasClass(EASY_READ_ON);
        assertThat(visitor.context().cookies()).filteredOn(cookie -> cookie.name.equals("easy_read"))
                .extracting(cookie -> cookie.value)
                .containsExactly("0");
    }

    private static Locator body(Visitor visitor) {
        return visitor.page().locator("body");
    }

    private static Locator easyReadButton(Visitor visitor) {
        return visitor.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Easy read").setExact(true));
    }

    private boolean easyReadOf(TestData.Person person) {
        return jdbc.sql("select easy_read from user_account where id = :id").param("id", person.id()).query(Boolean.class).single();
    }
}
