package uk.starred.api.procedure;

/** What a stage's procedure says happens when its due moment passes with the stage still open. */
public enum OnDeadline {
    /** Nothing happens by itself; the stage shows as overdue. */
    NOTHING,
    /** Silence means agreement: no response by the due moment is recorded as agreed (seed 002 section 11). */
    DEEMED_AGREEMENT,
    /** The concern moves on to the next stage. */
    NEXT_STAGE,
    /** The IRO is prompted to decide whether to escalate. */
    PROMPT_IRO
}
