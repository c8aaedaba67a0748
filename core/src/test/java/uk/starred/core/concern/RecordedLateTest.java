package uk.starred.core.concern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
import uk.starred.api.concern.Communication;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.Response;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.Permissions;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.Stage;
import uk.starred.core.testing.Around;
import uk.starred.core.testing.WeekdayCalendar;

/**
 * Anything recorded late, as the procedures' documents expect ("the Service Manager answered by letter last
 * week"): a response, a communication and an escalation are kept as of when they happened, with why they are
 * recorded only now, and the stage an escalation begins counts from when it was made.
 */
public class RecordedLateTest {

    private static final Procedure PROCEDURE = new Procedure("late", "1", "Recorded Late", Set.of(Cohort.LOOKED_AFTER),
            List.of("IRO", "TEAM_MANAGER", "SERVICE_MANAGER"), Permissions.drivenBy(List.of("IRO")),
            List.of(Stage.builder("TEAM", "Team Manager").participants("IRO", "TEAM_MANAGER")
                            .responders("TEAM_MANAGER").timescale(Timescale.workingDays(5)).build(),
                    Stage.builder("SERVICE", "Service Manager").participants("IRO", "SERVICE_MANAGER")
                            .responders("SERVICE_MANAGER").timescale(Timescale.workingDays(5)).formal().build()),
            List.of(), Timescale.workingDays(20), null, Map.of(ConcernEvent.RESPONSE_RECORDED, "Dispute Resolution"));

    private final WeekdayCalendar calendar = new WeekdayCalendar();
    private final Around people = new Around("iro-1", "IRO", "tm-1", "TEAM_MANAGER", "sm-1", "SERVICE_MANAGER");

    private static Instant london(String local) {
        return Around.london(local);
    }

    private CommandContext as(String actor, String londonTime) {
        return people.as(actor, londonTime, PROCEDURE, calendar);
    }

    /** Raised on Monday 9 November 2026 at 10:00. */
    private Concern raised() {
        return ConcernLifecycle.raise(new RaiseConcern("child-1", null, ConcernOrigin.CONCERN_OUTSIDE_REVIEW,
                List.of(Reason.OTHER.code()), "No plan.", "A plan", LocalDate.of(2026, 12, 4), "tm-1", null),
                ConcernId.random(), new ChildRecord("child-1", "Alex", Set.of(Cohort.LOOKED_AFTER),
                        LocalDate.of(2015, 3, 1), null, "Team"), as("iro-1", "2026-11-09T10:00")).after();
    }

    @Test
    public void aResponseGivenByLetterLastWeekIsKeptAsGivenThenWithWhyItIsRecordedNow() {
        Concern c = raised();
        Transition t = ConcernLifecycle.respond(c, as("tm-1", "2026-11-16T09:00"), ResponseKind.DISAGREE,
                "No budget", List.of(), london("2026-11-11T14:00"), "The letter reached the team today");
        Response r = t.after().currentStage().orElseThrow().response();
        assertEquals(london("2026-11-11T14:00"), r.at());
        assertEquals(london("2026-11-16T09:00"), r.recordedAt());
        assertTrue(r.isRecordedLate());
        assertEquals("The letter reached the team today", r.lateReason());
        assertTrue(t.notes().get(0).text(), t.notes().get(0).text().contains("recorded late: The letter reached the"
                + " team today"));
        assertEquals("the audit trail takes it as recorded now", london("2026-11-16T09:00"), t.at());

        Response onTime = ConcernLifecycle.respond(c, as("tm-1", "2026-11-16T09:00"), ResponseKind.DISAGREE,
                "No budget", List.of()).after().currentStage().orElseThrow().response();
        assertFalse(onTime.isRecordedLate());
        assertEquals(onTime.at(), onTime.recordedAt());
    }

    @Test
    public void whenItHappenedIsNeitherAheadNorBeforeTheStageAndALateRecordSaysWhy() {
        Concern c = raised();
        InvalidCommandException wrong = assertThrows(InvalidCommandException.class, () -> ConcernLifecycle.respond(c,
                as("tm-1", "2026-11-16T09:00"), ResponseKind.AGREE, null, List.of(), london("2026-11-06T09:00"), null));
        assertTrue(wrong.getMessage(), wrong.getMessage().contains("occurredAt: must not be before the stage began"));
        assertTrue(wrong.getMessage(), wrong.getMessage().contains("lateReason: is required"));
        InvalidCommandException ahead = assertThrows(InvalidCommandException.class, () -> ConcernLifecycle
                .recordCommunication(c, as("iro-1", "2026-11-16T09:00"), "Team Manager", "telephone", "Discussed",
                        london("2026-11-17T09:00"), null));
        assertTrue(ahead.getMessage(), ahead.getMessage().contains("occurredAt: must not be in the future"));
        InvalidCommandException beforeRaising = assertThrows(InvalidCommandException.class, () -> ConcernLifecycle
                .recordCommunication(c, as("iro-1", "2026-11-16T09:00"), "Team Manager", "telephone", "Discussed",
                        london("2026-11-02T09:00"), "Forgotten"));
        assertTrue(beforeRaising.getMessage(), beforeRaising.getMessage().contains(
                "occurredAt: must not be before the concern was raised"));
    }

    @Test
    public void aCommunicationRecordedLateKeepsWhenItHappened() {
        Communication call = ConcernLifecycle.recordCommunication(raised(), as("iro-1", "2026-11-16T09:00"),
                "Team Manager", "telephone", "Agreed to meet", london("2026-11-10T16:30"), "Away at court since")
                .after().communications().get(0);
        assertEquals(london("2026-11-10T16:30"), call.at());
        assertEquals(london("2026-11-16T09:00"), call.recordedAt());
        assertEquals("Away at court since", call.lateReason());
    }

    @Test
    public void anEscalationRecordedLateBeginsTheNextStageWhenItWasMadeAndItsClockFromThen() {
        Concern c = raised();
        // escalated to the Service Manager on Wednesday 11 November at 11:00, recorded on Monday 16
        Transition t = ConcernLifecycle.escalate(c, as("iro-1", "2026-11-16T09:00"), null, "No answer", null, null,
                london("2026-11-11T11:00"), "Recorded after the IRO's leave");
        Concern after = t.after();
        StageRecord team = after.stages().get(0);
        StageRecord service = after.currentStage().orElseThrow();
        assertEquals(london("2026-11-11T11:00"), team.endedAt());
        assertEquals(london("2026-11-11T11:00"), service.enteredAt());
        // five working days from Wednesday 11: Thu 12, Fri 13, Mon 16, Tue 17, Wed 18 -> due at the end of Wed 18
        assertEquals(london("2026-11-19T00:00"), service.dueAt());
        // the 20 working days of the formal stages count from then too: to the end of Wednesday 9 December
        assertEquals(london("2026-12-10T00:00"), after.formalDueAt());
        assertTrue(service.note(), service.note().contains("No answer"));
        assertTrue(service.note(), service.note().contains("recorded late: Recorded after the IRO's leave"));

        InvalidCommandException beforeStage = assertThrows(InvalidCommandException.class, () -> ConcernLifecycle
                .escalate(c, as("iro-1", "2026-11-16T09:00"), null, null, null, null, london("2026-11-09T09:00"),
                        "Earlier"));
        assertTrue(beforeStage.getMessage(), beforeStage.getMessage().contains(
                "occurredAt: must not be before the current stage began"));
    }
}
