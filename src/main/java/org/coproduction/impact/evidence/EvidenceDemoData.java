package org.coproduction.impact.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo organisation's list of ways of collecting evidence: SCIE's starting list, agreed by the
 * steering group, with a review of two things the day centre already collects. One review found a
 * gap (people who do not read could not give feedback), which became a new way in the list.
 */
@Component
class EvidenceDemoData {

    private final EvidenceService evidence;

    EvidenceDemoData(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @EventListener
    void addWaysOfCollecting(DemoOrganisationCreated demo) {
        UUID facilitator = demo.people().get(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(facilitator), demo.organisation(), demo.name(), Role.FACILITATOR);
        ListAgreement agreement = evidence.agreement(tenant);
        evidence.agree(tenant, agreement.version(),
                "The day centre steering group: five people with learning disabilities, two carers, the centre manager and the facilitator",
                LocalDate.of(2026, 2, 9));

        EvidenceService.Result form = evidence.addReview(tenant, new EvidenceService.ReviewAnswers(
                "Monthly feedback form",
                "What people thought of the month’s activities, so staff can plan the next month.",
                "Planning the activity timetable; the manager’s report to the trustees.",
                "A two-page paper form handed out at the end of the last session of the month; staff type the answers into a spreadsheet.",
                "The centre manager and the activity staff.",
                ReviewAnswer.PARTLY,
                "It is in small print with no pictures. People who do not read need a member of staff to fill it in for them.",
                ReviewAnswer.YES,
                "People like being asked, and the questions are about things they care about.",
                "An easy-read version with pictures; a way to answer without reading or writing.",
                "Asking every month; the open question “What would you change?”.",
                "Picture feedback cards that people can answer by pointing"));
        UUID review = ((EvidenceService.Result.Saved) form).id();
        evidence.addWay(tenant, new EvidenceService.WayDetails(
                "Picture feedback cards",
                "Cards with pictures and a smiley-face scale. People answer by pointing or sorting the cards; a supporter writes down what they say.",
                "How people rated an activity; what they enjoyed and what they would change, in their own words.",
                List.of(EvidenceType.PEOPLES_RATINGS, EvidenceType.PEOPLES_VOICES)), review);

        evidence.addReview(tenant, new EvidenceService.ReviewAnswers(
                "Attendance sheet",
                "Who came to each session, for fire safety and to know how busy the centre is.",
                "Fire safety; monthly figures for the local authority contract.",
                "Staff tick names on a printed list at the door; the totals go into the monthly report.",
                "Staff, the manager and the contract officer at the council.",
                ReviewAnswer.YES,
                "People do not have to do anything.",
                ReviewAnswer.NOT_SURE,
                "The group has not been asked about it.",
                "Also count first visits, so we know whether new people are coming.",
                "Ticking names at the door: it is quick and already part of the day.",
                null));
    }
}
