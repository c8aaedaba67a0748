package uk.starred.impl.descriptor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;

import uk.starred.api.calendar.Timescale;
import uk.starred.api.procedure.CafcassRule;
import uk.starred.api.procedure.Gate;
import uk.starred.api.procedure.OnDeadline;
import uk.starred.api.procedure.Permissions;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.ReferralWindow;
import uk.starred.api.procedure.Stage;

/**
 * Descriptor format 2 as docs/procedure-descriptors.md writes it: what each field means once read, what
 * is refused, every problem of a file in one pass, and format 1 read with the meaning it always had.
 */
public class FormatTwoTest {

    private static Procedure read(String yaml) throws DescriptorException {
        return DescriptorReader.read("council.yaml", new StringReader(yaml));
    }

    private static String problems(String yaml) {
        DescriptorException refused = assertThrows(DescriptorException.class, () -> read(yaml));
        return refused.errors().stream().map(DescriptorError::toString).collect(Collectors.joining("\n"));
    }

    /** A quality assurance service drives escalation; two managers may answer; silence moves it on. */
    static final String QA_DRIVEN = """
            format: 2
            id: qa-driven
            version: 1.0.0
            title: QA Driven Escalation
            appliesTo: [LOOKED_AFTER]
            roles: [IRO, ASSISTANT_TEAM_MANAGER, TEAM_MANAGER, SOCIAL_WORKER, QA_OFFICER, HEAD_OF_QA]
            permissions:
              raise: [IRO, QA_OFFICER]
              escalate: [QA_OFFICER]
              resolve: [IRO]
            stages:
              - id: ALERT
                name: Alert to the team
                participants: [IRO, ASSISTANT_TEAM_MANAGER, TEAM_MANAGER]
                responders: [ASSISTANT_TEAM_MANAGER, TEAM_MANAGER]
                copied: [SOCIAL_WORKER]
                timescale: 10 working days
                onSilence: NEXT_STAGE
                afterResponse: PROMPT_IRO
                requiredActions:
                  - id: FAMILY_TOLD
                    description: The child and family told about the complaints procedure and advocacy
                    byRole: SOCIAL_WORKER
                    before: [ESCALATE]
              - id: HEAD_OF_QA
                name: Head of Quality Assurance
                participants: [IRO, HEAD_OF_QA]
                responders: [HEAD_OF_QA]
                timescale: 5 working days
                onSilence: PROMPT_IRO
            """;

    @Test
    public void formatTwoSaysEachRightRespondersCopiesGatesAndSilenceApart() throws Exception {
        Procedure p = read(QA_DRIVEN);
        assertEquals(2, p.format());
        assertEquals(new Permissions(List.of("IRO", "QA_OFFICER"), List.of("QA_OFFICER"), List.of("IRO"),
                List.of("IRO")), p.permissions());
        Stage alert = p.stages().get(0);
        assertEquals(List.of("ASSISTANT_TEAM_MANAGER", "TEAM_MANAGER"), alert.responders());
        assertEquals(List.of("SOCIAL_WORKER"), alert.copied());
        assertEquals(OnDeadline.NEXT_STAGE, alert.onSilence());
        assertEquals(OnDeadline.PROMPT_IRO, alert.afterResponse());
        assertEquals(Set.of(Gate.ESCALATE), alert.requiredActions().get(0).before());
        assertEquals("a procedure that gives no CAFCASS rule runs under the national one", CafcassRule.NATIONAL,
                p.cafcass());
        assertEquals(List.of(), p.reasons());
        assertEquals("with no taxonomy, the reason is described in words", Reason.OTHER,
                p.reason("OTHER").orElseThrow());
    }

    @Test
    public void aCafcassRuleCanWaitForANamedStageTellPeopleOnReferralAndGiveNoDecisionClock() throws Exception {
        Procedure p = read(QA_DRIVEN.replace("stages:\n", """
                cafcass:
                  when: STAGE_BEGUN
                  stage: HEAD_OF_QA
                  toldOnReferral: [HEAD_OF_QA]
                stages:
                """));
        assertEquals(new CafcassRule(ReferralWindow.STAGE_BEGUN, "HEAD_OF_QA", List.of(), List.of("HEAD_OF_QA"), null),
                p.cafcass());
        String wrong = problems(QA_DRIVEN.replace("stages:\n", """
                cafcass:
                  when: STAGE_BEGUN
                  stage: LEVEL_9
                stages:
                """));
        assertTrue(wrong, wrong.contains("cafcass.stage: 'LEVEL_9' is not a stage of the procedure"));
        String missing = problems(QA_DRIVEN.replace("stages:\n", "cafcass:\n  when: STAGE_BEGUN\nstages:\n"));
        assertTrue(missing, missing.contains("cafcass.stage: is required when a referral waits for a stage"));
    }

    @Test
    public void everyProblemOfAFileIsListedInOnePassShapeAndMeaningAlike() {
        String all = problems(QA_DRIVEN
                .replace("title: QA Driven Escalation\n", "")                         // a shape problem
                .replace("copied: [SOCIAL_WORKER]", "copied: [SOCIAL_WROKER]")        // a role not named
                .replace("onSilence: PROMPT_IRO", "onSilence: NEXT_STAGE")           // no next stage
                .replace("timescale: 5 working days", "timescale: 5 days"));         // an ambiguous unit
        assertTrue(all, all.contains("title: is required"));
        assertTrue(all, all.contains("stages[0].copied[0]: role 'SOCIAL_WROKER' is not one of the procedure's roles"));
        assertTrue(all, all.contains("stages[1].onSilence: the last stage has no next stage to move to"));
        assertTrue(all, all.contains("stages[1].timescale: '5 days' does not say which days count; write"
                + " '5 working days' or '5 calendar days'"));
        assertEquals(all, 4, all.lines().count());
    }

    @Test
    public void aConcernOpenedByAReviewsDisputedDecisionsNamesAStageAndAReasonTheProcedureHas() throws Exception {
        String opened = QA_DRIVEN.replace("stages:\n", """
                openedBy:
                  - when: REVIEW_DECISIONS_DISPUTED
                    atStage: ALERT
                stages:
                """);
        Procedure p = read(opened);
        assertEquals(java.util.Optional.of(new uk.starred.api.procedure.Opening(
                uk.starred.api.procedure.OpeningEvent.REVIEW_DECISIONS_DISPUTED, "ALERT", "OTHER")),
                p.openedOn(uk.starred.api.procedure.OpeningEvent.REVIEW_DECISIONS_DISPUTED));
        String all = problems(opened.replace("atStage: ALERT", "atStage: ALERTS\n    reason: LATE")
                .replace("appliesTo: [LOOKED_AFTER]", "appliesTo: [CHILD_PROTECTION]")
                .replace("openedBy:\n", "openedBy:\n  - when: WHENEVER\n    atStage: ALERT\n"));
        assertTrue(all, all.contains("openedBy[0].when: 'WHENEVER' is not known; expected one of"
                + " [REVIEW_DECISIONS_DISPUTED]"));
        assertTrue(all, all.contains("openedBy[1].when: only looked-after children have reviews, and the procedure"
                + " serves [CHILD_PROTECTION]"));
        assertTrue(all, all.contains("openedBy[1].atStage: 'ALERTS' is not a stage of the procedure"));
        assertTrue(all, all.contains("openedBy[1].reason: leave it out: the procedure has no reasons"));
    }

    @Test
    public void theLawIsNotForADescriptorToChange() {
        String cpc = problems(QA_DRIVEN.replace("roles: [IRO,", "roles: [IRO, CPC,")
                .replace("  resolve: [IRO]", "  resolve: [IRO]\n  referToCafcass: [IRO, CPC]"));
        assertTrue(cpc, cpc.contains("permissions.referToCafcass[1]: the law (Children Act 1989 s25B(3)) gives the"
                + " power to refer to CAFCASS to the IRO of a looked-after child"));
        String plansOnly = problems(QA_DRIVEN.replace("appliesTo: [LOOKED_AFTER]", "appliesTo: [CHILD_PROTECTION]")
                .replace("  resolve: [IRO]", "  resolve: [IRO]\n  referToCafcass: [IRO]"));
        assertTrue(plansOnly, plansOnly.contains("does not let anyone refer to CAFCASS"));
    }

    @Test
    public void agreementCannotBeDeemedAfterAResponseNorWhereNoneIsAsked() {
        String after = problems(QA_DRIVEN.replace("afterResponse: PROMPT_IRO", "afterResponse: DEEMED_AGREEMENT"));
        assertTrue(after, after.contains("stages[0].afterResponse: 'DEEMED_AGREEMENT' is not known")
                || after.contains("stages[0].afterResponse: a response came, so agreement cannot be deemed"));
        String none = problems(QA_DRIVEN.replace("    responders: [HEAD_OF_QA]\n", "")
                .replace("onSilence: PROMPT_IRO", "onSilence: DEEMED_AGREEMENT"));
        assertTrue(none, none.contains("stages[1].onSilence: agreement can be deemed only where the stage asks a"
                + " response"));
    }

    @Test
    public void formatOneKeepsItsMeaningAndItsFieldsAreNotFormatTwos() throws Exception {
        Procedure seed = read(DescriptorReaderTest.text(DescriptorReaderTest.S4));
        assertEquals(1, seed.format());
        assertEquals("raisedBy drives everything, but only the IRO refers (the law)",
                Permissions.drivenBy(List.of("IRO", "CPC")), seed.permissions());
        assertEquals(List.of("TEAM_MANAGER"), seed.stages().get(0).responders());
        assertEquals(OnDeadline.PROMPT_IRO, seed.stages().get(0).afterResponse());
        String mixed = problems(QA_DRIVEN.replace("responders: [HEAD_OF_QA]", "respondingRole: HEAD_OF_QA"));
        assertTrue(mixed, mixed.contains("stages[1].respondingRole: is not a field of stages[1]"));
    }

    @Test
    public void everyUnitIsOneTheGuideNamesAndNoneIsGuessed() throws Exception {
        for (String unit : List.of("1 working day", "2 working days", "1 calendar day", "14 calendar days", "1 hour",
                "72 hours", "1 working hour", "48 working hours")) {
            read(QA_DRIVEN.replace("timescale: 10 working days", "timescale: " + unit));
        }
        assertEquals(Timescale.hours(72), read(QA_DRIVEN.replace("timescale: 10 working days", "timescale: 72 hours"))
                .stages().get(0).timescale());
        for (String unit : List.of("5 days", "1 day", "5 wd", "5 weeks", "0 working days")) {
            String refused = problems(QA_DRIVEN.replace("timescale: 10 working days", "timescale: " + unit));
            assertTrue(unit + ": " + refused, refused.contains("stages[0].timescale"));
        }
    }

    @Test
    public void theTemplateIsFormatTwo() throws IOException, DescriptorException {
        assertEquals(2, read(DescriptorReaderTest.templateDescriptor()).format());
    }
}
