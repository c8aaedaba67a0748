package uk.starred.core.concern;

import java.time.Instant;

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
    static Instant start(Draft d, Stage stage, Instant entered, java.util.List<StageRecord> before) {
        return switch (stage.clockFrom()) {
            case STAGE_ENTERED -> entered;
            case CONCERN_RAISED -> d.raisedAt;
            case REVIEW_DATE -> d.reviewDate == null ? entered
                    : d.reviewDate.atStartOfDay(d.ctx.calendar().zone()).toInstant();
            // a deadline is the midnight ending its last day: that day, not the next, is day nought
            case PREVIOUS_DEADLINE -> before.stream().filter(s -> s.state() != StageState.BYPASSED)
                    .reduce((a, b) -> b).map(StageRecord::dueAt).map(due -> due.minusNanos(1)).orElse(entered);
            case ACTION_RECORDED -> d.stages.stream().flatMap(s -> s.actions().stream())
                    .filter(a -> a.actionId().equals(stage.clockAction())).map(ActionRecord::occurredAt)
                    .findFirst().orElse(null);
        };
    }

    /** @return the stage's due moment from where its clock starts, or {@code null} with no timescale or no start yet */
    static Instant due(Draft d, Stage stage, Instant start) {
        return stage.timescale() == null || start == null ? null : d.ctx.calendar().dueMoment(start, stage.timescale());
    }
}
