package uk.starred.api.deadline;

/** Where a due moment stands. */
public enum DeadlineState {
    /** Waiting for its moment, or for a retry after a failed attempt. */
    PENDING,
    /** Fired once: those who must act were told and the procedure's rule applied. */
    FIRED,
    /** What it waited for happened first (the stage moved on, the action was done); it will not fire. */
    CANCELLED
}
