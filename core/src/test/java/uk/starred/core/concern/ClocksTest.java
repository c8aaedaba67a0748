package uk.starred.core.concern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.calendar.Timescale;
import uk.starred.api.concern.ActionRecord;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.procedure.ClockStart;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.OnDeadline;
import uk.starred.api.procedure.Permissions;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.procedure.Stage;
import uk.starred.core.testing.Around;
import uk.starred.core.testing.WeekdayCalendar;

/**
 * Clocks from named moments: "resolved within 5 working days following the review date", "a meeting
 * within 5 working days of the legal advice", "the next stage from the previous one's deadline", and an
 * action recorded late starting its clock when it happened.
 */
public class ClocksTest {

    private static final Procedure PROCEDURE = new Procedure("clocks", "1", "Clocks", Set.of(Cohort.LOOKED_AFTER),
            List.of("IRO", "TEAM_MANAGER", "SERVICE_MANAGER"), Permissions.drivenBy(List.of("IRO")),
            List.of(Stage.builder("DECISIONS", "Review decisions").participants("IRO", "TEAM_MANAGER")
                            .responders("TEAM_MANAGER").timescale(Timescale.workingDays(5))
                            .clockFrom(ClockStart.REVIEW_DATE).onSilence(OnDeadline.DEEMED_AGREEMENT).build(),
                    Stage.builder("INFORMAL", "Informal").participants("IRO", "TEAM_MANAGER")
                            .timescale(Timescale.workingDays(5)).clockFrom(ClockStart.PREVIOUS_DEADLINE)
                            .requiredAction(new RequiredAction("LEGAL_ADVICE", "Legal advice taken", "IRO")).build(),
                    Stage.builder("MEETING", "Meeting").participants("IRO", "SERVICE_MANAGER")
                            .responders("SERVICE_MANAGER").timescale(Timescale.workingDays(5))
                            .clockFromAction("LEGAL_ADVICE").build(),
                    Stage.builder("LATE", "Late").participants("IRO", "SERVICE_MANAGER")
                            .requiredAction(new RequiredAction("MET", "Met", "SERVICE_MANAGER"))
                            .timescale(Timescale.workingDays(2)).clockFromAction("MET").build()),
            List.of(), null, null, Map.of());

    private final WeekdayCalendar calendar = new WeekdayCalendar();
    private final Around people = new Around("iro-1", "IRO", "tm-1", "TEAM_MANAGER", "sm-1", "SERVICE_MANAGER");

    private static Instant london(String local) {
        return Around.london(local);
    }

    private CommandContext as(String actor, String londonTime) {
        return people.as(actor, londonTime, PROCEDURE, calendar);
    }

    private RaiseConcern raise(LocalDate reviewDate) {
        return new RaiseConcern("child-1", null, ConcernOrigin.STARRED_DECISION, List.of(Reason.OTHER.code()),
                "Decisions not accepted.", "A plan", LocalDate.of(2026, 12, 4), "tm-1", null, reviewDate);
    }

    private Concern raised(LocalDate reviewDate, String at) {
        return ConcernLifecycle.raise(raise(reviewDate), ConcernId.random(), new ChildRecord("child-1", "Alex",
                Set.of(Cohort.LOOKED_AFTER), LocalDate.of(2015, 3, 1), null, "Team"), as("iro-1", at)).after();
    }

    @Test
    public void aStageCountsFromTheReviewDateNotFromWhenTheConcernWasEntered() {
        // the review on Monday 9 November; entered on Thursday 12: five working days after the review
        Concern c = raised(LocalDate.of(2026, 11, 9), "2026-11-12T10:00");
        assertEquals(london("2026-11-17T00:00"), c.currentStage().orElseThrow().dueAt());
        assertEquals(LocalDate.of(2026, 11, 9), c.reviewDate());
    }

    @Test
    public void theReviewDateIsRequiredWhereTheProcedureCountsFromItAndCannotBeAhead() {
        InvalidCommandException none = assertThrows(InvalidCommandException.class, () -> raised(null,
                "2026-11-12T10:00"));
        assertTrue(none.getMessage(), none.getMessage().contains("reviewDate: is required: 'Clocks' counts stage"
                + " 'Review decisions' from the date of the review"));
        InvalidCommandException ahead = assertThrows(InvalidCommandException.class, () -> raised(
                LocalDate.of(2026, 11, 13), "2026-11-12T10:00"));
        assertTrue(ahead.getMessage(), ahead.getMessage().contains("reviewDate: must not be in the future"));
    }

    @Test
    public void theNextStageCountsFromThePreviousDeadlineAndAnotherFromAnActionRecordedLate() {
        Concern c = raised(LocalDate.of(2026, 11, 9), "2026-11-10T10:00");
        // escalated early, on Wednesday 11: the informal stage counts from the end of Monday 16, the deadline
        // before it, not from today: five working days after it end with Monday 23
        c = ConcernLifecycle.escalate(c, as("iro-1", "2026-11-11T10:00"), null, null).after();
        assertEquals(london("2026-11-24T00:00"), c.currentStage().orElseThrow().dueAt());

        // the legal advice was taken on Thursday 12, and recorded on Monday 16, with the reason
        Concern informal = c;
        InvalidCommandException noReason = assertThrows(InvalidCommandException.class, () -> ConcernLifecycle
                .recordAction(informal, as("iro-1", "2026-11-16T09:00"), "LEGAL_ADVICE", null,
                        london("2026-11-12T15:00"), null));
        assertTrue(noReason.getMessage(), noReason.getMessage().contains("lateReason"));
        c = ConcernLifecycle.recordAction(c, as("iro-1", "2026-11-16T09:00"), "LEGAL_ADVICE", "Advice: proceed",
                london("2026-11-12T15:00"), "The barrister's note came on Monday").after();
        ActionRecord advice = c.currentStage().orElseThrow().actions().get(0);
        assertEquals(london("2026-11-12T15:00"), advice.occurredAt());
        assertEquals(london("2026-11-16T09:00"), advice.doneAt());
        assertTrue(advice.recordedLate());

        // the meeting counts from the advice: five working days after Thursday 12
        c = ConcernLifecycle.escalate(c, as("iro-1", "2026-11-16T10:00"), null, null).after();
        assertEquals(london("2026-11-20T00:00"), c.currentStage().orElseThrow().dueAt());

        // a stage whose action is not yet recorded has no due moment; recording it starts the clock
        c = ConcernLifecycle.escalate(c, as("iro-1", "2026-11-17T10:00"), null, null).after();
        assertNull(c.currentStage().orElseThrow().dueAt());
        c = ConcernLifecycle.recordAction(c, as("sm-1", "2026-11-18T10:00"), "MET", null, null, null).after();
        assertEquals(london("2026-11-21T00:00"), c.currentStage().orElseThrow().dueAt());
    }
}
