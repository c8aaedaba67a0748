package uk.starred.referencehost.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import uk.starred.api.calendar.Timescale;
import uk.starred.api.procedure.CafcassRule;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.OnDeadline;
import uk.starred.api.procedure.Permissions;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureProvider;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.ReferralWindow;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.procedure.Stage;

/**
 * The demo council's procedure: an alert process for looked-after children and children on child
 * protection plans (after the Dispute Resolution Alert Process of seed 004): a conversation resolved
 * within 72 hours, an informal alert with 48 more, a formal alert resolved within 5 working days, and
 * escalation straight to the Head of Service in the most serious cases.
 */
@Component(service = ProcedureProvider.class)
public class DemoProcedure implements ProcedureProvider {

    static final String ID = "demo-alert-process";
    static final String VERSION = "1.0.0";

    private static final Set<Cohort> BOTH = Set.of(Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION);

    private static final Procedure PROCEDURE = new Procedure(ID, VERSION, "Demo Council Dispute Resolution Alert Process",
            BOTH,
            List.of("IRO", "CPC", "SOCIAL_WORKER", "TEAM_MANAGER", "SERVICE_MANAGER", "HEAD_OF_SERVICE",
                    "DEPUTY_DIRECTOR", "IRO_MANAGER"),
            Permissions.drivenBy(List.of("IRO", "CPC")),
            List.of(
                    Stage.builder("CONVERSATION", "Step 1: conversation with the Social Worker and Team Manager")
                            .participants("IRO", "CPC", "SOCIAL_WORKER", "TEAM_MANAGER").notified("SOCIAL_WORKER")
                            .responders("TEAM_MANAGER")
                            .requiredAction(new RequiredAction("CONVERSATION_HELD",
                                    "Conversation held with the Social Worker and Team Manager", "TEAM_MANAGER"))
                            .timescale(Timescale.workingHours(72)).onSilence(OnDeadline.PROMPT_IRO)
                            .afterResponse(OnDeadline.PROMPT_IRO)
                            .caseNote(ConcernEvent.RESOLVED, "IRO or CPC Oversight").build(),
                    Stage.builder("INFORMAL_ALERT", "Step 2: Informal Alert")
                            .participants("IRO", "CPC", "TEAM_MANAGER").notified("TEAM_MANAGER")
                            .responders("TEAM_MANAGER").timescale(Timescale.workingHours(48))
                            .onSilence(OnDeadline.PROMPT_IRO).afterResponse(OnDeadline.PROMPT_IRO)
                            .caseNote(ConcernEvent.STAGE_ENTERED, "Informal Safeguarding Alert").build(),
                    Stage.builder("FORMAL_ALERT", "Step 3: Formal Alert")
                            .participants("IRO", "CPC", "TEAM_MANAGER", "SERVICE_MANAGER")
                            .notified("TEAM_MANAGER", "SERVICE_MANAGER").responders("SERVICE_MANAGER")
                            .timescale(Timescale.workingDays(5)).onSilence(OnDeadline.PROMPT_IRO)
                            .afterResponse(OnDeadline.PROMPT_IRO).mayBypass().formal()
                            .caseNote(ConcernEvent.STAGE_ENTERED, "Dispute Resolution (Safeguarding) Alert").build(),
                    Stage.builder("HEAD_OF_SERVICE", "Escalation to the Head of Service and Deputy Director")
                            .participants("IRO", "CPC", "HEAD_OF_SERVICE", "DEPUTY_DIRECTOR")
                            .notified("HEAD_OF_SERVICE", "DEPUTY_DIRECTOR", "TEAM_MANAGER", "SERVICE_MANAGER")
                            .responders("HEAD_OF_SERVICE").timescale(Timescale.workingDays(5))
                            .onSilence(OnDeadline.PROMPT_IRO).afterResponse(OnDeadline.PROMPT_IRO)
                            .mayEnterDirectly().formal().build()),
            List.of(
                    new Reason("SAFETY_PLANNING", "Concerns about the safety of the child and planning that does not"
                            + " address needs and safety sufficiently", BOTH),
                    new Reason("CHILD_NOT_SEEN", "The child is not being seen within timescales or alone regularly", BOTH),
                    new Reason("REVIEW_LATE", "A review is late or cancelled without agreement, or not correctly"
                            + " organised", BOTH),
                    new Reason("SERVICES_NOT_PROVIDED", "Support and services agreed at review have not been provided"
                            + " or are delayed", BOTH),
                    new Reason("CORE_GROUP_NOT_MEETING", "The Core Group is not meeting regularly and there is drift",
                            Set.of(Cohort.CHILD_PROTECTION)),
                    new Reason("NO_CARE_PLAN", "There is no visibly recorded Care Plan, including the Permanence Plan"
                            + " at the second review", Set.of(Cohort.LOOKED_AFTER))),
            Timescale.workingDays(10),
            new CafcassRule(ReferralWindow.ANY_POINT, null, List.of("HEAD_OF_SERVICE", "DEPUTY_DIRECTOR"), List.of(),
                    Timescale.calendarDays(14)),
            Map.of(ConcernEvent.RESPONSE_RECORDED, "IRO or CPC Oversight",
                    ConcernEvent.COMMUNICATION_RECORDED, "IRO or CPC Oversight",
                    ConcernEvent.CAFCASS_REFERRED, "IRO or CPC Oversight"));

    @Override
    public Procedure procedure() {
        return PROCEDURE;
    }
}
