package uk.starred.impl.concern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.london;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

import uk.starred.api.NotPermittedException;
import uk.starred.api.calendar.Timescale;
import uk.starred.api.concern.ActionRecord;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.procedure.ClockStart;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Permissions;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.procedure.Stage;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;

/**
 * What the procedure model's second version keeps on H2 and PostgreSQL, read back by the next command
 * and by the screens alike, with the audit trail intact: the answers of those who must be satisfied,
 * in the order given; the review date and when an action recorded late happened, counted from.
 */
@RunWith(Parameterized.class)
public class ModelTwoStoredTest {

    private static final Procedure BOTH_SATISFIED = new Procedure("both-satisfied", "1.0.0", "Both Satisfied",
            Set.of(Cohort.LOOKED_AFTER), List.of("IRO", "TEAM_MANAGER", "HEAD_OF_QUALITY_ASSURANCE"),
            Permissions.drivenBy(List.of("IRO")),
            List.of(Stage.builder("ALERT", "Alert").participants("IRO", "TEAM_MANAGER").responders("TEAM_MANAGER")
                    .satisfiedBy(true, "IRO", "HEAD_OF_QUALITY_ASSURANCE").build()),
            List.of(), null, null, Map.of());

    private static final Procedure FROM_THE_REVIEW = new Procedure("from-the-review", "1.0.0", "From the Review",
            Set.of(Cohort.LOOKED_AFTER), List.of("IRO", "TEAM_MANAGER"), Permissions.drivenBy(List.of("IRO")),
            List.of(Stage.builder("DECISIONS", "Review decisions").participants("IRO", "TEAM_MANAGER")
                    .responders("TEAM_MANAGER").timescale(Timescale.workingDays(5)).clockFrom(ClockStart.REVIEW_DATE)
                    .requiredAction(new RequiredAction("CIRCULATED", "Decisions circulated", "IRO")).build()),
            List.of(), null, null, Map.of());

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private Engine engine;

    public ModelTwoStoredTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, london("2026-11-16T10:00")).with(BOTH_SATISFIED).with(FROM_THE_REVIEW);
        engine.host.child("C1", Cohort.LOOKED_AFTER).role("iro-1", "IRO", "C1").role("tm-1", "TEAM_MANAGER", "C1")
                .role("qa-1", "HEAD_OF_QUALITY_ASSURANCE", "C1").overseer("overseer");
    }

    @After
    public void tearDown() {
        engine.close();
    }

    @Test
    public void eachAnswerIsKeptInOrderAndTheLastOneNeededResolvesTheConcern() {
        Concern c = engine.host.as("iro-1", () -> engine.concerns.raise(new RaiseConcern("C1",
                BOTH_SATISFIED.ref(), ConcernOrigin.STARRED_DECISION, List.of(Reason.OTHER.code()), "No plan.",
                "A plan", LocalDate.of(2026, 12, 4), "tm-1", null)));
        Concern waiting = engine.host.as("iro-1", () -> engine.concerns.resolve(c.id(), c.version(), "Plan set."));
        Concern no = engine.host.as("qa-1", () -> engine.concerns.recordSatisfaction(c.id(), waiting.version(), false,
                "No dates."));
        assertEquals(ConcernStatus.OPEN, no.status());
        assertThrows("the Team Manager's satisfaction does not count here", NotPermittedException.class,
                () -> engine.host.as("tm-1", () -> engine.concerns.recordSatisfaction(c.id(), no.version(), true, null)));

        // read back as the screens read it: the answers in the order given
        Concern shown = engine.host.as("iro-1", () -> engine.concerns.concernsForChild("C1")).get(0);
        assertEquals(List.of("IRO true", "HEAD_OF_QUALITY_ASSURANCE false"), answers(shown));
        assertEquals(no, shown);

        Concern yes = engine.host.as("qa-1", () -> engine.concerns.recordSatisfaction(c.id(), no.version(), true,
                "Dates added."));
        assertEquals(ConcernStatus.RESOLVED, yes.status());
        assertEquals(List.of("IRO true", "HEAD_OF_QUALITY_ASSURANCE false", "HEAD_OF_QUALITY_ASSURANCE true"),
                answers(engine.host.as("iro-1", () -> engine.concerns.find(c.id())).orElseThrow()));
        assertTrue(engine.host.as("overseer", () -> engine.audit.verify(c.id())).intact());
    }

    private static List<String> answers(Concern c) {
        return c.stages().get(0).satisfactions().stream().map(a -> a.role() + " " + a.satisfied()).toList();
    }

    @Test
    public void theReviewDateAndWhenAnActionHappenedAreKeptAndCountedFrom() {
        engine.clock().set(london("2026-11-12T10:00"));
        Concern c = engine.host.as("iro-1", () -> engine.concerns.raise(new RaiseConcern("C1",
                FROM_THE_REVIEW.ref(), ConcernOrigin.STARRED_DECISION, List.of(Reason.OTHER.code()),
                "Decisions not accepted.", "A plan", LocalDate.of(2026, 12, 4), "tm-1", null,
                LocalDate.of(2026, 11, 9))));
        assertEquals(london("2026-11-17T00:00"), c.currentStage().orElseThrow().dueAt());
        Concern done = engine.host.as("iro-1", () -> engine.concerns.recordAction(c.id(), c.version(), "CIRCULATED",
                null, london("2026-11-10T16:00"), "Sent by post before the concern was entered"));

        Concern read = engine.host.as("iro-1", () -> engine.concerns.concernsForChild("C1")).get(0);
        assertEquals(done, read);
        assertEquals(LocalDate.of(2026, 11, 9), read.reviewDate());
        ActionRecord circulated = read.stages().get(0).actions().get(0);
        assertEquals(london("2026-11-10T16:00"), circulated.occurredAt());
        assertEquals("Sent by post before the concern was entered", circulated.lateReason());
        assertEquals(done, engine.host.as("iro-1", () -> engine.concerns.find(c.id())).orElseThrow());
        assertTrue(engine.host.as("overseer", () -> engine.audit.verify(c.id())).intact());
    }

    @Test
    public void aResponseAndACommunicationRecordedLateAreKeptAsTheyHappenedWithWhyTheyAreRecordedNow() {
        engine.clock().set(london("2026-11-12T10:00"));
        Concern c = engine.host.as("iro-1", () -> engine.concerns.raise(new RaiseConcern("C1",
                FROM_THE_REVIEW.ref(), ConcernOrigin.STARRED_DECISION, List.of(Reason.OTHER.code()),
                "Decisions not accepted.", "A plan", LocalDate.of(2026, 12, 4), "tm-1", null,
                LocalDate.of(2026, 11, 9))));
        engine.clock().set(london("2026-11-16T09:00"));
        Concern called = engine.host.as("iro-1", () -> engine.concerns.recordCommunication(c.id(), c.version(),
                "Team Manager", "telephone", "Agreed to reply in writing", london("2026-11-12T15:00"),
                "Away at court since"));
        Concern answered = engine.host.as("tm-1", () -> engine.concerns.respond(c.id(), called.version(),
                ResponseKind.DISAGREE, "Not funded", List.of(), london("2026-11-13T11:00"), "Sent by letter"));

        Concern read = engine.host.as("iro-1", () -> engine.concerns.concernsForChild("C1")).get(0);
        assertEquals(answered, read);
        assertEquals(answered, engine.host.as("iro-1", () -> engine.concerns.find(c.id())).orElseThrow());
        uk.starred.api.concern.Response response = read.stages().get(0).response();
        assertEquals(london("2026-11-13T11:00"), response.at());
        assertEquals(london("2026-11-16T09:00"), response.recordedAt());
        assertEquals("Sent by letter", response.lateReason());
        uk.starred.api.concern.Communication call = read.communications().get(0);
        assertEquals(london("2026-11-12T15:00"), call.at());
        assertEquals(london("2026-11-16T09:00"), call.recordedAt());
        assertEquals("Away at court since", call.lateReason());
        assertTrue(engine.host.as("overseer", () -> engine.audit.verify(c.id())).intact());
    }
}
