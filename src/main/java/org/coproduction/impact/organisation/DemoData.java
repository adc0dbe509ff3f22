package org.coproduction.impact.organisation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo organisation from SCIE's worked example (a day centre for people with learning
 * disabilities), with an account for each role. Loaded once, in the default profile only
 * ({@code app.demo.enabled}); the prod profile turns it off, and it is never a migration.
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
@Order(0)
public class DemoData implements ApplicationRunner {

    /** The demo organisation's name; other modules add their demo data to it. */
    public static final String ORGANISATION = "Brookfield Day Opportunities (demo)";

    public static final String PARTNER_ORGANISATION = "Northfield Carers Network (demo)";

    /** Every demo account's password, printed in the README. */
    public static final String PASSWORD = "demo-coproduction-2026";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record DemoAccount(String username, String email, String name, Role role) {}

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin", "admin@brookfield.example", "Asha Patel", Role.ADMIN),
            new DemoAccount("facilitator", "facilitator@brookfield.example", "Sam Okafor", Role.FACILITATOR),
            new DemoAccount("member", null, "Jo Williams", Role.MEMBER),
            new DemoAccount("viewer", "viewer@funder.example", "Priya Shah", Role.VIEWER));

    private final OrganisationRepository organisations;
    private final AccountRepository accounts;
    private final InvitationRepository invitations;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    DemoData(OrganisationRepository organisations, AccountRepository accounts, InvitationRepository invitations,
            PasswordEncoder encoder, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.organisations = organisations;
        this.accounts = accounts;
        this.invitations = invitations;
        this.encoder = encoder;
    }

    /**
     * Makes the demo organisations, in one transaction, as the service's own work: it looks across
     * organisations for the demo's name before any organisation exists to be limited to, and each
     * module's demo data (added when {@link DemoOrganisationCreated} is published) follows it.
     */
    @Override
    public void run(ApplicationArguments args) {
        OrganisationScope.asTheService("making the demo organisations at start-up", () -> transactions.executeWithoutResult(tx -> load()));
    }

    private void load() {
        if (organisations.findByName(ORGANISATION).isPresent()) {
            return;
        }
        String hash = encoder.encode(PASSWORD);
        OrganisationId centre = organisations.create(ORGANISATION);
        OrganisationId carers = organisations.create(PARTNER_ORGANISATION);
        UserId admin = null;
        Map<Role, UUID> people = new EnumMap<>(Role.class);
        for (DemoAccount a : ACCOUNTS) {
            UserId id = accounts.create(a.username(), a.email(), a.name(), hash);
            organisations.addMember(centre, id, a.role());
            people.put(a.role(), id.value());
            if (a.role() == Role.ADMIN) {
                admin = id;
            }
            if (a.role() == Role.FACILITATOR) {
                // The facilitator also helps a carers' network: shows switching organisation.
                organisations.addMember(carers, id, Role.ADMIN);
            }
        }
        accounts.create("operator", null, "Platform Operator", hash);
        if (admin != null) {
            invitations.create(centre, admin, Invitation.Kind.PRINTED, "Chris Green", null, Role.MEMBER, InvitationService.PRINTED_LIFETIME);
        }
        events.publishEvent(new DemoOrganisationCreated(centre, ORGANISATION, Map.copyOf(people)));
        log.info("Demo data loaded: sign in as admin, facilitator, member, viewer or operator with the password in the README.");
    }
}
