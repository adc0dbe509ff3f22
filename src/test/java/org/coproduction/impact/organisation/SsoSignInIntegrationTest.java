package org.coproduction.impact.organisation;

import org.junit.jupiter.api.extension.ExtendWith;
import org.coproduction.impact.shared.tenancy.TestsOwnData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.support.TestEvidence;
import org.coproduction.impact.support.TestOidcProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in with a work account end to end: the service on a real port, a real OpenID Connect
 * provider (Spring Authorization Server, {@link TestOidcProvider}) on another, and a real HTTP
 * client with cookies that follows every redirect and fills in the provider's own sign-in form,
 * as a browser would. Nothing is mocked: discovery, the authorization code, the signed ID token
 * and userinfo all go over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestsOwnData.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestData.class, TestEvidence.class})
@TestPropertySource(properties = "app.operator.usernames=" + SsoSignInIntegrationTest.OPERATOR)
class SsoSignInIntegrationTest {

    static final String OPERATOR = "operator-of-SsoSignInIntegrationTest";

    @Autowired
    MockMvc mvc;


    private static final String PASSWORD = "provider password 1";
    private static TestOidcProvider provider;

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SsoService sso;

    @BeforeAll
    static void startProvider() {
        provider = TestOidcProvider.start();
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    /** An organisation with SSO for its own domain, registered at the provider. */
    private record Setup(TestData.Org org, String domain, Tenant admin) {}

    private Setup organisationWithSso(Role firstRole, boolean passwordsForStaff) {
        TestData.Org org = data.organisationWithEveryRole("SSO");
        String domain = "sso-" + TestData.suffix() + ".test";
        String clientId = "impact-" + TestData.suffix();
        String secret = "client secret " + TestData.suffix();
        provider.registerClient(clientId, secret, "http://localhost:" + port + "/login/oauth2/code/" + org.id().value());
        Tenant admin = new Tenant(new UserId(org.admin().id()), org.id(), org.name(), Role.ADMIN);
        SsoService.Saved saved = sso.save(admin, new SsoService.Changes(provider.issuer(), clientId, secret, List.of(domain),
                passwordsForStaff, firstRole, 0));
        assertThat(saved).isInstanceOf(SsoService.Saved.Done.class);
        return new Setup(org, domain, admin);
    }

    private TestData.Person operator() {
        // The operator is named in configuration; here a person of a throwaway organisation gets that name.
        return data.personNamed(data.organisation("Operator home " + TestData.suffix()), Role.MEMBER, OPERATOR);
    }

    @Test
    void theOperatorSetsUpAnOrganisationsSingleSignOnItsAdminOnlyReadsItAndStaffSignInThroughIt() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Operator SSO");
        TestData.Person operator = operator();
        String domain = "op-" + TestData.suffix() + ".test";
        String clientId = "impact-op-" + TestData.suffix();
        String secret = "operator secret " + TestData.suffix();
        provider.registerClient(clientId, secret, "http://localhost:" + port + "/login/oauth2/code/" + org.id().value());
        String base = "/operator/organisations/" + org.id().value() + "/sso";

        // Nobody but the operator may open the page or save it.
        mvc.perform(get(base).with(data.as(org.admin()))).andExpect(status().isForbidden());
        mvc.perform(post(base).with(data.as(org.admin())).with(csrf()).param("issuer", provider.issuer())).andExpect(status().isForbidden());
        String empty = mvc.perform(get(base).with(data.as(operator))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(empty).select("h1").text()).isEqualTo("Single sign-on for " + org.name());
        // The GOV.UK error pattern: the message next to the field, nothing saved.
        String wrong = mvc.perform(post(base).with(data.as(operator)).with(csrf()).param("issuer", "not an address")
                        .param("clientId", clientId).param("clientSecret", secret).param("domains", domain).param("passwords", "no")
                        .param("firstRole", "NONE").param("version", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(wrong).select("#issuer-error").text()).isNotBlank();
        assertThat(sso.settingsForOperator(org.id())).isEmpty();

        mvc.perform(post(base).with(data.as(operator)).with(csrf()).param("issuer", provider.issuer()).param("clientId", clientId)
                        .param("clientSecret", secret).param("domains", domain).param("passwords", "no").param("firstRole", "NONE")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());

        assertThat(sso.setByForOperator(org.id())).contains(SsoService.SetBy.OPERATOR);
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where organisation_id = :org and action = 'SSO_TURNED_ON' and actor_user_id = :op
                        and summary like '%by the operator%' and summary not like '%' || :secret || '%'
                        """).param("org", org.id().value()).param("op", operator.id()).param("secret", secret).query(Long.class).single())
                .isEqualTo(1);
        // The ADMIN sees the settings, set by the operator, and cannot change or turn them off.
        String adminPage = mvc.perform(get("/settings/sso").with(data.as(org.admin()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(adminPage).text()).contains("Set by your operator.").contains(domain).contains(provider.issuer());
        assertThat(Jsoup.parse(adminPage).select("form[action=/settings/sso], form[action=/settings/sso/turn-off]")).isEmpty();
        mvc.perform(post("/settings/sso").with(data.as(org.admin())).with(csrf()).param("issuer", "https://elsewhere.example")
                        .param("clientId", "x").param("clientSecret", "y").param("domains", domain).param("passwords", "yes")
                        .param("firstRole", "NONE").param("version", "1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/settings/sso/turn-off").with(data.as(org.admin())).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(sso.settingsForOperator(org.id()).orElseThrow().issuer()).isEqualTo(provider.issuer());

        // A facilitator signs in through the operator's set-up; their password is refused, as set.
        TestData.Person facilitator = org.person(Role.FACILITATOR);
        String email = "facilitator@" + domain;
        jdbc.sql("update user_account set email = :e where id = :id").param("e", email).param("id", facilitator.id()).update();
        Page home = new Browser().signInWithWorkAccount(email, atProvider(email, true, "Facilitator at work"));
        assertThat(home.path()).isEqualTo("/");
        assertThat(home.document().text()).contains(facilitator.name());
        assertThat(new Browser().signInWithPassword(facilitator.username(), TestData.PASSWORD).path()).isEqualTo("/sign-in");

        // The operator changes it (the secret kept when left empty), then turns it off: the ADMIN may set it up again.
        mvc.perform(post(base).with(data.as(operator)).with(csrf()).param("issuer", provider.issuer()).param("clientId", clientId)
                        .param("domains", domain).param("passwords", "yes").param("firstRole", "MEMBER").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(sso.settingsForOperator(org.id()).orElseThrow().firstRole()).isEqualTo(Role.MEMBER);
        assertThat(sso.clientSecret(org.id())).contains(secret);
        mvc.perform(post(base + "/turn-off").with(data.as(operator)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(sso.settingsForOperator(org.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = :org and action = 'SSO_TURNED_OFF' and actor_user_id = :op")
                .param("org", org.id().value()).param("op", operator.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void environmentSettingsAreBoundAppliedAtStartUpOnceAndShownReadOnly() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Env SSO");
        String domain = "env-" + TestData.suffix() + ".test";
        String clientId = "impact-env-" + TestData.suffix();
        String secret = "env secret " + TestData.suffix();
        provider.registerClient(clientId, secret, "http://localhost:" + port + "/login/oauth2/code/" + org.id().value());
        String slug = org.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        // Bound as Spring binds the environment (APP_SSO_ORGANISATIONS_0_SLUG and so on).
        SsoEnvironment environment = new Binder(new MapConfigurationPropertySource(Map.of(
                "app.sso.organisations[0].slug", slug,
                "app.sso.organisations[0].issuer", provider.issuer(),
                "app.sso.organisations[0].client-id", clientId,
                "app.sso.organisations[0].client-secret", secret,
                "app.sso.organisations[0].domains", domain + ", @Other-" + domain,
                "app.sso.organisations[0].passwords-for-staff", "true",
                "app.sso.organisations[0].first-role", "viewer",
                "app.sso.encryption-key", "ignored here"))).bind("app.sso", SsoEnvironment.class).get();
        SsoEnvironmentSettings settings = new SsoEnvironmentSettings(environment, sso, jdbc);

        // As at a start: strictly, so a connection that names no organisation and gives no reason fails (issue #15).
        OrganisationScope.strictly(() -> {
            settings.run(null);
            return null;
        });
        settings.apply();

        SsoSettings applied = sso.settingsForOperator(org.id()).orElseThrow();
        assertThat(applied.domains()).containsExactlyInAnyOrder(domain, "other-" + domain);
        assertThat(applied.firstRole()).isEqualTo(Role.VIEWER);
        assertThat(sso.setByForOperator(org.id())).contains(SsoService.SetBy.ENVIRONMENT);
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = :org and action like 'SSO_%'")
                .param("org", org.id().value()).query(Long.class).single()).as("applied twice, written once").isEqualTo(1);
        String adminPage = mvc.perform(get("/settings/sso").with(data.as(org.admin()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(adminPage).text()).contains("Set by your operator.");

        String email = "partner@" + domain;
        Page home = new Browser().signInWithWorkAccount(email, atProvider(email, true, "Pat Partner"));
        assertThat(home.path()).isEqualTo("/");

        // Its ADMIN renames the organisation, and another organisation takes the old name: the slug
        // keeps to the organisation it was first applied to, and the next start goes ahead.
        TestData.Org namesake = data.organisationWithEveryRole("Env SSO namesake");
        jdbc.sql("update organisation set name = :n where id = :id").param("n", org.name() + " (renamed)").param("id", org.id().value()).update();
        jdbc.sql("update organisation set name = :n where id = :id").param("n", org.name()).param("id", namesake.id().value()).update();
        settings.apply();
        assertThat(sso.settingsForOperator(org.id()).orElseThrow().domains()).containsExactlyInAnyOrder(domain, "other-" + domain);
        assertThat(sso.settingsForOperator(namesake.id())).isEmpty();

        // A slug that names no organisation stops the start with a message saying which setting.
        SsoEnvironmentSettings wrong = new SsoEnvironmentSettings(new SsoEnvironment(List.of(new SsoEnvironment.Organisation(
                "no-such-organisation-" + TestData.suffix(), provider.issuer(), clientId, secret, List.of(domain), null, null))), sso, jdbc);
        assertThatThrownBy(wrong::apply).hasMessageContaining("app.sso.organisations[0].slug");
    }

    @Test
    void aWorkAccountSignInReachesOnlyThatOrganisationAndAnotherWithSingleSignOnNeedsItsOwnProvider() throws Exception {
        Setup a = organisationWithSso(null, true);
        Setup b = organisationWithSso(null, true);
        TestData.Org c = data.organisationWithEveryRole("No SSO");
        TestData.Person person = a.org().person(Role.FACILITATOR);
        // The same account is an ADMIN of B (single sign-on at another domain) and of C (passwords only).
        data.addMembership(b.org().id(), person.id(), Role.ADMIN);
        data.addMembership(c.id(), person.id(), Role.ADMIN);
        String email = "kim@" + a.domain();
        jdbc.sql("update user_account set email = :e where id = :id").param("e", email).param("id", person.id()).update();
        Browser browser = new Browser();

        assertThat(browser.signInWithWorkAccount(email, atProvider(email, true, "Kim at work")).path()).isEqualTo("/");

        // In A as a facilitator: an ADMIN's page is not theirs.
        assertThat(browser.get("/settings/sso").status()).isNotEqualTo(200);
        // C has no provider: the session from A's provider does not reach it; a password sign-in would.
        Page toC = browser.submit(browser.get("/organisations/switch"), "form[action=/organisations/switch]",
                Map.of("organisation", c.id().value().toString()));
        assertThat(toC.document().select("#organisation-error").text())
                .contains("You signed in with your work account for another organisation");
        assertThat(browser.get("/settings/sso").status()).as("still in A").isNotEqualTo(200);
        // B has its own provider: switching sends them to it, and B's provider must vouch for them
        // (here it cannot: their email is at A's domain, so B refuses it); the session stays A's.
        // (Refused, they land on the work-account page, which sends someone still signed in home, told why.)
        Page refused = browser.submit(browser.get("/organisations/switch"), "form[action=/organisations/switch]",
                Map.of("organisation", b.org().id().value().toString()));
        assertThat(refused.path()).isEqualTo("/");
        assertThat(refused.document().select(".govuk-notification-banner").text())
                .contains("Your work account is not at an email address your organisation allows",
                        "You are still signed in to " + a.org().name());
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = :org and action = 'SSO_REFUSED_DOMAIN'")
                .param("org", b.org().id().value()).query(Long.class).single()).isEqualTo(1);
        assertThat(browser.get("/settings/sso").status()).as("still in A").isNotEqualTo(200);

        // The same account signed in with its password reaches all three.
        Browser withPassword = new Browser();
        assertThat(withPassword.signInWithPassword(person.username(), TestData.PASSWORD).path()).isEqualTo("/");
        withPassword.submit(withPassword.get("/organisations/switch"), "form[action=/organisations/switch]",
                Map.of("organisation", c.id().value().toString()));
        assertThat(withPassword.get("/settings/sso").status()).isEqualTo(200);
        // As the message says: signed out, then in again with the password, in the same browser.
        browser.submit(browser.get("/"), "form[action=/sign-out]", Map.of());
        assertThat(browser.signInWithPassword(person.username(), TestData.PASSWORD).path()).isEqualTo("/");
        browser.submit(browser.get("/organisations/switch"), "form[action=/organisations/switch]",
                Map.of("organisation", c.id().value().toString()));
        assertThat(browser.get("/settings/sso").status()).isEqualTo(200);
    }

    @Test
    void anExistingFacilitatorSignsInWithTheirWorkAccountAndIsLinkedByVerifiedEmail() throws Exception {
        Setup s = organisationWithSso(null, true);
        TestData.Person facilitator = s.org().person(Role.FACILITATOR);
        String email = "Sam.Facilitator@" + s.domain();
        jdbc.sql("update user_account set email = :e where id = :id").param("e", email.toLowerCase()).param("id", facilitator.id()).update();
        String who = atProvider(email, true, "Sam at work");
        Browser browser = new Browser();

        Page home = browser.signInWithWorkAccount(email, who);

        assertThat(home.path()).isEqualTo("/");
        assertThat(home.document().text()).contains(facilitator.name()).contains(s.org().name());
        assertThat(browser.get("/sign-in").path()).as("signed in, the sign-in page sends them home").isEqualTo("/");
        assertThat(audits(s.org().id(), "SSO_SIGNED_IN", facilitator.id())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from user_account where lower(email) = lower(:e)").param("e", email).query(Long.class).single())
                .as("no second account").isEqualTo(1);
    }

    @Test
    void aWorkAccountAtADomainTheOrganisationDoesNotAllowIsRefusedInPlainWords() throws Exception {
        Setup s = organisationWithSso(Role.MEMBER, true);
        // The provider vouches for an address at another domain (a guest in the same directory, say).
        String email = "guest@elsewhere-" + TestData.suffix() + ".test";
        String who = atProvider(email, true, "A guest");
        Browser browser = new Browser();

        Page page = browser.continueToProvider(s.domain(), who, "someone@" + s.domain());

        assertThat(page.path()).isEqualTo("/sign-in/work-account");
        assertThat(page.document().select("#email-error").text())
                .contains("Your work account is not at an email address your organisation allows");
        assertThat(browser.get("/people").path()).as("not signed in").isEqualTo("/sign-in");
        assertThat(jdbc.sql("select count(*) from user_account where email = :e").param("e", email).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = :org and action = 'SSO_REFUSED_DOMAIN'")
                .param("org", s.org().id().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUnverifiedEmailIsNotLinkedToTheAccountWithThatAddress() throws Exception {
        Setup s = organisationWithSso(null, true);
        TestData.Person admin = s.org().admin();
        String email = "boss@" + s.domain();
        jdbc.sql("update user_account set email = :e where id = :id").param("e", email).param("id", admin.id()).update();
        String who = atProvider(email, false, "Not really the boss");
        Browser browser = new Browser();

        Page page = browser.signInWithWorkAccount(email, who);

        assertThat(page.path()).isEqualTo("/sign-in/work-account");
        assertThat(page.document().select("#email-error").text()).contains("is not confirmed");
        assertThat(browser.get("/people").path()).isEqualTo("/sign-in");
    }

    @Test
    void aFirstTimePersonWaitsForAnAdminWhoApprovesThemThenTheySignIn() throws Exception {
        Setup s = organisationWithSso(null, true);
        String email = "new.starter@" + s.domain();
        String who = atProvider(email, true, "New Starter");
        Browser browser = new Browser();

        Page waiting = browser.signInWithWorkAccount(email, who);

        assertThat(waiting.path()).isEqualTo("/sign-in/work-account/waiting");
        assertThat(waiting.document().select("h1").text()).isEqualTo("Waiting for approval");
        assertThat(browser.get("/").document().text()).doesNotContain("New Starter");
        assertThat(jdbc.sql("select count(*) from user_account where email = :e").param("e", email).query(Long.class).single())
                .as("no account until approved").isZero();
        List<SsoWaiting> list = sso.waiting(s.admin());
        assertThat(list).extracting(SsoWaiting::email).containsExactly(email);

        sso.approve(s.admin(), list.getFirst().id(), Role.MEMBER);
        Browser again = new Browser();
        Page home = again.signInWithWorkAccount(email, who);

        assertThat(home.path()).isEqualTo("/");
        assertThat(home.document().text()).contains("New Starter");
        assertThat(jdbc.sql("""
                        select m.role from membership m join user_account u on u.id = m.user_id
                        where u.email = :e and m.organisation_id = :org
                        """).param("e", email).param("org", s.org().id().value()).query(String.class).single())
                .isEqualTo("MEMBER");
        assertThat(sso.waiting(s.admin())).isEmpty();
    }

    @Test
    void aFirstTimePersonGetsTheOrganisationsFirstRoleWhenItHasOne() throws Exception {
        Setup s = organisationWithSso(Role.VIEWER, true);
        String email = "partner@" + s.domain();
        String who = atProvider(email, true, "Pat Partner");

        Page home = new Browser().signInWithWorkAccount(email, who);

        assertThat(home.path()).isEqualTo("/");
        assertThat(jdbc.sql("""
                        select m.role from membership m join user_account u on u.id = m.user_id
                        where u.email = :e and m.organisation_id = :org
                        """).param("e", email).param("org", s.org().id().value()).query(String.class).single())
                .isEqualTo("VIEWER");
    }

    @Test
    void whenPasswordsAreOffForStaffAFacilitatorsRightPasswordIsRefusedButAMembersIsNot() throws Exception {
        Setup s = organisationWithSso(null, false);
        TestData.Person facilitator = s.org().person(Role.FACILITATOR);
        TestData.Person member = s.org().person(Role.MEMBER);

        Page refused = new Browser().signInWithPassword(facilitator.username(), TestData.PASSWORD);
        Page allowed = new Browser().signInWithPassword(member.username(), TestData.PASSWORD);

        assertThat(refused.path()).isEqualTo("/sign-in");
        assertThat(refused.document().select("#username-error").text())
                .contains("Your organisation asks admins and facilitators to sign in with their work account");
        assertThat(allowed.path()).isEqualTo("/");
    }

    @Test
    void anOrganisationWithoutSingleSignOnGivesThePlainMessageNotAnErrorPage() throws Exception {
        Page page = new Browser().get("/oauth2/authorization/" + java.util.UUID.randomUUID());

        assertThat(page.path()).isEqualTo("/sign-in/work-account");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#email-error").text()).contains("Signing in with your work account did not work");
    }

    private long audits(OrganisationId org, String action, java.util.UUID actor) {
        return jdbc.sql("select count(*) from audit_event where organisation_id = :org and action = :a and actor_user_id = :u")
                .param("org", org.value()).param("a", action).param("u", actor).query(Long.class).single();
    }

    /** Adds a person at the provider and returns their username there. */
    private static String atProvider(String email, boolean verified, String name) {
        String username = "person-" + TestData.suffix();
        provider.addPerson(username, PASSWORD, email, verified, name);
        return username;
    }

    // ---------------------------------------------------------------------------------------
    // A browser without a screen: cookies, redirects followed, forms filled from the page.

    record Page(URI uri, int status, Document document) {
        String path() {
            return uri.getPath();
        }
    }

    final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        Page get(String pathOrUrl) throws IOException, InterruptedException {
            return follow(send(HttpRequest.newBuilder(resolve(pathOrUrl)).GET().build()));
        }

        /** Fills in the form and sends it, following redirects, as pressing its button would. */
        Page submit(Page page, String formSelector, Map<String, String> fields) throws IOException, InterruptedException {
            Element form = page.document().selectFirst(formSelector);
            assertThat(form).as("a form (" + formSelector + ") on " + page.uri() + " (" + page.status() + "): " + page.document().text()).isNotNull();
            Map<String, String> values = new LinkedHashMap<>();
            for (Element input : form.select("input[type=hidden]")) {
                values.put(input.attr("name"), input.attr("value"));
            }
            values.putAll(fields);
            String body = values.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            URI action = page.uri().resolve(form.attr("action").isEmpty() ? page.uri().getPath() : form.attr("action"));
            return follow(send(HttpRequest.newBuilder(action)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build()));
        }

        /** "Sign in with your work account", the work email, Continue, then the provider's sign-in form. */
        Page signInWithWorkAccount(String email, String providerUsername) throws IOException, InterruptedException {
            return continueToProvider(email.substring(email.indexOf('@') + 1), providerUsername, email);
        }

        Page continueToProvider(String domain, String providerUsername, String typedEmail) throws IOException, InterruptedException {
            Page signIn = get("/sign-in");
            String workAccount = signIn.document().selectFirst("a[href=/sign-in/work-account]").attr("href");
            Page emailPage = get(workAccount);
            Page next = submit(emailPage, "form[action=/sign-in/work-account]", Map.of("email", typedEmail));
            assertThat(next.document().select("h1").text()).startsWith("Sign in with your");
            Element go = next.document().selectFirst("a.govuk-button--start");
            assertThat(go).as(next.uri() + ": " + next.document().text()).isNotNull();
            Page providerLogin = get(go.attr("href"));
            assertThat(providerLogin.uri().getPort()).as("at the provider's sign-in page").isEqualTo(provider.port());
            return submit(providerLogin, "form",
                    Map.of("username", providerUsername, "password", PASSWORD));
        }

        Page signInWithPassword(String username, String password) throws IOException, InterruptedException {
            Page signIn = get("/sign-in");
            return submit(signIn, "form[action=/sign-in]", Map.of("username", username, "password", password));
        }

        /** Sent with a browser's Accept header: the provider shows its sign-in page only to browsers. */
        private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            HttpRequest asBrowser = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Accept", "text/html,application/xhtml+xml")
                    .build();
            return http.send(asBrowser, HttpResponse.BodyHandlers.ofString());
        }

        private Page follow(HttpResponse<String> response) throws IOException, InterruptedException {
            int hops = 0;
            while (response.statusCode() >= 300 && response.statusCode() < 400) {
                assertThat(hops++).as("too many redirects").isLessThan(15);
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                response = send(HttpRequest.newBuilder(next).GET().build());
            }
            return new Page(response.uri(), response.statusCode(), Jsoup.parse(response.body(), response.uri().toString()));
        }

        private URI resolve(String pathOrUrl) {
            return URI.create("http://localhost:" + port).resolve(pathOrUrl);
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
