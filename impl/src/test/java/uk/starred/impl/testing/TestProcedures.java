package uk.starred.impl.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.starred.api.calendar.Timescale;
import uk.starred.api.procedure.CafcassRule;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.OnDeadline;
import uk.starred.api.procedure.Permissions;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.ReferralWindow;
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
                Permissions.drivenBy(List.of("IRO", "CPC")),
                List.of(Stage.builder("RATIFICATION", "Ratification").participants("IRO", "TEAM_MANAGER")
                                .notified("SOCIAL_WORKER").responders("TEAM_MANAGER").timescale(Timescale.workingDays(2))
                                .onSilence(OnDeadline.DEEMED_AGREEMENT).noRemitStage("HEAD_OF_SERVICE")
                                .caseNote(ConcernEvent.STAGE_ENTERED, "Starred Recommendation").build(),
                        Stage.builder("INFORMAL", "Informal resolution")
                                .participants("IRO", "TEAM_MANAGER", "SERVICE_MANAGER").notified("SERVICE_MANAGER")
                                .responders("SERVICE_MANAGER")
                                .requiredAction(new RequiredAction("MEETING_HELD", "Meeting held with the Team Manager",
                                        "TEAM_MANAGER"))
                                .requiredAction(new RequiredAction("YOUNG_PERSON_INFORMED",
                                        "Young person informed of their right to complain and to an advocate", "IRO"))
                                .timescale(Timescale.workingDays(4)).onSilence(OnDeadline.PROMPT_IRO)
                                .afterResponse(OnDeadline.PROMPT_IRO).build(),
                        Stage.builder("FORMAL", "Formal resolution").participants("IRO", "SERVICE_MANAGER")
                                .notified("SERVICE_MANAGER").timescale(Timescale.workingDays(4))
                                .onSilence(OnDeadline.NEXT_STAGE).afterResponse(OnDeadline.NEXT_STAGE).mayBypass()
                                .formal().build(),
                        Stage.builder("HEAD_OF_SERVICE", "Head of Service").participants("IRO", "HEAD_OF_SERVICE")
                                .notified("HEAD_OF_SERVICE").responders("HEAD_OF_SERVICE")
                                .timescale(Timescale.workingDays(4)).onSilence(OnDeadline.PROMPT_IRO)
                                .afterResponse(OnDeadline.PROMPT_IRO).mayEnterDirectly().formal().build()),
                List.of(new Reason("PLAN_DRIFT", "Drift in the care plan", BOTH),
                        new Reason("REVIEW_LATE", "A review is late", BOTH),
                        new Reason("CORE_GROUP", "The core group is not meeting", Set.of(Cohort.CHILD_PROTECTION)),
                        new Reason("NO_PERMANENCE_PLAN", "No permanence plan at the second review",
                                Set.of(Cohort.LOOKED_AFTER))),
                Timescale.workingDays(20),
                new CafcassRule(ReferralWindow.ANY_POINT, null, List.of("HEAD_OF_SERVICE"), List.of(), Timescale.calendarDays(14)),
                Map.of(ConcernEvent.RAISED, "Dispute Resolution", ConcernEvent.RESPONSE_RECORDED, "Dispute Resolution",
                        ConcernEvent.RESOLVED, "Dispute Resolution", ConcernEvent.CAFCASS_REFERRED,
                        "Dispute Resolution"));
    }
}
