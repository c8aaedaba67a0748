package uk.starred.core.concern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import uk.starred.api.calendar.Timescale;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.Projection;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Permissions;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.Stage;
import uk.starred.core.testing.Around;
import uk.starred.core.testing.WeekdayCalendar;

/** Where the process ends if every stage runs to its limit, at raising and as the concern moves on. */
public class ProjectionsTest {

    private static final Procedure PROCEDURE = new Procedure("projected", "1", "Projected", Set.of(Cohort.LOOKED_AFTER),
            List.of("IRO", "TEAM_MANAGER", "HEAD_OF_SERVICE"), Permissions.drivenBy(List.of("IRO")),
            List.of(Stage.builder("TEAM", "Team").participants("IRO", "TEAM_MANAGER").responders("TEAM_MANAGER")
                            .timescale(Timescale.workingDays(2)).build(),
                    Stage.builder("MEETING", "Meeting").participants("IRO", "TEAM_MANAGER").build(),
                    Stage.builder("HEAD", "Head of Service").participants("IRO", "HEAD_OF_SERVICE")
                            .responders("HEAD_OF_SERVICE").timescale(Timescale.workingDays(5)).formal().build()),
            List.of(), Timescale.workingDays(20), null, Map.of());

    private final WeekdayCalendar calendar = new WeekdayCalendar();
    private final Around people = new Around("iro-1", "IRO", "tm-1", "TEAM_MANAGER", "hos-1", "HEAD_OF_SERVICE");

    private static Instant london(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/London")).toInstant();
    }

    private CommandContext as(String actor, String at) {
        return people.as(actor, london(at), PROCEDURE, calendar);
    }

    @Test
    public void atRaisingEachStageIsCountedFromTheDeadlineBeforeItAndAnUntimedStageIsNamed() {
        Concern c = ConcernLifecycle.raise(new RaiseConcern("child-1", null, ConcernOrigin.STARRED_DECISION,
                List.of(Reason.OTHER.code()), "Drift.", "A plan", LocalDate.of(2026, 12, 4), "tm-1", null),
                ConcernId.random(), new ChildRecord("child-1", "Alex", Set.of(Cohort.LOOKED_AFTER),
                        LocalDate.of(2015, 3, 1), null, "Team"), as("iro-1", "2026-11-16T10:00")).after();
        Projection p = Projections.of(c, PROCEDURE, calendar).orElseThrow();
        // the team's two working days end with Wednesday 18; the Head of Service's five with Thursday 26
        assertEquals(london("2026-11-27T00:00"), p.end());
        assertEquals("Head of Service", p.lastStage());
        assertEquals(List.of("Meeting"), p.untimedStages());
        assertEquals("the formal limit starts with the first formal stage", null, p.formalLimit());

        // escalated early, the projection moves with the concern
        Concern head = ConcernLifecycle.escalate(ConcernLifecycle.escalate(c, as("iro-1", "2026-11-17T09:00"), null,
                null).after(), as("iro-1", "2026-11-17T10:00"), null, null).after();
        Projection later = Projections.of(head, PROCEDURE, calendar).orElseThrow();
        assertEquals(london("2026-11-25T00:00"), later.end());
        assertEquals(List.of(), later.untimedStages());
        assertEquals(head.formalDueAt(), later.formalLimit());

        assertTrue("an ended concern has no projection", Projections.of(ConcernLifecycle.resolve(head,
                as("iro-1", "2026-11-18T10:00"), "Done").after(), PROCEDURE, calendar).isEmpty());
    }
}
