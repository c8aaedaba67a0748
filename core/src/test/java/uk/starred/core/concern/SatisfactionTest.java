package uk.starred.core.concern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.StageNotAllowedException;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.Satisfaction;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.Permissions;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.Stage;
import uk.starred.core.testing.Around;
import uk.starred.core.testing.WeekdayCalendar;

/** "Resolved only if the IRO and the Head of Quality Assurance are both satisfied", and its any-of twin. */
public class SatisfactionTest {

    private static Procedure procedure(boolean allOf) {
        return new Procedure("satisfied", "1", "Both Satisfied", Set.of(Cohort.LOOKED_AFTER),
                List.of("IRO", "TEAM_MANAGER", "SERVICE_MANAGER", "HEAD_OF_QUALITY_ASSURANCE"),
                new Permissions(List.of("IRO"), List.of("IRO"), List.of("IRO", "SERVICE_MANAGER"), List.of("IRO")),
                List.of(Stage.builder("ALERT", "Alert").participants("IRO", "TEAM_MANAGER").responders("TEAM_MANAGER")
                        .satisfiedBy(allOf, "IRO", "HEAD_OF_QUALITY_ASSURANCE")
                        .caseNote(ConcernEvent.SATISFACTION_RECORDED, "Dispute Resolution").build()),
                List.of(), null, null, Map.of());
    }

    private final WeekdayCalendar calendar = new WeekdayCalendar();
    private final Around people = new Around("iro-1", "IRO", "tm-1", "TEAM_MANAGER", "sm-1", "SERVICE_MANAGER",
            "qa-1", "HEAD_OF_QUALITY_ASSURANCE");

    private CommandContext as(Procedure p, String actor, String londonTime) {
        Instant at = LocalDateTime.parse(londonTime).atZone(ZoneId.of("Europe/London")).toInstant();
        return people.as(actor, at, p, calendar);
    }

    private Concern raised(Procedure p) {
        return ConcernLifecycle.raise(new RaiseConcern("child-1", null, ConcernOrigin.STARRED_DECISION,
                List.of(Reason.OTHER.code()), "No permanence plan.", "A plan", LocalDate.of(2026, 12, 4), "tm-1", null),
                ConcernId.random(), new ChildRecord("child-1", "Alex", Set.of(Cohort.LOOKED_AFTER),
                        LocalDate.of(2015, 3, 1), null, "Team"), as(p, "iro-1", "2026-11-16T10:00")).after();
    }

    @Test
    public void theIroAloneCannotResolveWhereTheHeadOfQualityAssuranceMustBeSatisfiedToo() {
        Procedure p = procedure(true);
        Transition iro = ConcernLifecycle.resolve(raised(p), as(p, "iro-1", "2026-11-17T10:00"), "The plan is set.");
        Concern waiting = iro.after();
        assertEquals("the IRO's resolving is their answer; the concern waits", ConcernStatus.OPEN, waiting.status());
        assertEquals(List.of(new Satisfaction("IRO", "iro-1", true, "The plan is set.", waiting.stages().get(0)
                .satisfactions().get(0).at())), waiting.currentStage().orElseThrow().satisfactions());
        assertTrue(iro.notices().stream().anyMatch(n -> n.to().contains("qa-1")
                && n.body().endsWith("The concern is resolved when the Head of Quality Assurance is satisfied.")));

        // the Head of QA is not satisfied: it stays open, with the reasons on the file
        assertThrows(InvalidCommandException.class, () -> ConcernLifecycle.recordSatisfaction(waiting,
                as(p, "qa-1", "2026-11-18T10:00"), false, " "));
        Concern notYet = ConcernLifecycle.recordSatisfaction(waiting, as(p, "qa-1", "2026-11-18T10:00"), false,
                "The plan has no dates.").after();
        assertEquals(ConcernStatus.OPEN, notYet.status());
        // the Service Manager may resolve concerns, but not this one while it waits for the Head of QA
        StageNotAllowedException stillOpen = assertThrows(StageNotAllowedException.class, () -> ConcernLifecycle
                .resolve(notYet, as(p, "sm-1", "2026-11-18T11:00"), "Closing it"));
        assertTrue(stillOpen.getMessage(), stillOpen.getMessage().contains("still to say so: Head of Quality Assurance"));

        // then satisfied: that answer resolves it
        Transition done = ConcernLifecycle.recordSatisfaction(notYet, as(p, "qa-1", "2026-11-19T10:00"), true,
                "Dates added.");
        assertEquals(ConcernStatus.RESOLVED, done.after().status());
        assertEquals("Resolved: the IRO and the Head of Quality Assurance are satisfied.", done.after().endReason());
        assertEquals(3, done.after().stages().get(0).satisfactions().size());
    }

    @Test
    public void someoneWhoseSatisfactionDoesNotCountIsRefusedUntilItIsComplete() {
        Procedure p = procedure(true);
        Concern c = raised(p);
        NotPermittedException manager = assertThrows(NotPermittedException.class, () -> ConcernLifecycle
                .recordSatisfaction(c, as(p, "tm-1", "2026-11-17T10:00"), true, null));
        assertTrue(manager.getMessage(), manager.getMessage().contains("IRO or HEAD_OF_QUALITY_ASSURANCE"));
    }

    @Test
    public void anyOfIsResolvedByTheFirstWhoIsSatisfied() {
        Procedure p = procedure(false);
        Concern c = ConcernLifecycle.recordSatisfaction(raised(p), as(p, "qa-1", "2026-11-17T10:00"), false,
                "Not yet.").after();
        assertEquals(ConcernStatus.OPEN, c.status());
        assertEquals(ConcernStatus.RESOLVED, ConcernLifecycle.recordSatisfaction(c, as(p, "qa-1", "2026-11-18T10:00"),
                true, "Done now.").after().status());
    }
}
