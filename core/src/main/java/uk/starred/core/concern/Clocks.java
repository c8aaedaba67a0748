package uk.starred.core.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.ActionRecord;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.concern.StageState;
import uk.starred.api.procedure.Stage;

/** Where a stage's timescale counts from, by its procedure: entry, raising, the review, the deadline before, an action. */
final class Clocks {

    private Clocks() {
    }

    /**
     * @param entered the moment the concern entered the stage (now, for a stage being entered)
     * @param before  the stages the concern went through before this one
     * @return when the stage's clock starts, or {@code null} while it waits for an action to be recorded
     */
    static Instant start(Draft d, Stage stage, Instant entered, List<StageRecord> before) {
        return start(stage, entered, before, d.stages, d.raisedAt, d.reviewDate, d.ctx.calendar().zone());
    }

    /**
     * @param all       every stage record of the concern, where a required action may have been recorded
     * @param raisedAt  when the concern was raised
     * @param review    the date of the review it arose at, or {@code null}
     */
    static Instant start(Stage stage, Instant entered, List<StageRecord> before, List<StageRecord> all,
            Instant raisedAt, LocalDate review, ZoneId zone) {
        return switch (stage.clockFrom()) {
            case STAGE_ENTERED -> entered;
            case CONCERN_RAISED -> raisedAt;
            case REVIEW_DATE -> review == null ? entered : review.atStartOfDay(zone).toInstant();
            // a deadline is the midnight ending its last day: that day, not the next, is day nought
            case PREVIOUS_DEADLINE -> before.stream().filter(s -> s.state() != StageState.BYPASSED)
                    .reduce((a, b) -> b).map(StageRecord::dueAt).map(due -> due.minusNanos(1)).orElse(entered);
            // the named stage's entry: this stage's own, or an earlier one's not bypassed
            case STAGE_BEGUN -> stage.id().equals(stage.clockStage()) ? entered
                    : before.stream().filter(s -> s.state() != StageState.BYPASSED)
                            .filter(s -> s.stageId().equals(stage.clockStage())).map(StageRecord::enteredAt)
                            .findFirst().orElse(entered);
            case ACTION_RECORDED -> all.stream().flatMap(s -> s.actions().stream())
                    .filter(a -> a.actionId().equals(stage.clockAction())).map(ActionRecord::occurredAt)
                    .findFirst().orElse(null);
        };
    }

    /** @return the stage's due moment from where its clock starts, or {@code null} with no timescale or no start yet */
    static Instant due(Draft d, Stage stage, Instant start) {
        return due(d.ctx.calendar(), stage, start);
    }

    static Instant due(WorkingCalendar calendar, Stage stage, Instant start) {
        return stage.timescale() == null || start == null ? null : calendar.dueMoment(start, stage.timescale());
    }
}
