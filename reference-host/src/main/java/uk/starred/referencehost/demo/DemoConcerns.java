package uk.starred.referencehost.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.referencehost.session.Session;

/**
 * Gives the demo something to show: once Starred has accepted the demo procedure, the demo IRO and
 * CPC raise concerns for the first three demo children through the public {@link ConcernService}, and the Team
 * Manager responds to one, exactly as they would through the screens ({@link DemoCaseload} asks, on its own
 * thread). A child who already has concerns is left alone, so restarting the demo never duplicates them.
 */
final class DemoConcerns {

    private static final Logger LOG = LoggerFactory.getLogger(DemoConcerns.class);

    private DemoConcerns() {
    }

    static void raise(ConcernService concerns, uk.starred.api.procedure.Procedure procedure) {
        try {
            raiseEach(concerns, procedure.ref());
        } catch (Exception e) {
            LOG.warn("Starred demo: could not raise the first demo concerns: {}", e.getClass().getName());
        }
    }

    private static void raiseEach(ConcernService concerns, ProcedureRef ref) throws Exception {
        LocalDate today = LocalDate.now(Clock.system(ZoneId.of("Europe/London")));
        int raised = 0;
        if (Session.runAs("demo-iro", () -> concerns.concernsForChild(DemoPeople.AMARA)).isEmpty()) {
            Session.runAs("demo-iro", () -> concerns.raise(new RaiseConcern(DemoPeople.AMARA, ref,
                    ConcernOrigin.STARRED_DECISION, List.of("NO_CARE_PLAN"),
                    "Permanence plan not presented at the second review as agreed.",
                    "Permanence planning meeting held and plan presented to the IRO.", today.plusDays(14),
                    "demo-team-manager", null)));
            raised++;
        }
        if (Session.runAs("demo-cpc", () -> concerns.concernsForChild(DemoPeople.BEN)).isEmpty()) {
            Concern ben = Session.runAs("demo-cpc", () -> concerns.raise(new RaiseConcern(DemoPeople.BEN, ref,
                    ConcernOrigin.RED_RAG_RATING, List.of("CHILD_NOT_SEEN", "CORE_GROUP_NOT_MEETING"),
                    "Statutory visits not completed within timescale; core group not held since conference.",
                    "Visits brought up to date and core group convened.", today.plusDays(5), "demo-team-manager",
                    null)));
            Session.runAs("demo-team-manager", () -> concerns.respond(ben.id(), ben.version(), ResponseKind.DISAGREE,
                    "Visits are planned for this week; the core group is booked.", List.of()));
            raised++;
        }
        if (Session.runAs("demo-iro", () -> concerns.concernsForChild(DemoPeople.CHLOE)).isEmpty()) {
            Session.runAs("demo-iro", () -> concerns.raise(new RaiseConcern(DemoPeople.CHLOE, ref,
                    ConcernOrigin.MISSED_STATUTORY_TIMETABLE, List.of("REVIEW_LATE"),
                    "Second looked-after review not held within three months.",
                    "Review held and record of decisions distributed.", today.plusDays(10), "demo-service-manager",
                    null)));
            raised++;
        }
        LOG.info("Starred demo: {} demo concern(s) raised", raised);
    }
}
