package uk.starred.core.concern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.Projection;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.concern.StageState;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Stage;

/**
 * The projected end of a concern's process: the current stage to its due moment, then each later stage
 * entered the moment the one before runs out, its due moment by its own clock, as the engine would set
 * it. At raising and at each stage it shows where the process is heading, beside the total limit.
 */
public final class Projections {

    private Projections() {
    }

    /** @return where the process would end if every stage ran to its limit; empty once the concern has ended */
    public static Optional<Projection> of(Concern c, Procedure procedure, WorkingCalendar calendar) {
        Optional<StageRecord> current = c.currentStage();
        if (c.status().isEnded() || current.isEmpty()) {
            return Optional.empty();
        }
        List<StageRecord> records = new ArrayList<>(c.stages());
        Instant end = current.get().dueAt();
        String last = current.get().name();
        List<String> untimed = new ArrayList<>();
        if (end == null) {
            untimed.add(current.get().name());
        }
        int at = procedure.indexOf(current.get().stageId());
        // the council's own process: a stage only a referral enters is not reached by running out of time
        for (Stage next : procedure.stages().subList(at + 1, Math.max(at + 1, procedure.lastEscalationIndex() + 1))) {
            // a stage without a timescale is counted as taking no time, and named as not counted
            Instant entered = end;
            Instant due = entered == null ? null : Clocks.due(calendar, next, Clocks.start(next, entered, records,
                    records, c.raisedAt(), c.reviewDate(), calendar.zone()));
            if (due == null) {
                untimed.add(next.name());
                continue;
            }
            records.add(new StageRecord(records.size() + 1, next.id(), next.name(), StageState.COMPLETED, entered,
                    null, List.of(), due, due, null, List.of(), null, null));
            end = due;
            last = next.name();
        }
        return Optional.of(new Projection(end, last, c.formalDueAt(), untimed));
    }
}
