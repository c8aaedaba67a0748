package uk.starred.api.procedure;

/** How a concern comes to a stage. Since 2.1. */
public enum StageEntry {
    /** By escalating to it, moving on to it at a deadline, or starting at it where the stage allows. */
    ESCALATION,
    /**
     * Only by the IRO's referral of the case to CAFCASS, made at the end of the process or curtailing it:
     * "Stage Seven - Decision by CAFCASS". The stage's timescale is the time CAFCASS has to decide.
     * Nobody escalates to it, and a concern that reaches it has ended by referral.
     */
    REFERRAL
}
