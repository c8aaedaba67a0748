package uk.starred.core.deadline;

import uk.starred.api.concern.ResponseKind;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.concern.StageState;

/**
 * Whether a stage's timescale still counts. It stops when the stage is left, and when its responder
 * agrees or agreement is deemed: the agreed actions are then monitored to their own due dates (seed
 * 000 section 5, seed 001 stage two, seed 002 section 11), so the stage cannot fall overdue.
 */
public final class StageClock {

    private StageClock() {
    }

    /** @return whether the stage is the current one and its due moment still counts */
    public static boolean running(StageRecord stage) {
        return stage.state() == StageState.ACTIVE && stage.dueAt() != null && !agreed(stage);
    }

    /** @return whether the stage's responder agreed, or agreement was deemed on silence */
    public static boolean agreed(StageRecord stage) {
        return stage.response() != null && (stage.response().kind() == ResponseKind.AGREE
                || stage.response().kind() == ResponseKind.DEEMED_AGREEMENT);
    }
}
