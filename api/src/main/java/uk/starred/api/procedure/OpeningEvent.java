package uk.starred.api.procedure;

/**
 * Something recorded elsewhere in Starred that opens a concern by itself, where the procedure says so
 * ({@link Opening}). Since 2.3.
 */
public enum OpeningEvent {
    /**
     * The manager who considers a looked-after review's decisions disagrees with them in writing within
     * their window, on the child's review timetable (seed 002: "If the SDM disagrees with any of the
     * decisions within that initial five day period, this should be notified in writing to the IRO, in
     * the first instance the IRO should attempt to resolve the issue informally").
     */
    REVIEW_DECISIONS_DISPUTED
}
