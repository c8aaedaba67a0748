package uk.starred.impl.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.starred.api.calendar.Timescale;
import uk.starred.api.procedure.CafcassRule;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.OnDeadline;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.procedure.Stage;

/** A small procedure exercising every rule the engine interprets, for the engine's own tests. */
public final class TestProcedures {

    public static final Set<Cohort> BOTH = Set.of(Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION);

    private TestProcedures() {
    }

    /**
     * Four stages: a ratification the Team Manager answers in 2 working days (no remit sends it to
     * the Head of Service stage), an informal stage with two required actions, a bypassable formal
     * stage, and a Head of Service stage the IRO may enter directly. CAFCASS at any point, the Head
     * of Service told first.
     */
    public static Procedure alerts(String version) {
        return new Procedure("test-alerts", version, "Test Alerts Procedure", BOTH,
                List.of("IRO", "CPC", "SOCIAL_WORKER", "TEAM_MANAGER", "SERVICE_MANAGER", "HEAD_OF_SERVICE"),
                List.of("IRO", "CPC"),
                List.of(new Stage("RATIFICATION", "Ratification", List.of("IRO", "TEAM_MANAGER"),
                                List.of("SOCIAL_WORKER"), "TEAM_MANAGER", List.of(), Timescale.workingDays(2),
                                OnDeadline.DEEMED_AGREEMENT, false, false, false, "HEAD_OF_SERVICE",
                                Map.of(ConcernEvent.STAGE_ENTERED, "Starred Recommendation")),
                        new Stage("INFORMAL", "Informal resolution", List.of("IRO", "TEAM_MANAGER", "SERVICE_MANAGER"),
                                List.of("SERVICE_MANAGER"), "SERVICE_MANAGER",
                                List.of(new RequiredAction("MEETING_HELD", "Meeting held with the Team Manager",
                                                "TEAM_MANAGER"),
                                        new RequiredAction("YOUNG_PERSON_INFORMED",
                                                "Young person informed of their right to complain and to an advocate",
                                                "IRO")),
                                Timescale.workingDays(4), OnDeadline.PROMPT_IRO, false, false, false, null, Map.of()),
                        new Stage("FORMAL", "Formal resolution", List.of("IRO", "SERVICE_MANAGER"),
                                List.of("SERVICE_MANAGER"), null, List.of(), Timescale.workingDays(4),
                                OnDeadline.NEXT_STAGE, false, true, true, null, Map.of()),
                        new Stage("HEAD_OF_SERVICE", "Head of Service", List.of("IRO", "HEAD_OF_SERVICE"),
                                List.of("HEAD_OF_SERVICE"), "HEAD_OF_SERVICE", List.of(), Timescale.workingDays(4),
                                OnDeadline.PROMPT_IRO, true, false, true, null, Map.of())),
                List.of(new Reason("PLAN_DRIFT", "Drift in the care plan", BOTH),
                        new Reason("REVIEW_LATE", "A review is late", BOTH),
                        new Reason("CORE_GROUP", "The core group is not meeting", Set.of(Cohort.CHILD_PROTECTION)),
                        new Reason("NO_PERMANENCE_PLAN", "No permanence plan at the second review",
                                Set.of(Cohort.LOOKED_AFTER))),
                Timescale.workingDays(20),
                new CafcassRule(true, List.of("HEAD_OF_SERVICE"), Timescale.calendarDays(14)),
                Map.of(ConcernEvent.RAISED, "Dispute Resolution", ConcernEvent.RESPONSE_RECORDED, "Dispute Resolution",
                        ConcernEvent.RESOLVED, "Dispute Resolution", ConcernEvent.CAFCASS_REFERRED,
                        "Dispute Resolution"));
    }
}
