package org.coproduction.impact.organisation;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.Membership;
import org.coproduction.impact.shared.tenancy.MembershipDirectory;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.shared.tenancy.WordsLanguageChanged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisations and the people in them. Every method about people works in the caller's organisation. */
@Service
public class OrganisationService implements MembershipDirectory {

    /** How a change to someone's place in the organisation ended. */
    public enum Change {
        DONE,
        /** Someone else changed this person's role since the page was loaded. */
        STALE,
        /** It would leave the organisation with no ADMIN. */
        LAST_ADMIN
    }

    private final OrganisationRepository organisations;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    OrganisationService(OrganisationRepository organisations, AuditLog audit, org.springframework.context.ApplicationEventPublisher events) {
        this.organisations = organisations;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Read by the person's own id, across the organisations they belong to, before any one of them
     * is chosen: the service's own work, and said so.
     */
    @Override
    public List<Membership> membershipsOf(UserId userId) {
        return OrganisationScope.asTheService("finding the organisations a person belongs to", () -> organisations.membershipsOf(userId));
    }

    /**
     * How long an organisation's words language is kept once read for the answering pages. A change
     * shows at once on the instance that made it and within this time on the others.
     */
    static final java.time.Duration WORDS_LANGUAGE_KEPT = java.time.Duration.ofSeconds(30);

    private record Kept(String language, long readAt) {}

    // Bounded by the number of organisations whose answering pages are open; cleared when it grows past that.
    private final java.util.concurrent.ConcurrentMap<OrganisationId, Kept> wordsLanguages = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String wordsLanguage(OrganisationId organisation) {
        long now = System.nanoTime();
        Kept kept = wordsLanguages.get(organisation);
        if (kept != null && now - kept.readAt() < WORDS_LANGUAGE_KEPT.toNanos()) {
            return kept.language();
        }
        String language = OrganisationScope.asTheService("reading the language an organisation writes in",
                () -> organisations.wordsLanguage(organisation));
        if (wordsLanguages.size() > 10_000) {
            wordsLanguages.clear();
        }
        wordsLanguages.put(organisation, new Kept(language, now));
        return language;
    }

    /**
     * Sets the language the ADMIN's organisation writes its own words in ("en" or "cy"), and audits it.
     * A change swaps, in the same transaction, the words given in both languages, so the main boxes hold
     * the new language's words and the second boxes the other's ({@link WordsLanguageChanged}).
     */
    @Transactional
    public void setWordsLanguage(Tenant admin, String language) {
        if (admin.role() != Role.ADMIN) {
            throw new org.springframework.security.access.AccessDeniedException("only an ADMIN sets the organisation's language");
        }
        if (org.coproduction.impact.shared.web.Languages.byCode(language).isEmpty()) {
            throw new IllegalArgumentException("not a language the service knows: " + language);
        }
        boolean changed = !language.equals(organisations.wordsLanguage(admin.organisationId()));
        organisations.setWordsLanguage(admin.organisationId(), language);
        wordsLanguages.remove(admin.organisationId());
        if (changed) {
            events.publishEvent(new WordsLanguageChanged(admin.organisationId(), language));
        }
        audit.record(admin.organisationId(), admin.userId(), "WORDS_LANGUAGE_CHANGED", "organisation", admin.organisationId().value(), language);
    }

    /** Creates an organisation with its creator as its first ADMIN. */
    @Transactional
    public OrganisationId create(UserId creator, String name) {
        OrganisationId org = organisations.create(name.strip());
        organisations.addMember(org, creator, Role.ADMIN);
        audit.record(org, creator, "CREATED", "organisation", org, name.strip());
        return org;
    }

    public List<Person> people(Tenant tenant) {
        return organisations.people(tenant.organisationId());
    }

    public Person person(Tenant tenant, UUID membershipId) {
        return organisations.person(tenant.organisationId(), membershipId)
                .orElseThrow(() -> new NotFoundException("person"));
    }

    @Transactional
    public Change changeRole(Tenant tenant, UUID membershipId, Role role, int version) {
        Person person = person(tenant, membershipId);
        if (person.role() == Role.ADMIN && role != Role.ADMIN
                && organisations.lockAndCountAdmins(tenant.organisationId()) <= 1) {
            return Change.LAST_ADMIN;
        }
        if (!organisations.changeRole(tenant.organisationId(), membershipId, role, version)) {
            return Change.STALE;
        }
        audit.record(tenant.organisationId(), tenant.userId(), "ROLE_CHANGED", "membership", membershipId,
                person.displayName() + ": " + person.role() + " -> " + role);
        return Change.DONE;
    }

    @Transactional
    public Change remove(Tenant tenant, UUID membershipId) {
        Person person = person(tenant, membershipId);
        if (person.role() == Role.ADMIN && organisations.lockAndCountAdmins(tenant.organisationId()) <= 1) {
            return Change.LAST_ADMIN;
        }
        if (!organisations.remove(tenant.organisationId(), membershipId)) {
            throw new NotFoundException("person");
        }
        audit.record(tenant.organisationId(), tenant.userId(), "REMOVED", "membership", membershipId,
                person.displayName() + " (" + person.role() + ")");
        return Change.DONE;
    }

    /** Every organisation on the platform, for the operator. */
    public List<OrganisationSummary> allOrganisations() {
        return organisations.all();
    }

    @Transactional
    public void setSuspended(UserId operator, UUID organisationId, boolean suspended) {
        OrganisationId org = new OrganisationId(organisationId);
        if (!organisations.setSuspended(org, suspended)) {
            throw new NotFoundException("organisation");
        }
        audit.record(org, operator, suspended ? "SUSPENDED" : "UNSUSPENDED", "organisation", org, null);
    }
}
