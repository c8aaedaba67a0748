package uk.starred.api.procedure;

/**
 * The moment a stage's timescale counts from. "Within 5 working days following the review date" counts
 * from the review; "within 5 working days of the legal advice" from when the advice was taken.
 */
public enum ClockStart {
    /** When the concern entered the stage. */
    STAGE_ENTERED,
    /** When the concern was raised. */
    CONCERN_RAISED,
    /** The date of the review or meeting the concern arose at, as the IRO gives it when raising. */
    REVIEW_DATE,
    /** The deadline of the stage before, whenever the concern moved on. */
    PREVIOUS_DEADLINE,
    /**
     * When a required action happened, in this stage or an earlier one. Until it is recorded the stage
     * has no due moment; recorded late, the clock starts when it happened.
     */
    ACTION_RECORDED,
    /**
     * When a named stage, this one or an earlier one, was entered: "stage six, the Director and then the
     * Chief Executive, to be completed within 4 working days" counts the Chief Executive's part from
     * the start of stage six. The stage is {@link Stage#clockStage()}. Since 2.1.
     */
    STAGE_BEGUN
}
