package uk.starred.referencehost;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.api.concern.RaiseConcern;

/**
 * Gives the demo something to show: on first start it raises the concerns of the demo children
 * through the public {@link ConcernService}, exactly as an IRO would. A child that already has
 * concerns is left alone, so restarting the demo never duplicates them.
 */
@Component(immediate = true)
public class DemoConcerns {

    private static final Logger LOG = LoggerFactory.getLogger(DemoConcerns.class);
    private static final ProcedureRef ALERTS = new ProcedureRef("dispute-resolution-alert", "1.0.0");
    private static final ProcedureRef STARRED = new ProcedureRef("starred-decisions", "1.0.0");

    @Activate
    public DemoConcerns(@Reference ConcernService concerns) {
        LocalDate today = LocalDate.now(Clock.system(ZoneId.of("Europe/London")));
        List<RaiseConcern> demo = List.of(
                new RaiseConcern("DEMO-CHILD-AMARA", STARRED, ConcernOrigin.STARRED_DECISION,
                        List.of("PERMANENCE_PLAN_DELAYED"),
                        "Permanence plan not presented at the second review as agreed.",
                        "Permanence planning meeting held and plan presented to the IRO.",
                        today.plusDays(14), "demo-team-manager", "demo-iro"),
                new RaiseConcern("DEMO-CHILD-BEN", ALERTS, ConcernOrigin.RED_RAG_RATING,
                        List.of("CP_VISITS_NOT_COMPLETED", "CORE_GROUP_NOT_HELD"),
                        "Statutory visits not completed within timescale; core group not held since conference.",
                        "Visits brought up to date and core group convened.",
                        today.plusDays(5), "demo-team-manager", "demo-cpc"),
                new RaiseConcern("DEMO-CHILD-CHLOE", ALERTS, ConcernOrigin.MISSED_STATUTORY_TIMETABLE,
                        List.of("REVIEW_LATE"),
                        "Second looked-after review not held within three months.",
                        "Review held and record of decisions distributed.",
                        today.plusDays(10), "demo-service-manager", "demo-iro"));
        int raised = 0;
        for (RaiseConcern command : demo) {
            if (concerns.concernsForChild(command.childId()).isEmpty()) {
                concerns.raise(command);
                raised++;
            }
        }
        LOG.info("Starred demo: {} demo concern(s) raised, {} already present", raised, demo.size() - raised);
    }
}
