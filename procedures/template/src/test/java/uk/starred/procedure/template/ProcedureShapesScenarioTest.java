package uk.starred.procedure.template;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.current;
import static uk.starred.testkit.seeds.Scenario.london;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.StageNotAllowedException;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.api.procedure.Reason;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.Expect;
import uk.starred.testkit.seeds.Scenario;
import uk.starred.testkit.seeds.Scenario.Delivered;

/**
 * Shapes councils' documents take that the first procedure model could not say, each a descriptor in
 * {@code src/test/resources/shapes/} walked on Starred's engine over H2 and PostgreSQL, every due
 * moment and refusal asserted. They are the worked examples of docs/procedure-descriptors.md.
 */
@RunWith(Parameterized.class)
public class ProcedureShapesScenarioTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private Engine engine;
    private Scenario s;

    public ProcedureShapesScenarioTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    private void start(String descriptor) {
        engine = new Engine(kind, london("2026-11-02T09:00")).withDescriptor("shapes/" + descriptor);
        s = new Scenario(engine);
        engine.host().child("amy", Cohort.LOOKED_AFTER).child("ben", Cohort.CHILD_PROTECTION)
                .role("iro-ira", "IRO", "amy").role("cpc-cat", "CPC", "ben").overseer("iro-manager");
        for (String child : List.of("amy", "ben")) {
            engine.host().role("tm-ted", "TEAM_MANAGER", child).role("atm-ava", "ASSISTANT_TEAM_MANAGER", child)
                    .role("qa-quinn", "HEAD_OF_QUALITY_ASSURANCE", child)
                    .role("sdm-sid", "SERVICE_DELIVERY_MANAGER", child).role("hos-hen", "HEAD_OF_SERVICE", child);
        }
    }

    @After
    public void tearDown() {
        if (engine != null) {
            engine.close();
        }
    }

    private RaiseConcern alert(ProcedureRef ref, String child, String responsible, LocalDate review, String refer) {
        return new RaiseConcern(child, ref, ConcernOrigin.STARRED_DECISION, List.of(Reason.OTHER.code()),
                "The permanence plan has not moved since the review", "A permanence planning meeting",
                LocalDate.of(2026, 11, 30), responsible, null, review, refer);
    }

    @Test
    public void eitherManagerRespondsAndTheIroAndTheHeadOfQualityAssuranceMustBothBeSatisfied() {
        start("two-satisfied.yaml");
        ProcedureRef ref = new ProcedureRef("shape-two-satisfied", "1.0.0");
        s.at("2026-11-02T10:00");
        Concern c = s.as("iro-ira", () -> engine.concerns().raise(alert(ref, "amy", "tm-ted", null, null)));
        assertEquals(Instant.parse("2026-11-10T00:00:00Z"), current(c).dueAt());
        Delivered d = s.delivered();
        assertEquals(List.of("stage 'Alert to the team'"), d.to("atm-ava"));
        assertTrue(d.bodyTo("qa-quinn", "stage 'Alert to the team'").startsWith("For your information"));

        // "the Assistant Team Manager or the Team Manager responds": the assistant agrees
        s.at("2026-11-04T11:00");
        c = s.by("atm-ava", c, (id, v) -> engine.concerns().respond(id, v, ResponseKind.AGREE, null, null));
        assertEquals(List.of("response recorded"), s.delivered().to("iro-ira"));
        // agreed in time, the stage's deadline no longer fires
        assertEquals(List.of(), s.firedAt("2026-11-10T00:00", "amy").messages());

        // "resolved only if the IRO and the Head of Quality Assurance are both satisfied"
        s.at("2026-11-11T10:00");
        c = s.by("iro-ira", c, (id, v) -> engine.concerns().resolve(id, v, "The meeting is booked"));
        assertEquals(ConcernStatus.OPEN, c.status());
        assertEquals(List.of("satisfaction recorded"), s.delivered().to("qa-quinn"));
        Concern waiting = c;
        Expect.thrown(NotPermittedException.class, () -> s.as("tm-ted", () -> engine.concerns()
                .recordSatisfaction(waiting.id(), waiting.version(), true, null)));
        Expect.thrown(InvalidCommandException.class, () -> s.as("qa-quinn", () -> engine.concerns()
                .recordSatisfaction(waiting.id(), waiting.version(), false, null)));
        c = s.by("qa-quinn", c, (id, v) -> engine.concerns().recordSatisfaction(id, v, false, "No date yet"));
        assertEquals(ConcernStatus.OPEN, c.status());
        c = s.by("qa-quinn", c, (id, v) -> engine.concerns().recordSatisfaction(id, v, true, "Booked for the 20th"));
        assertEquals(ConcernStatus.RESOLVED, c.status());
        assertEquals("Resolved: the IRO and the Head of Quality Assurance are satisfied.", c.endReason());
        assertTrue(s.trailIntact(c.id(), "iro-manager"));
    }

    @Test
    public void theDecisionsCountFromTheReviewDateAndSilenceIsAgreement() {
        start("review-date.yaml");
        ProcedureRef ref = new ProcedureRef("shape-review-date", "1.0.0");
        s.at("2026-11-04T10:00");
        InvalidCommandException noDate = Expect.thrown(InvalidCommandException.class, () -> s.as("iro-ira",
                () -> engine.concerns().raise(alert(ref, "amy", "sdm-sid", null, null))));
        assertTrue(noDate.getMessage(), noDate.getMessage().contains("reviewDate: is required"));
        assertEquals(List.of(), s.as("iro-manager", () -> engine.concerns().concernsForChild("amy")));

        // the review on Monday 2 November, entered on Wednesday 4: day five is Monday 9, ending at midnight
        Concern c = s.as("iro-ira", () -> engine.concerns().raise(alert(ref, "amy", "sdm-sid",
                LocalDate.of(2026, 11, 2), null)));
        assertEquals(Instant.parse("2026-11-10T00:00:00Z"), current(c).dueAt());
        s.delivered();
        assertEquals(List.of("stage 'Decisions of the review' due soon"),
                s.firedAt("2026-11-09T00:00", "amy").to("sdm-sid"));
        Delivered due = s.firedAt("2026-11-10T00:00", "amy");
        assertEquals(List.of("agreement deemed", "stage 'Decisions of the review' overdue"), due.to("iro-ira"));
        Concern deemed = s.as("iro-ira", () -> engine.concerns().find(c.id())).orElseThrow();
        assertEquals(ResponseKind.DEEMED_AGREEMENT, current(deemed).response().kind());
        assertEquals("DECISIONS", current(deemed).stageId());
    }

    @Test
    public void theIroGoesUpTheLadderLevelByLevelToTheChiefExecutiveAndMayReferOnceItIsFormal() {
        start("ladder.yaml");
        engine.host().role("sm-sal", "SERVICE_MANAGER", "amy").role("dir-dee", "DIRECTOR", "amy")
                .role("ceo-cal", "CHIEF_EXECUTIVE", "amy");
        ProcedureRef ref = new ProcedureRef("shape-ladder", "1.0.0");
        s.at("2026-11-02T10:00");
        Concern c = s.as("iro-ira", () -> engine.concerns().raise(alert(ref, "amy", "tm-ted", null, null)));
        // "only once the formal process has begun": not alongside the alert to the Team Manager
        Concern atAlert = c;
        StageNotAllowedException early = Expect.thrown(StageNotAllowedException.class, () -> s.as("iro-ira",
                () -> engine.concerns().referToCafcass(atAlert.id(), atAlert.version(), ReferralMode.CONCURRENT,
                        "Drift")));
        assertTrue(early.getMessage(), early.getMessage().contains("only once the formal process has begun"));

        // up a level at a time, each level's role responding by its own timescale
        s.at("2026-11-09T10:00");
        c = s.by("iro-ira", c, (id, v) -> engine.concerns().escalate(id, v, null, "Not resolved"));
        assertEquals("LEVEL_SERVICE_MANAGER", current(c).stageId());
        assertEquals("Escalation to the next management level: Service Manager", current(c).name());
        assertEquals(Instant.parse("2026-11-17T00:00:00Z"), current(c).dueAt());
        s.delivered();
        c = s.by("sm-sal", c, (id, v) -> engine.concerns().respond(id, v, ResponseKind.DISAGREE, "Not ours", null));
        c = s.by("iro-ira", c, (id, v) -> engine.concerns().escalate(id, v, null, null));
        assertEquals("LEVEL_HEAD_OF_SERVICE", current(c).stageId());
        c = s.by("iro-ira", c, (id, v) -> engine.concerns().escalate(id, v, null, null));
        assertEquals("Escalation to the next management level: Director of Children's Services", current(c).name());
        s.at("2026-11-10T10:00");
        c = s.by("iro-ira", c, (id, v) -> engine.concerns().escalate(id, v, null, null));
        assertEquals("LEVEL_CHIEF_EXECUTIVE", current(c).stageId());
        // the top level's own timescale: ten working days from Tuesday 10 November
        assertEquals(Instant.parse("2026-11-25T00:00:00Z"), current(c).dueAt());
        assertEquals(List.of("stage 'Escalation to the next management level: Chief Executive'"),
                s.delivered().to("ceo-cal"));
        Concern atTop = c;
        Expect.thrown(StageNotAllowedException.class, () -> s.as("iro-ira",
                () -> engine.concerns().escalate(atTop.id(), atTop.version(), null, null)));

        // the formal process has begun: the IRO may now refer alongside it
        c = s.by("iro-ira", c, (id, v) -> engine.concerns().referToCafcass(id, v, ReferralMode.CONCURRENT,
                "No resolution at any level"));
        assertEquals(ReferralMode.CONCURRENT, c.cafcass().mode());
    }

    @Test
    public void aProblemInALadderIsReportedAtItsLevel() throws Exception {
        String text = new String(getClass().getClassLoader().getResourceAsStream("shapes/ladder.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("      - role: DIRECTOR\n", "      - role: DIRECTR\n");
        uk.starred.impl.descriptor.DescriptorException refused = Expect.thrown(
                uk.starred.impl.descriptor.DescriptorException.class, () -> uk.starred.impl.descriptor.DescriptorReader
                        .read("ladder.yaml", new java.io.StringReader(text)));
        assertEquals(List.of("stages[1].ladder[2].role"), refused.errors().stream()
                .map(uk.starred.impl.descriptor.DescriptorError::path).toList());
    }

    @Test
    public void aSilentTenWorkingDayAlertWithAReferralMadeAsItStarts() {
        start("silent-alert.yaml");
        ProcedureRef ref = new ProcedureRef("shape-silent-alert", "1.0.0");
        s.at("2026-11-02T10:00");
        // the law: a child only on a child protection plan is referred by nobody, and nothing is raised
        NotPermittedException law = Expect.thrown(NotPermittedException.class, () -> s.as("cpc-cat",
                () -> engine.concerns().raise(alert(ref, "ben", "tm-ted", null, "Drift for months"))));
        assertTrue(law.getMessage(), law.getMessage().contains("Children Act 1989 s25B(3)"));
        assertEquals(List.of(), s.as("iro-manager", () -> engine.concerns().concernsForChild("ben")));

        Concern c = s.as("iro-ira", () -> engine.concerns().raise(alert(ref, "amy", "tm-ted", null,
                "Drift for months; the child cannot wait for the process")));
        // ten working days from Monday 2 November: day ten is Monday 16, ending at midnight
        assertEquals(Instant.parse("2026-11-17T00:00:00Z"), current(c).dueAt());
        assertEquals(ReferralMode.CONCURRENT, c.cafcass().mode());
        assertNull("the document sets CAFCASS no timescale, so no decision clock runs", c.cafcass().decisionDueAt());
        assertEquals(List.of("referred to CAFCASS"), s.delivered().to("hos-hen"));

        // the Team Manager stays silent: overdue, and nothing else happens by itself
        Delivered due = s.firedAt("2026-11-17T00:00", "amy");
        assertEquals(List.of("stage 'Written alert to the Team Manager' overdue"), due.to("iro-ira"));
        assertEquals("ALERT", current(s.as("iro-ira", () -> engine.concerns().find(c.id())).orElseThrow()).stageId());
    }
}
