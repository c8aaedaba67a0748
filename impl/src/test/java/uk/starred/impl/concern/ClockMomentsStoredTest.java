package uk.starred.impl.concern;

import static org.junit.Assert.assertEquals;
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

import uk.starred.api.calendar.Timescale;
import uk.starred.api.concern.ActionRecord;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.procedure.ClockStart;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Permissions;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.procedure.Stage;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;

/** The review date and an action recorded late, kept on H2 and PostgreSQL and counted from as stored. */
@RunWith(Parameterized.class)
public class ClockMomentsStoredTest {

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

    public ClockMomentsStoredTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, london("2026-11-12T10:00")).with(FROM_THE_REVIEW);
        engine.host.child("C1", Cohort.LOOKED_AFTER).role("iro-1", "IRO", "C1").role("tm-1", "TEAM_MANAGER", "C1")
                .overseer("overseer");
    }

    @After
    public void tearDown() {
        engine.close();
    }

    @Test
    public void theReviewDateAndWhenAnActionHappenedAreKeptAndCountedFrom() {
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
}
