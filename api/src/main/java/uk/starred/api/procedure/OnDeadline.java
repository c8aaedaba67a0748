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
    PROMPT_IRO,
    /**
     * The procedure's process is exhausted and the IRO must now refer the case to CAFCASS ("if the
     * Chief Executive is not able to provide an acceptable resolution, the IRO MUST refer the matter to
     * CAFCASS"): the IRO is told so, and it goes on the child's file. Where the child is only on a child
     * protection plan the law allows no referral, and the IRO is prompted instead (s25B(3)). Since 2.1.
     */
    REFER_TO_CAFCASS
}
