package org.coproduction.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.coproduction.impact.api.ApiScopes;
import org.coproduction.impact.api.ApiTokenService;
import org.coproduction.impact.api.NewToken;
import org.coproduction.impact.assessment.Judgement;
import org.coproduction.impact.assessment.OwnView;
import org.coproduction.impact.assessment.ReviewResult;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.form.Draft;
import org.coproduction.impact.form.Form;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormStatus;
import org.coproduction.impact.form.PublicForm;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.RespondentService;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.form.Source;
import org.coproduction.impact.form.SubmitResult;
import org.coproduction.impact.framework.FrameworkService;
import org.coproduction.impact.framework.Section;
import org.coproduction.impact.framework.SectionText;
import org.coproduction.impact.organisation.AccountService;
import org.coproduction.impact.measure.MeasureKind;
import org.coproduction.impact.measure.MeasureService;
import org.coproduction.impact.media.MediaService;
import org.coproduction.impact.media.StoreResult;
import org.coproduction.impact.media.TestMedia;
import org.coproduction.impact.record.ConsentDraft;
import org.coproduction.impact.record.ConsentHow;
import org.coproduction.impact.record.ItemDraft;
import org.coproduction.impact.record.RecordEdit;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.record.Speaker;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.pathway.CommentService;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.StatementKind;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.plan.PlanEdit;
import org.coproduction.impact.plan.PlanRowDraft;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.report.ReportKind;
import org.coproduction.impact.report.ReportResult;
import org.coproduction.impact.report.ReportService;
import org.coproduction.impact.report.ReportWords;
import org.coproduction.impact.report.ReviewReport;
import org.coproduction.impact.together.Face;
import org.coproduction.impact.together.LessonDraft;
import org.coproduction.impact.together.LessonService;
import org.coproduction.impact.together.ReflectionDraft;
import org.coproduction.impact.together.ReflectionService;
import org.coproduction.impact.together.Rung;
import org.coproduction.impact.together.SelfAssessmentService;
import org.coproduction.impact.together.TogetherResult;
import org.coproduction.impact.tracker.ReportDraft;
import org.coproduction.impact.tracker.TaskDraft;
import org.coproduction.impact.tracker.TaskStatus;
import org.coproduction.impact.tracker.TrackerResult;
import org.coproduction.impact.tracker.TrackerService;
import org.coproduction.impact.organisation.Invitation;
import org.coproduction.impact.organisation.InvitationService;
import org.coproduction.impact.shared.tenancy.EndpointAccess;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.PublicEndpoint;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.support.TestData.Org;
import org.coproduction.impact.support.TestData.Person;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every request mapping the application has (read from Spring MVC, so a new endpoint is
 * swept the day it is written) and calls each one as: nobody, every role of organisation A, an
 * ADMIN of organisation B holding A's ids, and the platform operator. It fails when a handler has
 * no access rule, when someone gets in who should not, when someone who should is turned away,
 * when B sees or changes anything of A's, and when a POST without a CSRF token is accepted.
 *
 * <p>Path variables are filled from {@link #PATH_VALUES} with real ids of A's data. A new
 * variable name fails the sweep until a value is added there, so no endpoint escapes it.
 *
 * <p>The operator gets a username of its own (not the test profile's {@code operator}), because
 * usernames are unique across the database that all integration tests share.
 */
@IntegrationTest
@TestPropertySource(properties = "app.operator.usernames=" + EndpointSweepTest.OPERATOR)
class EndpointSweepTest {

    static final String OPERATOR = "endpoint-sweep-operator";

    /**
     * The value of each path variable, as a real id of organisation A's data. Keys are variable
     * names; a key of the form {@code "variable in /pattern"} overrides the plain one for that
     * pattern only (for a name that means different things in different places).
     */
    static final Map<String, Function<Fixture, String>> PATH_VALUES = Map.ofEntries(
            Map.entry("personId", f -> f.a().person(Role.MEMBER).membershipId().toString()),
            Map.entry("invitationId", f -> f.printed().id().toString()),
            Map.entry("organisationId", f -> f.a().id().toString()),
            Map.entry("invitationToken", f -> f.printed().token()),
            Map.entry("token", f -> f.resetToken()),
            Map.entry("projectId", f -> f.project().id().toString()),
            Map.entry("outcomeId", f -> f.project().outcomeId().toString()),
            Map.entry("activityId", f -> f.project().activityId().toString()),
            Map.entry("statementId", f -> f.project().statementId().toString()),
            Map.entry("commentId", f -> f.project().commentId().toString()),
            Map.entry("wayId", f -> f.evidence().wayId().toString()),
            Map.entry("reviewId", f -> f.evidence().reviewId().toString()),
            Map.entry("rowId", f -> f.evidence().rowId().toString()),
            Map.entry("number", f -> "1"),
            Map.entry("step", f -> "problem"),
            // The framework: readers' pages get A's published version, editors' pages A's draft.
            Map.entry("versionId", f -> f.framework().publishedId().toString()),
            Map.entry("versionId in /framework/versions/{versionId}/sections/{section}/edit", f -> f.framework().draftId().toString()),
            Map.entry("versionId in /framework/versions/{versionId}/publish", f -> f.framework().draftId().toString()),
            Map.entry("section", f -> Section.WHY.slug()),
            // Forms: A's form with a question linked to A's plan row and an answer from A's member.
            Map.entry("formId", f -> f.form().id().toString()),
            Map.entry("key", f -> f.form().key()),
            // The analysis's list of every answer to one free-text question: A's form's "said".
            Map.entry("questionKey", f -> "said"),
            // Media: a photo of A's, not published (a VIEWER of A gets "not found").
            Map.entry("mediaId", f -> f.media().photoId().toString()),
            Map.entry("taskId", f -> f.tracker().taskId().toString()),
            Map.entry("reportId", f -> f.tracker().reportId().toString()),
            // Forms: A's form's answer.
            Map.entry("responseId", f -> f.form().responseId().toString()),
            // Recorded evidence: a shared case study of A's with a named person's consent.
            Map.entry("itemId", f -> f.records().itemId().toString()),
            Map.entry("consentId", f -> f.records().consentId().toString()),
            // A member's own entries: A's member's own comment (so A's MEMBER really changes it; everyone else must not).
            Map.entry("itemId in /projects/{projectId}/recorded/own/{itemId}/change", f -> f.records().ownItemId().toString()),
            Map.entry("itemId in /projects/{projectId}/recorded/own/{itemId}/who-sees", f -> f.records().ownItemId().toString()),
            Map.entry("itemId in /projects/{projectId}/recorded/own/{itemId}/take-away", f -> f.records().ownItemId().toString()),
            // Data points: a measure of A's with a typed-in point, and a CSV import waiting for confirmation.
            Map.entry("measureId", f -> f.data().measureId().toString()),
            Map.entry("pointId", f -> f.data().pointId().toString()),
            Map.entry("importId", f -> f.data().importId().toString()),
            // Forms: the public link's token and A's member's personal link (capabilities, below).
            Map.entry("formToken", f -> f.form().token()),
            Map.entry("code", f -> "cy"),
            Map.entry("formImportId", f -> f.form().importId().toString()),
            Map.entry("personalToken", f -> f.form().personalToken()),
            // Outcome reviews: an open round of A's on A's outcome, with A's member's view and a judgement.
            Map.entry("roundId", f -> f.reviews().roundId().toString()),
            // Reports: an impact report of A's, published for funders, from a closed round of A's.
            Map.entry("reviewReportId", f -> f.reports().reportId().toString()),
            // A described photo of the report's one story (consented for funders, so A's VIEWER sees it too).
            Map.entry("pictureId", f -> f.reports().pictureId().toString()),
            // Single sign-on: someone waiting in A for an ADMIN's approval (made in newFixture).
            Map.entry("waitingId", f -> waitingIdOf(f.a()).toString()),
            // API tokens: an active token of A's (made in newFixture), for the ADMIN's revoke pages.
            Map.entry("tokenId", f -> apiTokenIdOf(f.a()).toString()),
            // Past attendance from a spreadsheet: a preview of A's, read and waiting to be confirmed (made in newFixture).
            Map.entry("attendanceImportId", f -> attendanceImportIdOf(f.a()).toString()),
            Map.entry("responseImportId", f -> responseImportIdOf(f.a()).toString()),
            // The reciprocity list: a payment to A's member in A's project (made in newFixture).
            Map.entry("entryId", f -> reciprocityEntryIdOf(f.a()).toString()),
            Map.entry("organisationImportId", f -> organisationImportIdOf(f.a()).toString()),
            // Reflections: A's member's reflection after A's activity, shared for learning (so A's MEMBER really changes it).
            Map.entry("reflectionId", f -> f.together().reflectionId().toString()),
            // Lessons learned: A's lesson resting on that reflection.
            Map.entry("lessonId", f -> f.together().lessonId().toString()),
            // The self-assessment: A's round, answered by A's member and facilitator, and one of A's statements.
            Map.entry("assessmentId", f -> f.together().assessmentId().toString()),
            // The organisation's own self-assessment: A's round, answered by A's member.
            Map.entry("assessmentId in /self-assessment/organisation/{assessmentId}", f -> f.together().organisationAssessmentId().toString()),
            Map.entry("assessmentId in /self-assessment/organisation/{assessmentId}/answer", f -> f.together().organisationAssessmentId().toString()),
            Map.entry("assessmentId in /self-assessment/organisation/{assessmentId}/actions", f -> f.together().organisationAssessmentId().toString()),
            Map.entry("statementId in /self-assessment/statements/{statementId}", f -> f.together().statementId().toString()),
            // access needs: a member of A's project (ids of people, not of memberships)
            Map.entry("memberId", f -> f.a().person(Role.MEMBER).id().toString()));

    /**
     * Path variables that are capabilities, not ids: unguessable secrets (invitation and reset
     * links) that work for whoever holds them, by design (ARCHITECTURE: tenancy and access). For
     * these endpoints the cross-organisation pass is replaced by a wrong-token pass: a made-up
     * token must show and change nothing of A's.
     */
    static final Set<String> CAPABILITIES = Set.of("token", "invitationToken", "formToken", "personalToken");

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(?::[^}]*)?}");

    private static volatile @Nullable Person operator;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InvitationService invitations;

    @Autowired
    AccountService accounts;

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    CommentService comments;

    @Autowired
    EvidenceService evidence;

    @Autowired
    PlanService plans;

    @Autowired
    TrackerService tracker;

    @Autowired
    FrameworkService frameworks;

    @Autowired
    MediaService media;

    @Autowired
    FormService forms;

    @Autowired
    RespondentService respondents;

    @Autowired
    RecordService records;

    @Autowired
    ReflectionService reflections;

    @Autowired
    LessonService lessons;

    @Autowired
    SelfAssessmentService selfAssessments;

    @Autowired
    MeasureService measures;

    @Autowired
    ReviewService reviews;

    @Autowired
    ReportService reportService;

    @Autowired
    ApiTokenService apiTokens;

    @Autowired
    org.coproduction.impact.form.XlsFormImports xlsForms;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    // ---------------------------------------------------------------------------------------
    // What the sweep covers

    @Test
    void everyHandlerDeclaresWhoMayCallIt() {
        List<String> unprotected = endpoints().stream()
                .filter(e -> e.access() == null)
                .map(Endpoint::toString)
                .distinct()
                .toList();

        assertThat(unprotected)
                .as("handlers with none of @PublicEndpoint, @SignedIn, @OperatorOnly or @RequiresRole")
                .isEmpty();
    }

    @Test
    void everyPathVariableHasAValueInTheRegistry() {
        List<String> missing = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (String variable : variables(e.pattern())) {
                if (registryValue(e.pattern(), variable) == null) {
                    missing.add(e + ": {" + variable + "}");
                }
            }
        }

        assertThat(missing).as(missingValueAdvice()).isEmpty();
    }

    @Test
    void sweepsEnoughMappingsToMeanSomething() {
        assertThat(endpoints()).hasSizeGreaterThan(15);
        assertThat(endpoints()).anyMatch(e -> e.access() instanceof EndpointAccess.Roles);
        assertThat(endpoints()).anyMatch(e -> e.access() instanceof EndpointAccess.Public);
        assertThat(endpoints()).anyMatch(e -> e.access() instanceof EndpointAccess.AnySignedIn);
        assertThat(endpoints()).anyMatch(e -> e.access() instanceof EndpointAccess.Operator);
        assertThat(endpoints()).anyMatch(e -> e.access() instanceof EndpointAccess.Api);
        assertThat(endpoints()).anyMatch(e -> e.method() == HttpMethod.POST && !variables(e.pattern()).isEmpty());
    }

    // ---------------------------------------------------------------------------------------
    // The sweep: one dynamic test per URL pattern and HTTP method

    @TestFactory
    Stream<DynamicTest> everyEndpointLetsInOnlyWhoItShouldAndLeaksNothingAcrossOrganisations() {
        return endpoints().stream().map(e -> DynamicTest.dynamicTest(e.toString(), () -> sweep(e)));
    }

    private void sweep(Endpoint endpoint) throws Exception {
        EndpointAccess access = endpoint.access();
        assertThat(access).as(endpoint + " declares no access rule").isNotNull();
        if (access instanceof EndpointAccess.Api api) {
            sweepApi(endpoint, api);
            return;
        }
        Fixture f = newFixture();
        String uri = expand(endpoint.pattern(), f);
        List<String> problems = new ArrayList<>();

        // Nobody signed in.
        String before = fingerprint(f.a());
        Response anonymous = call(endpoint.method(), uri, null, true);
        if (access instanceof EndpointAccess.Public) {
            problems.addAll(judge("anonymous", Expect.ALLOWED, anonymous, f));
        } else {
            problems.addAll(judge("anonymous", Expect.SIGN_IN_FIRST, anonymous, f));
            problems.addAll(unchanged("anonymous", before, f));
        }

        // A POST without a CSRF token, by someone who could otherwise make it.
        if (endpoint.method() != HttpMethod.GET) {
            Person allowed = someoneAllowed(access, f);
            before = fingerprint(f.a());
            Response forged = call(endpoint.method(), uri, allowed == null ? null : data.as(allowed), false);
            problems.addAll(judge("no CSRF token", Expect.FORBIDDEN, forged, f));
            problems.addAll(unchanged("no CSRF token", before, f));
        }

        // An ADMIN of organisation B, with A's ids; or, for capability links, a made-up token.
        before = fingerprint(f.a());
        if (hasCapability(endpoint.pattern())) {
            String wrong = expandWithWrongCapability(endpoint.pattern(), f);
            Response guess = call(endpoint.method(), wrong, data.as(f.b().admin()), true);
            problems.addAll(judge("B's ADMIN with a wrong token", Expect.NO_LEAK, guess, f));
        } else {
            Response b = call(endpoint.method(), uri, data.as(f.b().admin()), true);
            Expect expect = variables(endpoint.pattern()).isEmpty() ? Expect.NO_LEAK : Expect.NOT_FOUND_OR_FORBIDDEN;
            problems.addAll(judge("B's ADMIN", expect, b, f));
        }
        problems.addAll(unchanged("B's ADMIN", before, f));

        // Every role in A: those refused first (they must change nothing), then those allowed.
        List<Role> allowedRoles = allowedRoles(access);
        for (Role role : Role.values()) {
            if (!allowedRoles.contains(role)) {
                before = fingerprint(f.a());
                Response refused = call(endpoint.method(), uri, data.as(f.a().person(role)), true);
                problems.addAll(judge("A's " + role, Expect.FORBIDDEN, refused, f));
                problems.addAll(unchanged("A's " + role, before, f));
            }
        }
        for (Role role : allowedRoles) {
            Response allowed = call(endpoint.method(), uri, data.as(f.a().person(role)), true);
            problems.addAll(judge("A's " + role, Expect.ALLOWED, allowed, f));
        }

        // The platform operator, last: suspending A would change what everyone else sees.
        if (access instanceof EndpointAccess.Operator) {
            Response op = call(endpoint.method(), uri, data.as(operator()), true);
            problems.addAll(judge("the operator", Expect.ALLOWED, op, f));
        }

        assertThat(problems).as(endpoint + " (" + uri + ")").isEmpty();
    }

    /**
     * An API handler ({@code /api/v1/**}): let in only with a token of A that has the handler's
     * scope. Nobody, A's ADMIN signed in (a session is no key to the API), A's revoked token and a
     * token of A without the scope get nothing of A's; B's token with A's ids gets 404 (or, without
     * ids, nothing of A's).
     */
    private void sweepApi(Endpoint endpoint, EndpointAccess.Api api) throws Exception {
        Fixture f = newFixture();
        String uri = expand(endpoint.pattern(), f);
        Tenant asAdminOfA = new Tenant(new UserId(f.a().admin().id()), f.a().id(), f.a().name(), Role.ADMIN);
        Tenant asAdminOfB = new Tenant(new UserId(f.b().admin().id()), f.b().id(), f.b().name(), Role.ADMIN);
        String tokenOfA = apiTokens.create(asAdminOfA, "Sweep", ApiScopes.ALL, null).secret();
        List<String> otherScopes = ApiScopes.ALL.stream().filter(s -> !s.equals(api.scope())).toList();
        String withoutScope = apiTokens.create(asAdminOfA, "Sweep other scopes", otherScopes, null).secret();
        NewToken revoked = apiTokens.create(asAdminOfA, "Sweep revoked", ApiScopes.ALL, null);
        apiTokens.revoke(asAdminOfA, revoked.id());
        String tokenOfB = apiTokens.create(asAdminOfB, "Sweep B", ApiScopes.ALL, null).secret();
        List<String> problems = new ArrayList<>();
        String before = fingerprint(f.a());

        problems.addAll(judge("anonymous", Expect.SIGN_IN_FIRST, callApi(endpoint.method(), uri, null), f));
        problems.addAll(judge("A's ADMIN signed in, without a token", Expect.SIGN_IN_FIRST,
                callApi(endpoint.method(), uri, data.as(f.a().admin())), f));
        problems.addAll(judge("A's revoked token", Expect.SIGN_IN_FIRST, callApi(endpoint.method(), uri, bearer(revoked.secret())), f));
        problems.addAll(judge("A's token without " + api.scope(), Expect.FORBIDDEN, callApi(endpoint.method(), uri, bearer(withoutScope)), f));
        Expect forB = variables(endpoint.pattern()).isEmpty() ? Expect.NO_LEAK : Expect.NOT_FOUND_OR_FORBIDDEN;
        problems.addAll(judge("B's token", forB, callApi(endpoint.method(), uri, bearer(tokenOfB)), f));
        problems.addAll(judge("A's token", Expect.ALLOWED, callApi(endpoint.method(), uri, bearer(tokenOfA)), f));
        problems.addAll(unchanged("API callers", before, f));

        assertThat(problems).as(endpoint + " (" + uri + ")").isEmpty();
    }

    /** As an API client calls: asking for JSON, with no CSRF token (the API has no forms). */
    private Response callApi(HttpMethod method, String uri, @Nullable RequestPostProcessor as) throws Exception {
        MockHttpServletRequestBuilder request = request(method, uri).accept(MediaType.APPLICATION_JSON);
        if (as != null) {
            request.with(as);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        return new Response(response.getStatus(), response.getRedirectedUrl(), response.getContentAsString(),
                response.getContentType() == null ? Map.of() : Map.of("Content-Type", response.getContentType()));
    }

    private static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    // ---------------------------------------------------------------------------------------
    // The checks themselves, kept apart from the calls so the negative controls can exercise them

    enum Expect {
        /** Let in: not refused, no server error. */
        ALLOWED,
        /** Not signed in: sent to the sign-in page (or 401), never shown anything. */
        SIGN_IN_FIRST,
        /** Signed in but not allowed: 403. */
        FORBIDDEN,
        /** Another organisation's id: 404 or 403, nothing else. */
        NOT_FOUND_OR_FORBIDDEN,
        /** No ids in the address: any answer but a server error, with none of A's data in it. */
        NO_LEAK
    }

    record Response(int status, @Nullable String redirectedUrl, String body, Map<String, String> headers) {

        boolean sentToSignIn() {
            return redirectedUrl != null && "/sign-in".equals(URI.create(redirectedUrl).getPath());
        }

        boolean refused() {
            return status == 401 || status == 403 || sentToSignIn();
        }
    }

    /** What is wrong with {@code response}, for a caller who should get {@code expect}. */
    static List<String> judge(String who, Expect expect, Response response, Fixture f) {
        List<String> problems = new ArrayList<>();
        String got = response.status() + (response.redirectedUrl() == null ? "" : " -> " + response.redirectedUrl());
        switch (expect) {
            case ALLOWED -> {
                if (response.refused() || response.status() >= 500) {
                    problems.add(who + " should be let in, got " + got);
                }
            }
            case SIGN_IN_FIRST -> {
                if (!(response.sentToSignIn() || response.status() == 401)) {
                    problems.add(who + " should be sent to /sign-in (or get 401), got " + got);
                }
            }
            case FORBIDDEN -> {
                if (response.status() != 403) {
                    problems.add(who + " should get 403, got " + got);
                }
            }
            case NOT_FOUND_OR_FORBIDDEN -> {
                if (response.status() != 404 && response.status() != 403) {
                    problems.add(who + " should get 404 or 403 for A's ids, got " + got);
                }
            }
            case NO_LEAK -> {
                if (response.status() >= 500) {
                    problems.add(who + " got a server error " + got);
                }
            }
        }
        if (expect != Expect.ALLOWED) {
            List<String> leaked = leaks(response.body() + " " + response.redirectedUrl(), f);
            if (!leaked.isEmpty()) {
                problems.add(who + " was shown A's " + leaked + " (" + got + ")");
            }
        }
        problems.addAll(headerProblems(who, response));
        return problems;
    }

    /** Which of organisation A's identifying strings appear in {@code text}. */
    static List<String> leaks(String text, Fixture f) {
        return f.secretsOfA().stream().filter(text::contains).toList();
    }

    /** Every HTML page carries the strict security headers (ARCHITECTURE: tenancy and access). */
    static List<String> headerProblems(String who, Response response) {
        String type = response.headers().getOrDefault("Content-Type", "");
        if (!type.startsWith(MediaType.TEXT_HTML_VALUE)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        String csp = response.headers().getOrDefault("Content-Security-Policy", "");
        String scriptSrc = directive(csp, "script-src");
        if (scriptSrc == null) {
            scriptSrc = directive(csp, "default-src");
        }
        if (scriptSrc == null || scriptSrc.contains("'unsafe-inline'") || scriptSrc.contains("'unsafe-eval'")) {
            problems.add(who + ": Content-Security-Policy must restrict scripts without 'unsafe-inline', got: " + csp);
        }
        if (!"'none'".equals(directive(csp, "frame-ancestors"))) {
            problems.add(who + ": Content-Security-Policy needs frame-ancestors 'none', got: " + csp);
        }
        if (!"nosniff".equals(response.headers().get("X-Content-Type-Options"))) {
            problems.add(who + ": X-Content-Type-Options must be nosniff");
        }
        String referrer = response.headers().getOrDefault("Referrer-Policy", "");
        if (referrer.isEmpty() || referrer.contains("unsafe-url") || referrer.equals("no-referrer-when-downgrade")) {
            problems.add(who + ": Referrer-Policy must be set and must not send full addresses elsewhere, got: " + referrer);
        }
        return problems;
    }

    private static @Nullable String directive(String csp, String name) {
        for (String part : csp.split(";")) {
            String d = part.strip();
            if (d.equals(name) || d.startsWith(name + " ")) {
                return d.substring(name.length()).strip();
            }
        }
        return null;
    }

    private List<String> unchanged(String who, String before, Fixture f) {
        String after = fingerprint(f.a());
        return before.equals(after) ? List.of() : List.of(who + " changed organisation A's data");
    }

    /**
     * A checksum of everything of A's that a request could change: the organisation, its people's
     * memberships and accounts, invitations, password resets, emails and audit entries, projects
     * and pathways, and the framework's versions and sections.
     */
    String fingerprint(Org a) {
        return jdbc.sql("""
                        select md5(concat_ws('#',
                            (select string_agg(concat_ws('|', o.name, o.suspended_at), ',')
                             from organisation o where o.id = :org),
                            (select string_agg(concat_ws('|', m.id, m.user_id, m.role, m.version), ',' order by m.id)
                             from membership m where m.organisation_id = :org),
                            (select string_agg(concat_ws('|', u.id, u.username, u.email, u.display_name, u.password_hash,
                                                         u.easy_read), ',' order by u.id)
                             from user_account u where u.id in (select user_id from membership where organisation_id = :org)),
                            (select string_agg(concat_ws('|', r.id, r.used_at), ',' order by r.id)
                             from password_reset r
                             where r.user_id in (select user_id from membership where organisation_id = :org)),
                            (select string_agg(concat_ws('|', i.id, i.role, i.accepted_at, i.accepted_by, i.withdrawn_at,
                                                         i.expires_at), ',' order by i.id)
                             from invitation i where i.organisation_id = :org),
                            (select count(*) from outbound_email e where e.organisation_id = :org),
                            (select string_agg(concat_ws('|', s.issuer, s.client_id, s.client_secret, s.passwords_for_staff,
                                                         s.first_role, s.version), ',')
                             from sso_settings s where s.organisation_id = :org),
                            (select string_agg(w.id::text, ',' order by w.id) from sso_waiting w where w.organisation_id = :org),
                            (select count(*) from audit_event e where e.organisation_id = :org),
                            (select string_agg(concat_ws('|', t.id, t.name, t.scopes::text, t.expires_at, t.revoked_at), ','
                                               order by t.id)
                             from api_token t where t.organisation_id = :org),
                            (select string_agg(concat_ws('|', p.id, p.name, p.version, p.comments_open), ',' order by p.id)
                             from project p where p.organisation_id = :org),
                            (select string_agg(concat_ws('|', w.id, w.version, w.problem, w.project_impact), ',' order by w.id)
                             from pathway w where w.organisation_id = :org),
                            (select string_agg(concat_ws('|', o.id, o.title, o.term, o.archived_at, o.position), ',' order by o.id)
                             from outcome o where o.organisation_id = :org),
                            (select string_agg(concat_ws('|', x.id, x.title, x.archived_at, x.position), ',' order by x.id)
                             from activity x where x.organisation_id = :org),
                            (select string_agg(concat_ws('|', s.id, s.text, s.archived_at), ',' order by s.id)
                             from pathway_statement s where s.organisation_id = :org),
                            (select string_agg(concat_ws('|', c.id, c.status), ',' order by c.id)
                             from outcome_comment c where c.organisation_id = :org),
                            (select count(*) from pathway_revision r where r.organisation_id = :org),
                            (select string_agg(concat_ws('|', l.who_agreed, l.agreed_on, l.version), ',')
                             from evidence_list l where l.organisation_id = :org),
                            (select string_agg(concat_ws('|', w.id, w.name, w.version, w.retired_at), ',' order by w.id)
                             from evidence_way w where w.organisation_id = :org),
                            (select string_agg(concat_ws('|', r.id, r.name, r.version, r.gap_way_id), ',' order by r.id)
                             from evidence_review r where r.organisation_id = :org),
                            (select count(*) from evidence_change c where c.organisation_id = :org),
                            (select string_agg(concat_ws('|', p.id, p.form_of_evidence, p.version, p.archived_at), ',' order by p.id)
                             from plan_row p where p.organisation_id = :org),
                            (select count(*) from plan_row_way x where x.organisation_id = :org),
                            (select count(*) from plan_change c where c.organisation_id = :org),
                            (select count(*) from plan_comment c where c.organisation_id = :org),
                            (select string_agg(concat_ws('|', v.id, v.number, v.status, v.published_at, v.next_review_on), ','
                                               order by v.id)
                             from framework_version v where v.organisation_id = :org),
                            (select string_agg(concat_ws('|', x.id, x.body, x.easy_read, x.lock_version), ',' order by x.id)
                             from framework_section x where x.organisation_id = :org),
                            (select string_agg(concat_ws('|', x.id, x.title, x.status, x.closes_on, x.named_answers, x.version,
                                                         x.current_version, x.archived_at), ',' order by x.id)
                             from form x where x.organisation_id = :org),
                            (select string_agg(concat_ws('|', x.form_id, x.number, x.questions), ',' order by x.form_id, x.number)
                             from form_version x where x.organisation_id = :org),
                            (select string_agg(concat_ws('|', x.form_id, x.user_id), ',' order by x.form_id, x.user_id)
                             from form_personal_link x where x.organisation_id = :org),
                            (select string_agg(concat_ws('|', m.id, m.filename, m.description, m.published, m.updated_at), ',' order by m.id)
                             from media_file m where m.organisation_id = :org),
                            (select string_agg(concat_ws('|', c.media_id, md5(c.content)), ',' order by c.media_id)
                             from media_content c where c.organisation_id = :org),
                            (select count(*) from media_change c where c.organisation_id = :org),
                            (select string_agg(concat_ws('|', t.id, t.title, t.status, t.version, t.done_note, t.done_media_id,
                                                         t.archived_at), ',' order by t.id)
                             from tracker_task t where t.organisation_id = :org),
                            (select count(*) from tracker_task_outcome x where x.organisation_id = :org),
                            (select count(*) from tracker_task_plan_row x where x.organisation_id = :org),
                            (select count(*) from tracker_task_change c where c.organisation_id = :org),
                            (select string_agg(concat_ws('|', r.id, r.title, r.version, r.audience, r.archived_at), ',' order by r.id)
                             from progress_report r where r.organisation_id = :org),
                            (select count(*) from progress_report_outcome x where x.organisation_id = :org),
                            (select count(*) from progress_report_milestone x where x.organisation_id = :org),
                            (select count(*) from progress_report_item x where x.organisation_id = :org),
                            (select string_agg(concat_ws('|', f.id, f.title, f.status, f.version, f.current_version, f.named_answers,
                                                         f.closes_on, f.kiosk_pin_hash, f.archived_at), ',' order by f.id)
                             from form f where f.organisation_id = :org),
                            (select count(*) from form_version v where v.organisation_id = :org),
                            (select string_agg(concat_ws('|', r.id, r.answers::text, r.source, r.excluded, r.member_user_id), ','
                                               order by r.id)
                             from form_response r where r.organisation_id = :org),
                            (select count(*) from form_draft d where d.organisation_id = :org),
                            (select count(*) from form_personal_link l where l.organisation_id = :org),
                            (select string_agg(concat_ws('|', r.project_id, r.members_may_add), ',' order by r.project_id)
                             from record_project_setting r where r.organisation_id = :org),
                            (select string_agg(concat_ws('|', i.id, i.title, md5(coalesce(i.body, '')), i.version, i.published_at,
                                                         i.archived_at), ',' order by i.id)
                             from record_item i where i.organisation_id = :org),
                            (select count(*) from record_item_change x where x.organisation_id = :org),
                            (select string_agg(concat_ws('|', c.id, c.withdrawn_at, c.valid_until), ',' order by c.id)
                             from record_consent c where c.organisation_id = :org),
                            (select count(*) from record_item_outcome x where x.organisation_id = :org),
                            (select count(*) from record_item_plan_row x where x.organisation_id = :org),
                            (select string_agg(concat_ws('|', x.item_id, x.theme), ',' order by x.item_id, x.theme)
                             from record_item_theme x where x.organisation_id = :org),
                            (select count(*) from record_attendance x where x.organisation_id = :org),
                            (select count(*) from record_item_media x where x.organisation_id = :org),
                            (select string_agg(concat_ws('|', m.id, m.name, m.kind, m.version), ',' order by m.id)
                             from measure m where m.organisation_id = :org),
                            (select count(*) from measure_outcome x where x.organisation_id = :org),
                            (select count(*) from measure_plan_row x where x.organisation_id = :org),
                            (select string_agg(concat_ws('|', p.id, p.value, p.observed_on, p.note, p.archived_at), ',' order by p.id)
                             from data_point p where p.organisation_id = :org),
                            (select string_agg(concat_ws('|', i.id, i.confirmed_at, i.imported_count), ',' order by i.id)
                             from measure_import i where i.organisation_id = :org),
                            (select count(*) from measure_import_row r where r.organisation_id = :org),
                            (select count(*) from measure_import_rejection r where r.organisation_id = :org),
                            (select string_agg(concat_ws('|', r.id, r.title, r.status, r.version, r.closed_at), ',' order by r.id)
                             from review_round r where r.organisation_id = :org),
                            (select count(*) from review_round_outcome x where x.organisation_id = :org),
                            (select string_agg(concat_ws('|', v.id, v.view, v.sentence, v.updated_at), ',' order by v.id)
                             from review_member_view v where v.organisation_id = :org),
                            (select string_agg(concat_ws('|', j.id, j.judgement, j.reasons, j.next_steps, j.version), ',' order by j.id)
                             from review_judgement j where j.organisation_id = :org),
                            (select string_agg(concat_ws('|', r.id, r.version, r.archived_at), ',' order by r.id)
                             from reflection r where r.organisation_id = :org),
                            (select string_agg(concat_ws('|', c.id, c.uses::text, c.withdrawn_at), ',' order by c.id)
                             from reflection_consent c where c.organisation_id = :org),
                            (select string_agg(concat_ws('|', l.id, l.version, l.change_made), ',' order by l.id)
                             from lesson l where l.organisation_id = :org),
                            (select count(*) from lesson_reflection x where x.organisation_id = :org),
                            (select string_agg(concat_ws('|', x.id, x.words, x.easy_read, x.version, x.archived_at), ',' order by x.id)
                             from coproduction_statement x where x.organisation_id = :org),
                            (select string_agg(concat_ws('|', x.id, x.title), ',' order by x.id)
                             from self_assessment x where x.organisation_id = :org),
                            (select string_agg(concat_ws('|', x.statement_id, x.user_id, x.score, x.comment), ',' order by x.statement_id, x.user_id)
                             from self_assessment_answer x where x.organisation_id = :org),
                            (select string_agg(concat_ws('|', x.user_id, x.rung, x.reasons), ',' order by x.user_id)
                             from self_assessment_ladder x where x.organisation_id = :org),
                            (select string_agg(concat_ws('|', x.principle, x.task_id), ',' order by x.principle)
                             from self_assessment_action x where x.organisation_id = :org)))
                        """)
                .param("org", a.id().value())
                .query(String.class)
                .single();
    }

    // ---------------------------------------------------------------------------------------
    // Negative controls: the checks above do catch what they are meant to catch

    @Test
    void theLeakCheckFindsOrganisationAsDataOnItsOwnPeoplePage() throws Exception {
        Fixture f = newFixture();
        Response own = call(HttpMethod.GET, "/people", data.as(f.a().admin()), true);

        assertThat(own.status()).isEqualTo(200);
        assertThat(leaks(own.body(), f))
                .contains(f.a().name(), f.a().person(Role.MEMBER).name(), f.a().person(Role.MEMBER).email(),
                        f.printed().inviteeName(), f.printed().code());
        assertThat(judge("B's ADMIN", Expect.NO_LEAK, own, f)).anyMatch(p -> p.contains("was shown A's"));
    }

    @Test
    void aHandlerWithoutAnAccessAnnotationHasNoAccessRule() throws NoSuchMethodException {
        HandlerMethod unmarked = new HandlerMethod(new Unmarked(), Unmarked.class.getDeclaredMethod("page"));
        HandlerMethod marked = new HandlerMethod(new Marked(), Marked.class.getDeclaredMethod("page"));

        assertThat(EndpointAccess.of(unmarked)).isNull();
        assertThat(EndpointAccess.of(marked)).isInstanceOf(EndpointAccess.Public.class);
    }

    static class Unmarked {
        String page() {
            return "page";
        }
    }

    @PublicEndpoint
    static class Marked {
        String page() {
            return "page";
        }
    }

    @Test
    void theChecksFlagWrongAnswers() {
        Fixture f = newFixture();
        Map<String, String> html = Map.of("Content-Type", "text/html;charset=UTF-8",
                "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'",
                "X-Content-Type-Options", "nosniff", "Referrer-Policy", "strict-origin-when-cross-origin");
        Response leaky = new Response(200, null, "<p>Welcome to " + f.a().name() + "</p>", html);
        Response okPage = new Response(200, null, "<p>Nothing of A's here</p>", html);
        Response notFound = new Response(404, null, "", Map.of());
        Response forbidden = new Response(403, null, "", Map.of());
        Response signIn = new Response(302, "http://localhost/sign-in", "", Map.of());
        Response crash = new Response(500, null, "", Map.of());

        assertThat(judge("B", Expect.NO_LEAK, leaky, f)).singleElement().asString().contains(f.a().name());
        assertThat(judge("B", Expect.NO_LEAK, okPage, f)).isEmpty();
        assertThat(judge("B", Expect.NO_LEAK, crash, f)).isNotEmpty();
        assertThat(judge("B", Expect.NOT_FOUND_OR_FORBIDDEN, okPage, f)).isNotEmpty();
        assertThat(judge("B", Expect.NOT_FOUND_OR_FORBIDDEN, notFound, f)).isEmpty();
        assertThat(judge("anonymous", Expect.SIGN_IN_FIRST, okPage, f)).isNotEmpty();
        assertThat(judge("anonymous", Expect.SIGN_IN_FIRST, signIn, f)).isEmpty();
        assertThat(judge("A's MEMBER", Expect.FORBIDDEN, okPage, f)).isNotEmpty();
        assertThat(judge("A's MEMBER", Expect.FORBIDDEN, forbidden, f)).isEmpty();
        assertThat(judge("A's ADMIN", Expect.ALLOWED, forbidden, f)).isNotEmpty();
        assertThat(judge("A's ADMIN", Expect.ALLOWED, signIn, f)).isNotEmpty();
        assertThat(judge("A's ADMIN", Expect.ALLOWED, crash, f)).isNotEmpty();
        assertThat(judge("A's ADMIN", Expect.ALLOWED, okPage, f)).isEmpty();
    }

    @Test
    void theHeaderCheckFlagsWeakHeaders() {
        Response inlineScripts = new Response(200, null, "", Map.of("Content-Type", "text/html",
                "Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
                "X-Content-Type-Options", "nosniff", "Referrer-Policy", "same-origin"));
        Response framable = new Response(200, null, "", Map.of("Content-Type", "text/html",
                "Content-Security-Policy", "default-src 'self'", "Referrer-Policy", "unsafe-url"));

        assertThat(headerProblems("page", inlineScripts)).singleElement().asString().contains("unsafe-inline");
        assertThat(headerProblems("page", framable)).hasSize(3);
    }

    @Test
    void theDataCheckNoticesAChangeToA() {
        Fixture f = newFixture();
        String before = fingerprint(f.a());
        jdbc.sql("update membership set version = version + 1 where id = :id")
                .param("id", f.a().person(Role.MEMBER).membershipId())
                .update();

        assertThat(unchanged("someone", before, f)).isNotEmpty();
    }

    @Test
    void anUnknownPathVariableFailsWithAdviceForTheDeveloper() {
        Fixture f = newFixture();

        assertThatThrownBy(() -> expand("/pathways/{pathwayId}/outcomes", f))
                .hasMessageContaining("{pathwayId}")
                .hasMessageContaining("PATH_VALUES");
    }

    // ---------------------------------------------------------------------------------------
    // CSRF and headers, shown plainly

    @Test
    void aPostWithoutACsrfTokenIsRefusedAndChangesNothing() throws Exception {
        Fixture f = newFixture();
        Person member = f.a().person(Role.MEMBER);
        String before = fingerprint(f.a());

        Response forged = call(HttpMethod.POST, "/people/" + member.membershipId() + "/remove", data.as(f.a().admin()), false);

        assertThat(forged.status()).isEqualTo(403);
        assertThat(fingerprint(f.a())).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from membership where id = :id")
                        .param("id", member.membershipId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        Fixture f = newFixture();
        List<MockHttpServletResponse> pages = List.of(
                mvc.perform(get("/sign-in").accept(MediaType.TEXT_HTML)).andReturn().getResponse(),
                mvc.perform(get("/people").with(data.as(f.a().admin())).accept(MediaType.TEXT_HTML))
                        .andReturn()
                        .getResponse());

        for (MockHttpServletResponse page : pages) {
            assertThat(page.getStatus()).isEqualTo(200);
            String csp = page.getHeader("Content-Security-Policy");
            assertThat(csp).isNotNull();
            assertThat(directive(csp, "script-src")).isNotNull().doesNotContain("'unsafe-inline'");
            assertThat(directive(csp, "frame-ancestors")).isEqualTo("'none'");
            assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        }
    }

    // ---------------------------------------------------------------------------------------
    // Fixtures: two fresh organisations for each endpoint, because calls have side effects

    /** Organisation A (whose data is probed) and B (whose ADMIN probes it), with A's invitations and a reset link. */
    record Fixture(Org a, Org b, Invitation printed, Invitation emailed, String resetToken, ProjectOfA project,
            EvidenceOfA evidence, FrameworkOfA framework, MediaOfA media, TrackerOfA tracker, FormOfA form, RecordsOfA records,
            DataOfA data, ReviewsOfA reviews, ReportsOfA reports, TogetherOfA together) {

        /** Strings that identify A: none of them may reach anyone outside A. */
        List<String> secretsOfA() {
            Set<String> secrets = new LinkedHashSet<>();
            secrets.add(a.name());
            for (Person p : a.people().values()) {
                secrets.add(p.name());
                secrets.add(p.username());
                secrets.add(p.email());
            }
            for (Invitation i : List.of(printed, emailed)) {
                secrets.add(i.inviteeName());
                secrets.add(i.code());
                secrets.add(i.token());
                if (i.email() != null) {
                    secrets.add(i.email());
                }
            }
            secrets.add(resetToken);
            secrets.addAll(project.words());
            secrets.addAll(evidence.words());
            secrets.addAll(framework.words());
            secrets.addAll(media.words());
            secrets.addAll(tracker.words());
            secrets.addAll(form.words());
            secrets.addAll(records.words());
            secrets.addAll(together.words());
            secrets.addAll(reviews.words());
            secrets.addAll(reports.words());
            secrets.addAll(data.words());
            return List.copyOf(secrets);
        }
    }

    /** A project of A's with a pathway holding one of everything, and a member's comment. */
    record ProjectOfA(UUID id, UUID outcomeId, UUID activityId, UUID statementId, UUID commentId, List<String> words) {}

    /** A milestone of A's, done with its evidence, and a progress report naming it. */
    record TrackerOfA(UUID taskId, UUID reportId, List<String> words) {}

    private TrackerOfA trackerOf(Org a, ProjectOfA project) {
        Person facilitator = a.person(Role.FACILITATOR);
        Tenant asFacilitator = new Tenant(new UserId(facilitator.id()), a.id(), a.name(), Role.FACILITATOR);
        String suffix = TestData.suffix();
        String title = "Sweep milestone " + suffix;
        String note = "Sweep evidence " + suffix;
        String report = "Sweep report " + suffix;
        String challenges = "Sweep challenges " + suffix;
        UUID task = ((TrackerResult.Saved) tracker.addTask(asFacilitator, project.id(), new TaskDraft(title, facilitator.id(), null,
                LocalDate.of(2026, 3, 1), true, Set.of(project.outcomeId()), Set.of()))).id();
        tracker.changeStatus(asFacilitator, project.id(), task, tracker.task(asFacilitator, project.id(), task).version(), TaskStatus.DONE,
                LocalDate.of(2026, 3, 2), note, null);
        UUID reportId = ((TrackerResult.Saved) tracker.addReport(asFacilitator, project.id(), new ReportDraft(report,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), ConsentUse.FUNDER_REPORTS, challenges, null,
                Set.of(project.outcomeId()), List.of(task), List.of()))).id();
        return new TrackerOfA(task, reportId, List.of(title, note, report, challenges));
    }

    /** An open review round of A's on A's outcome, with A's member's own view and the facilitator's judgement. */
    record ReviewsOfA(UUID roundId, List<String> words) {}

    private ReviewsOfA reviewsOf(Org a, ProjectOfA project) {
        Tenant asFacilitator = new Tenant(new UserId(a.person(Role.FACILITATOR).id()), a.id(), a.name(), Role.FACILITATOR);
        Tenant asMember = new Tenant(new UserId(a.person(Role.MEMBER).id()), a.id(), a.name(), Role.MEMBER);
        String suffix = TestData.suffix();
        String title = "Sweep review round " + suffix;
        String sentence = "Sweep view " + suffix;
        String reasons = "Sweep reasons " + suffix;
        UUID round = ((ReviewResult.Saved) reviews.createRound(asFacilitator, project.id(), title, LocalDate.of(2026, 3, 31),
                List.of(project.outcomeId()))).id();
        reviews.giveView(asMember, project.id(), round, project.outcomeId(), OwnView.YES, sentence);
        reviews.recordJudgement(asFacilitator, project.id(), round, project.outcomeId(), -1, Judgement.PARTLY, reasons, null);
        return new ReviewsOfA(round, List.of(title, sentence, reasons));
    }

    /** A closed review round of A's with a judgement, and an impact report made from it, published for funders. */
    record ReportsOfA(UUID reportId, UUID pictureId, List<String> words) {}

    private ReportsOfA reportsOf(Org a, ProjectOfA project) {
        Tenant asFacilitator = new Tenant(new UserId(a.person(Role.FACILITATOR).id()), a.id(), a.name(), Role.FACILITATOR);
        String suffix = TestData.suffix();
        String title = "Sweep impact report " + suffix;
        String narrative = "Sweep narrative " + suffix;
        String reasons = "Sweep closed reasons " + suffix;
        UUID round = ((ReviewResult.Saved) reviews.createRound(asFacilitator, project.id(), "Sweep closed round " + suffix,
                LocalDate.of(2026, 1, 31), List.of(project.outcomeId()))).id();
        reviews.recordJudgement(asFacilitator, project.id(), round, project.outcomeId(), -1, Judgement.ACHIEVED, reasons, null);
        reviews.closeRound(asFacilitator, project.id(), round, reviews.round(asFacilitator, project.id(), round).version());
        // A story in the round's period with a described photo, consented for funders: the report shows the photo.
        String storyTitle = "Sweep report story " + suffix;
        String pictureWords = "Sweep report photo " + suffix;
        UUID story = ((RecordEdit.Saved) records.add(asFacilitator, project.id(), ItemDraft.caseStudy(storyTitle, LocalDate.of(2026, 1, 20),
                Speaker.ANONYMOUS, null, null, "Sweep before " + suffix, "Sweep during " + suffix, "Sweep after " + suffix, "Sweep words " + suffix,
                List.of(project.outcomeId()), List.of(), List.of()),
                List.of(new org.coproduction.impact.record.Upload("sweep-report-photo.png", TestMedia.png(8, 8))))).id();
        UUID picture = records.item(asFacilitator, project.id(), story).mediaIds().getFirst();
        media.describe(asFacilitator, picture, pictureWords);
        records.addConsent(asFacilitator, project.id(), story, new ConsentDraft("Sweep sitter " + suffix, ConsentHow.WRITTEN,
                java.util.EnumSet.of(ConsentUse.FUNDER_REPORTS), null));
        UUID id = ((ReportResult.Saved) reportService.create(asFacilitator, project.id(), round, ReportKind.IMPACT, title)).id();
        ReviewReport draft = reportService.report(asFacilitator, project.id(), id);
        reportService.update(asFacilitator, project.id(), id, draft.version(), title, ConsentUse.FUNDER_REPORTS,
                new ReportWords(narrative, null, null, null, null, null, null), List.of("record:" + story));
        reportService.publish(asFacilitator, project.id(), id, reportService.report(asFacilitator, project.id(), id).version());
        return new ReportsOfA(id, picture, List.of(title, narrative, reasons, storyTitle, pictureWords, "Sweep sitter " + suffix));
    }

    /** A measure of A's with one point typed in, and an import of a CSV file waiting to be confirmed. */
    record DataOfA(UUID measureId, UUID pointId, UUID importId, List<String> words) {}

    private DataOfA dataOf(Org a, ProjectOfA project) {
        Person facilitator = a.person(Role.FACILITATOR);
        Tenant asFacilitator = new Tenant(new UserId(facilitator.id()), a.id(), a.name(), Role.FACILITATOR);
        String suffix = TestData.suffix();
        String measure = "Sweep measure " + suffix;
        String note = "Sweep data note " + suffix;
        String imported = "Sweep imported measure " + suffix;
        String filename = "sweep-" + suffix + ".csv";
        UUID point = measures.addPoint(asFacilitator, project.id(), new MeasureService.PointDraft(measure, MeasureKind.COUNT,
                java.math.BigDecimal.TEN, java.time.LocalDate.of(2026, 1, 5), note));
        UUID measureId = measures.measures(asFacilitator, project.id()).getFirst().id();
        UUID importId = ((MeasureService.ImportResult.Previewed) measures.preview(asFacilitator, project.id(), filename,
                ("measure,date,value\n" + imported + ",2026-01-05,3\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))).importId();
        return new DataOfA(measureId, point, importId, List.of(measure, note, imported, filename));
    }

    /** A photo of A's, described, in A's project. */
    record MediaOfA(UUID photoId, List<String> words) {}

    private MediaOfA mediaOf(Org a, ProjectOfA project) {
        Person facilitator = a.person(Role.FACILITATOR);
        Tenant asFacilitator = new Tenant(new UserId(facilitator.id()), a.id(), a.name(), Role.FACILITATOR);
        String suffix = TestData.suffix();
        String filename = "Sweep photo " + suffix + ".png";
        String description = "Sweep photo description " + suffix;
        UUID photo = ((StoreResult.Stored) media.store(asFacilitator, project.id(), filename, TestMedia.png(8, 8))).file().id();
        media.describe(asFacilitator, photo, description);
        return new MediaOfA(photo, List.of(filename, description));
    }

    /**
     * A shared case study of A's (tagged, with a named person's consent for funders), members allowed to add their own, and
     * A's member's own comment (with their easy-read consent).
     */
    record RecordsOfA(UUID itemId, UUID consentId, UUID ownItemId, List<String> words) {}

    private RecordsOfA recordsOf(Org a, ProjectOfA project) {
        Person facilitator = a.person(Role.FACILITATOR);
        Tenant asFacilitator = new Tenant(new UserId(facilitator.id()), a.id(), a.name(), Role.FACILITATOR);
        String suffix = TestData.suffix();
        String title = "Sweep story " + suffix;
        String person = "Sweep storyteller " + suffix;
        String words = "Sweep own words " + suffix;
        String theme = "sweep theme " + suffix;
        UUID item = ((RecordEdit.Saved) records.add(asFacilitator, project.id(), ItemDraft.caseStudy(title, java.time.LocalDate.now().minusDays(1),
                Speaker.NAMED, null, person, "Sweep situation " + suffix, "Sweep happened " + suffix, "Sweep changed " + suffix, words,
                List.of(project.outcomeId()), List.of(), List.of(theme)))).id();
        UUID consent = ((RecordEdit.Saved) records.addConsent(asFacilitator, project.id(), item, new ConsentDraft(person, ConsentHow.WRITTEN,
                java.util.EnumSet.of(ConsentUse.FUNDER_REPORTS, ConsentUse.INTERNAL_LEARNING), null))).id();
        records.publish(asFacilitator, project.id(), item, records.item(asFacilitator, project.id(), item).version(), true);
        records.setMembersMayAdd(asFacilitator, project.id(), true);
        Person member = a.person(Role.MEMBER);
        String ownWords = "Sweep member's own words " + suffix;
        UUID own = ((RecordEdit.Saved) records.addOwn(new Tenant(new UserId(member.id()), a.id(), a.name(), Role.MEMBER), project.id(),
                org.coproduction.impact.record.RecordKind.COMMENT, ownWords, java.util.EnumSet.of(ConsentUse.INTERNAL_LEARNING))).id();
        return new RecordsOfA(item, consent, own, List.of(title, person, words, theme, "Sweep situation " + suffix, ownWords));
    }

    /** A's framework: version 1 published and version 2 a draft, each with words of its own in a section. */
    record FrameworkOfA(UUID publishedId, UUID draftId, List<String> words) {}

    private FrameworkOfA frameworkOf(Org a) {
        Person facilitator = a.person(Role.FACILITATOR);
        Tenant asFacilitator = new Tenant(new UserId(facilitator.id()), a.id(), a.name(), Role.FACILITATOR);
        String suffix = TestData.suffix();
        String published = "Sweep framework published " + suffix;
        String draft = "Sweep framework draft " + suffix;
        UUID first = frameworks.versions(asFacilitator).getFirst().id();
        SectionText why = frameworks.draftSection(asFacilitator, first, Section.WHY);
        frameworks.saveSection(asFacilitator, first, Section.WHY, why.lockVersion(), published, published);
        frameworks.publish(asFacilitator, first, frameworks.aYearFromToday());
        UUID second = frameworks.startDraft(asFacilitator);
        why = frameworks.draftSection(asFacilitator, second, Section.WHY);
        frameworks.saveSection(asFacilitator, second, Section.WHY, why.lockVersion(), draft, draft);
        return new FrameworkOfA(first, second, List.of(published, draft));
    }

    private ProjectOfA projectOf(Org a) {
        Person facilitator = a.person(Role.FACILITATOR);
        Person member = a.person(Role.MEMBER);
        Tenant asFacilitator = new Tenant(new UserId(facilitator.id()), a.id(), a.name(), Role.FACILITATOR);
        String suffix = TestData.suffix();
        String name = "Sweep project " + suffix;
        UUID project = projects.create(asFacilitator, new ProjectService.ProjectDetails(name, null, null, null, null,
                facilitator.id(), true, List.of(member.id())));
        String outcome = "Sweep outcome " + suffix;
        String activity = "Sweep activity " + suffix;
        String statement = "Sweep statement " + suffix;
        pathways.addOutcome(asFacilitator, project, pathways.pathway(asFacilitator, project).version(),
                new PathwayService.OutcomeDraft(outcome, Term.LONG, true, List.of(), null));
        Pathway p = pathways.pathway(asFacilitator, project);
        UUID outcomeId = p.currentOutcomes().get(0).id();
        pathways.addActivity(asFacilitator, project, p.version(),
                new PathwayService.ActivityDraft(activity, ActivityKind.MEETING, null, List.of(outcomeId)));
        p = pathways.pathway(asFacilitator, project);
        pathways.addStatement(asFacilitator, project, p.version(), StatementKind.I, statement, outcomeId);
        p = pathways.pathway(asFacilitator, project);
        Tenant asMember = new Tenant(new UserId(member.id()), a.id(), a.name(), Role.MEMBER);
        comments.add(asMember, project, outcomeId, "Sweep comment " + suffix);
        UUID commentId = comments.comments(asMember, project, outcomeId).get(0).id();
        return new ProjectOfA(project, outcomeId, p.currentActivities().get(0).id(), p.currentStatements().get(0).id(), commentId,
                List.of(name, outcome, activity, statement, "Sweep comment " + suffix));
    }

    /**
     * A's form for the project, open, with named answers: a question linked to A's plan row, a
     * member's own link, and an answer from A's member.
     */
    record FormOfA(UUID id, String key, UUID responseId, String token, String personalToken, UUID importId, List<String> words) {}

    private FormOfA formOf(Org a, ProjectOfA project, EvidenceOfA evidence) {
        Tenant asFacilitator = new Tenant(new UserId(a.person(Role.FACILITATOR).id()), a.id(), a.name(), Role.FACILITATOR);
        String suffix = TestData.suffix();
        String title = "Sweep form " + suffix;
        String question = "Sweep question " + suffix;
        String said = "Sweep said " + suffix;
        String answer = "Sweep answer " + suffix;
        Question q = new Question("sweep", QuestionType.RATING, question, null, "Sweep easy " + suffix, "star", false, List.of("Poor", "Good"),
                ScaleStyle.WORDS, null, null, project.outcomeId(), evidence.rowId());
        Question text = new Question("said", QuestionType.SHORT_TEXT, said, null, null, null, true, List.of(), ScaleStyle.WORDS, null, null,
                project.outcomeId(), null);
        UUID id = forms.create(asFacilitator, project.id(), title, "Sweep intro " + suffix, true, null, List.of(q, text));
        forms.setStatus(asFacilitator, id, FormStatus.OPEN);
        forms.addPersonalLink(asFacilitator, id, a.person(Role.MEMBER).id());
        Form form = forms.form(asFacilitator, id);
        PublicForm pf = respondents.locate(form.token()).orElseThrow();
        Draft draft = respondents.start(pf, Source.ONLINE, a.person(Role.MEMBER).id());
        respondents.savePage(pf, draft, pf.form().questions(), Map.of("sweep", List.of("2"), "said", List.of(answer)));
        UUID responseId = ((SubmitResult.Saved) respondents.submit(pf, draft.token())).responseId();
        String personal = forms.personalLinks(asFacilitator, id).getFirst().token();
        // An XLSForm file of A's form, read and waiting to be confirmed: its preview shows A's words.
        UUID importId = ((org.coproduction.impact.form.XlsFormImports.Upload.Previewed) xlsForms.read(asFacilitator, project.id(),
                "sweep.xlsx", org.coproduction.impact.form.XlsForm.write(form), "Untitled")).importId();
        return new FormOfA(id, q.key(), responseId, form.token(), personal, importId, List.of(title, question, said, answer, "Sweep easy " + suffix,
                "Sweep intro " + suffix, form.token(), form.paperCode(), personal));
    }

    /** A's own way of collecting evidence, a review of something A already collects, and a plan row with a comment. */
    record EvidenceOfA(UUID wayId, UUID reviewId, UUID rowId, List<String> words) {}

    private EvidenceOfA evidenceOf(Org a, ProjectOfA project) {
        Person facilitator = a.person(Role.FACILITATOR);
        Tenant asFacilitator = new Tenant(new UserId(facilitator.id()), a.id(), a.name(), Role.FACILITATOR);
        String suffix = TestData.suffix();
        String way = "Sweep way " + suffix;
        String review = "Sweep review " + suffix;
        String row = "Sweep evidence " + suffix;
        String comment = "Sweep plan comment " + suffix;
        UUID wayId = ((EvidenceService.Result.Saved) evidence.addWay(asFacilitator,
                new EvidenceService.WayDetails(way, null, null, List.of(EvidenceType.PEOPLES_VOICES)), null)).id();
        UUID reviewId = ((EvidenceService.Result.Saved) evidence.addReview(asFacilitator, new EvidenceService.ReviewAnswers(review,
                null, null, null, null, null, null, null, null, null, null, "Sweep gap " + suffix))).id();
        UUID rowId = ((PlanEdit.Saved) plans.addRow(asFacilitator, project.id(), project.outcomeId(), new PlanRowDraft(
                EvidenceType.PEOPLES_VOICES, row, List.of(wayId), "Sweep success " + suffix, null, null, null, null, null, null))).rowId();
        Tenant asMember = new Tenant(new UserId(a.person(Role.MEMBER).id()), a.id(), a.name(), Role.MEMBER);
        plans.addComment(asMember, project.id(), comment);
        return new EvidenceOfA(wayId, reviewId, rowId, List.of(way, review, "Sweep gap " + suffix, row, "Sweep success " + suffix, comment));
    }

    Fixture newFixture() {
        Org a = data.organisationWithEveryRole("Sweep A");
        Org b = data.organisationWithEveryRole("Sweep B");
        Person admin = a.admin();
        Tenant asAdmin = new Tenant(new UserId(admin.id()), a.id(), a.name(), Role.ADMIN);
        String suffix = TestData.suffix();
        UUID printed = invitations.invitePrinted(asAdmin, "Printed invitee " + suffix, Role.MEMBER);
        UUID emailed = invitations.inviteByEmail(asAdmin, "Emailed invitee " + suffix, "invitee-" + suffix + "@example.test",
                Role.FACILITATOR);
        jdbc.sql("insert into sso_waiting (id, organisation_id, email, display_name) values (:id, :org, :email, :name)")
                .param("id", waitingIdOf(a)).param("org", a.id().value())
                .param("email", "waiting-" + suffix + "@example.test").param("name", "Waiting " + suffix).update();
        jdbc.sql("""
                        insert into api_token (id, organisation_id, name, prefix, token_hash, scopes, created_by)
                        values (:id, :org, :name, 'cpi_sweep0', :hash, array['read:projects'], :by)
                        """)
                .param("id", apiTokenIdOf(a)).param("org", a.id().value()).param("name", "Sweep token " + suffix)
                .param("hash", java.nio.ByteBuffer.allocate(32).putLong(UUID.randomUUID().getMostSignificantBits())
                        .putLong(UUID.randomUUID().getLeastSignificantBits()).putLong(System.nanoTime()).array())
                .param("by", admin.id()).update();
        ProjectOfA project = projectOf(a);
        jdbc.sql("""
                        insert into record_import (id, organisation_id, project_id, filename, file_sha256, status, read_at)
                        values (:id, :org, :project, 'sweep.csv', :hash, 'READ', now())
                        """)
                .param("id", attendanceImportIdOf(a)).param("org", a.id().value()).param("project", project.id())
                .param("hash", "sweep-" + suffix).update();
        jdbc.sql("""
                        insert into reciprocity_entry (id, organisation_id, project_id, user_id, kind, description, amount_pence, offered_on)
                        values (:id, :org, :project, :user, 'PAYMENT', :words, 2500, date '2026-03-02')
                        """)
                .param("id", reciprocityEntryIdOf(a)).param("org", a.id().value()).param("project", project.id())
                .param("user", a.person(Role.MEMBER).id()).param("words", "Sweep payment " + suffix).update();
        EvidenceOfA evidence = evidenceOf(a, project);
        FormOfA form = formOf(a, project, evidence);
        jdbc.sql("""
                        insert into form_response_import (id, organisation_id, form_id, version_number, filename, file_sha256, tool, status, layout,
                                                          mapping, rows_read, read_at)
                        values (:id, :org, :form, (select max(number) from form_version where form_id = :form), 'sweep.csv', :hash, 'GOOGLE_FORMS',
                                'READ', cast(:layout as jsonb), '{}', 0, now())
                        """)
                .param("id", responseImportIdOf(a)).param("org", a.id().value()).param("form", form.id()).param("hash", "sweep-" + suffix)
                .param("layout", "{\"tool\":\"GOOGLE_FORMS\",\"firstRow\":1,\"headerRows\":1,\"timeColumn\":0,\"idColumn\":-1,\"asked\":[]}")
                .update();
        // An upload waiting for the operator (not an export: its page says so in plain words).
        jdbc.sql("insert into organisation_import_upload (id, file_sha256) values (:id, :hash)")
                .param("id", organisationImportIdOf(a)).param("hash", "sweep-" + suffix).update();
        jdbc.sql("insert into organisation_import_upload_part (upload_id, part, bytes) values (:id, 0, :bytes)")
                .param("id", organisationImportIdOf(a)).param("bytes", "not a zip".getBytes()).update();
        return new Fixture(a, b, invitations.get(asAdmin, printed), invitations.get(asAdmin, emailed),
                resetTokenFor(a.person(Role.MEMBER)), project, evidence, frameworkOf(a),
                mediaOf(a, project), trackerOf(a, project), form, recordsOf(a, project), dataOf(a, project),
                reviewsOf(a, project), reportsOf(a, project), togetherOf(a, project));
    }

    /** The id of A's attendance import preview made in newFixture, derived from A's id. */
    static UUID reciprocityEntryIdOf(Org a) {
        return UUID.nameUUIDFromBytes(("reciprocity-entry-" + a.id().value()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static UUID attendanceImportIdOf(Org a) {
        return UUID.nameUUIDFromBytes(("attendance-import-" + a.id().value()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The id of A's response import (read, not confirmed) made in newFixture, derived from A's id. */
    static UUID responseImportIdOf(Org a) {
        return UUID.nameUUIDFromBytes(("response-import-" + a.id().value()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The id of an operator's organisation upload made in newFixture, derived from A's id. */
    static UUID organisationImportIdOf(Org a) {
        return UUID.nameUUIDFromBytes(("organisation-import-" + a.id().value()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The id of A's API token made in newFixture, derived from A's id. */
    static UUID apiTokenIdOf(Org a) {
        return UUID.nameUUIDFromBytes(("api-token-" + a.id().value()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The id of the person waiting for approval in A (single sign-on), derived from A's id. */
    static UUID waitingIdOf(Org a) {
        return UUID.nameUUIDFromBytes(("sso-waiting-" + a.id().value()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A's member's reflection after A's activity on A's outcome, shared with the group for learning. */
    record TogetherOfA(UUID reflectionId, UUID lessonId, UUID assessmentId, UUID statementId, UUID organisationAssessmentId, List<String> words) {}

    private TogetherOfA togetherOf(Org a, ProjectOfA project) {
        Person member = a.person(Role.MEMBER);
        Tenant asMember = new Tenant(new UserId(member.id()), a.id(), a.name(), Role.MEMBER);
        String suffix = TestData.suffix();
        String well = "Sweep went well " + suffix;
        String notWell = "Sweep not well " + suffix;
        String theme = "sweep reflection theme " + suffix;
        UUID id = ((TogetherResult.Saved) reflections.add(asMember, project.id(), new ReflectionDraft(project.activityId(), Face.GOOD, well,
                notWell, "", Set.of(project.outcomeId()), List.of(theme), java.util.EnumSet.of(ConsentUse.INTERNAL_LEARNING)))).id();
        Person facilitator = a.person(Role.FACILITATOR);
        String lesson = "Sweep lesson " + suffix;
        String change = "Sweep change " + suffix;
        UUID lessonId = ((TogetherResult.Saved) lessons.add(new Tenant(new UserId(facilitator.id()), a.id(), a.name(), Role.FACILITATOR),
                project.id(), new LessonDraft(lesson, "", change, false, List.of(theme), Set.of(id)))).id();
        Tenant asFacilitator = new Tenant(new UserId(facilitator.id()), a.id(), a.name(), Role.FACILITATOR);
        String round = "Sweep self-assessment " + suffix;
        String reasons = "Sweep ladder reasons " + suffix;
        String comment = "Sweep statement comment " + suffix;
        UUID assessment = ((TogetherResult.Saved) selfAssessments.start(asFacilitator, project.id(), round)).id();
        UUID statement = selfAssessments.statements(asFacilitator).getFirst().id();
        selfAssessments.answer(asMember, project.id(), assessment, Map.of(statement, 2), Map.of(statement, comment), Rung.CONSULTATION, reasons);
        selfAssessments.answer(asFacilitator, project.id(), assessment, Map.of(statement, 4), Map.of(), Rung.CO_PRODUCTION, "");
        String organisationRound = "Sweep organisation self-assessment " + suffix;
        String organisationComment = "Sweep organisation comment " + suffix;
        Tenant asAdmin = new Tenant(new UserId(a.admin().id()), a.id(), a.name(), Role.ADMIN);
        UUID organisationAssessment = ((TogetherResult.Saved) selfAssessments.start(asAdmin, null, organisationRound)).id();
        selfAssessments.answer(asMember, null, organisationAssessment, Map.of(statement, 1), Map.of(statement, organisationComment), null, "");
        return new TogetherOfA(id, lessonId, assessment, statement, organisationAssessment,
                List.of(well, notWell, theme, lesson, change, round, reasons, comment, organisationRound, organisationComment));
    }

    /** Asks the service for a reset link for the person and reads it from the kept email. */
    private String resetTokenFor(Person person) {
        accounts.requestPasswordReset(person.username());
        String body = jdbc.sql("select body from outbound_email where recipient = :to order by created_at desc limit 1")
                .param("to", person.email())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("no reset email kept for " + person.username()));
        Matcher link = Pattern.compile("/reset-password/([A-Za-z0-9_-]+)").matcher(body);
        if (!link.find()) {
            throw new IllegalStateException("no reset link in the email: " + body);
        }
        return link.group(1);
    }

    /**
     * The operator account named in this class's configuration: made on first use, or found again
     * when the database outlives the run (the name is reserved for this class).
     */
    Person operator() {
        Person existing = operator;
        if (existing != null) {
            return existing;
        }
        synchronized (EndpointSweepTest.class) {
            if (operator == null) {
                operator = jdbc.sql("""
                                select u.id, m.id as membership_id, u.username, u.email, u.display_name, m.role, m.organisation_id
                                from user_account u join membership m on m.user_id = u.id
                                where lower(u.username) = :username
                                """)
                        .param("username", OPERATOR)
                        .query((rs, n) -> new Person(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                Role.valueOf(rs.getString(6)),
                                new OrganisationId(rs.getObject(7, UUID.class))))
                        .optional()
                        .orElseGet(() -> data.person(data.organisation("Operator's own " + TestData.suffix()), Role.VIEWER, OPERATOR));
            }
            return Objects.requireNonNull(operator);
        }
    }

    private @Nullable Person someoneAllowed(EndpointAccess access, Fixture f) {
        return switch (access) {
            case EndpointAccess.Public p -> null;
            case EndpointAccess.AnySignedIn s -> f.a().admin();
            case EndpointAccess.Operator o -> operator();
            case EndpointAccess.Roles r -> f.a().person(allowedRoles(r).getFirst());
            case EndpointAccess.Api api -> null;
        };
    }

    private static List<Role> allowedRoles(EndpointAccess access) {
        return switch (access) {
            case EndpointAccess.Public p -> List.of(Role.values());
            case EndpointAccess.AnySignedIn s -> List.of(Role.values());
            case EndpointAccess.Operator o -> List.of();
            case EndpointAccess.Roles r -> Stream.of(Role.values()).filter(r.allowed()::contains).toList();
            // Nobody signed in: only an API token (sweepApi).
            case EndpointAccess.Api api -> List.of();
        };
    }

    // ---------------------------------------------------------------------------------------
    // Discovering mappings and filling their addresses

    record Endpoint(HttpMethod method, String pattern, HandlerMethod handler, @Nullable EndpointAccess access) {

        @Override
        public String toString() {
            return method + " " + pattern + " (" + handler.getBeanType().getSimpleName() + "."
                    + handler.getMethod().getName() + ")";
        }
    }

    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
            // A mapping for every method (like /error) is swept as both a page and a form post.
            Set<RequestMethod> methods = declared.isEmpty() ? EnumSet.of(RequestMethod.GET, RequestMethod.POST) : declared;
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods) {
                    endpoints.add(new Endpoint(method.asHttpMethod(), pattern, handler, EndpointAccess.of(handler)));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(e -> e.method().name()));
        return endpoints;
    }

    static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static @Nullable Function<Fixture, String> registryValue(String pattern, String variable) {
        Function<Fixture, String> specific = PATH_VALUES.get(variable + " in " + pattern);
        return specific != null ? specific : PATH_VALUES.get(variable);
    }

    private static String missingValueAdvice() {
        return "path variables without a value: add one to EndpointSweepTest.PATH_VALUES (a real id of"
                + " organisation A's data, made in newFixture()) so the sweep can call the endpoint";
    }

    static String expand(String pattern, Fixture f) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder uri = new StringBuilder();
        while (m.find()) {
            Function<Fixture, String> value = registryValue(pattern, m.group(1));
            if (value == null) {
                throw new IllegalStateException(
                        pattern + " has {" + m.group(1) + "} with no value. " + missingValueAdvice() + ".");
            }
            m.appendReplacement(uri, Matcher.quoteReplacement(value.apply(f)));
        }
        m.appendTail(uri);
        return uri.toString().replace("/**", "/sweep").replace("/*", "/sweep");
    }

    private static boolean hasCapability(String pattern) {
        return variables(pattern).stream().anyMatch(CAPABILITIES::contains);
    }

    /** The address with A's ids but a made-up value for each capability. */
    private static String expandWithWrongCapability(String pattern, Fixture f) {
        String wrong = "wrong-" + UUID.randomUUID();
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder uri = new StringBuilder();
        while (m.find()) {
            String value = CAPABILITIES.contains(m.group(1)) ? wrong : registryValue(pattern, m.group(1)).apply(f);
            m.appendReplacement(uri, Matcher.quoteReplacement(value));
        }
        m.appendTail(uri);
        return uri.toString();
    }

    // ---------------------------------------------------------------------------------------
    // Calling

    private Response call(HttpMethod method, String uri, @Nullable RequestPostProcessor as, boolean withCsrf)
            throws Exception {
        MockHttpServletRequestBuilder request = method == HttpMethod.POST ? post(uri) : request(method, uri);
        request.accept(MediaType.TEXT_HTML);
        if (as != null) {
            request.with(as);
        }
        if (withCsrf && method != HttpMethod.GET) {
            request.with(csrf());
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        Map<String, String> headers = new java.util.HashMap<>();
        for (String name : response.getHeaderNames()) {
            String value = response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        if (response.getContentType() != null) {
            headers.put("Content-Type", response.getContentType());
        }
        return new Response(response.getStatus(), response.getRedirectedUrl(), response.getContentAsString(), Map.copyOf(headers));
    }
}
