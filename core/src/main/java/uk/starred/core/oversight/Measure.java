package uk.starred.core.oversight;

/** What the oversight figures count. */
public enum Measure {
    /** Concerns raised, by how they arose. */
    RAISED,
    /** Concerns raised, by the child's legal status then. */
    COHORT,
    /** Concerns raised, by the furthest stage they reached. */
    STAGE,
    /** Concerns raised, by reason. */
    REASON,
    /** Concerns ended, by how. */
    ENDED,
    /** Concerns resolved, by the working days from raising to resolving. */
    RESOLVED_IN,
    /** Referrals to CAFCASS. */
    CAFCASS,
    /**
     * Concerns resolved, by procedure and by where they ended against its total limit: {@code WITHIN},
     * {@code BEYOND}, or {@code INFORMAL} (resolved before the formal process began, or under a procedure
     * that sets no limit; the figures tell the two apart by the procedure's definition).
     */
    RESOLVED_VS_LIMIT
}
