package uk.starred.api.concern;

/** Where a stage record is. */
public enum StageState {
    /** The concern is at this stage now. */
    ACTIVE,
    /** The concern has left this stage: escalated from it, or ended in it. */
    COMPLETED,
    /** The IRO bypassed this stage, with a recorded reason. */
    BYPASSED
}
