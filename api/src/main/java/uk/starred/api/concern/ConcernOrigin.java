package uk.starred.api.concern;

/** Where a concern came from: the four routes into every seed procedure, and a review's decisions disputed. */
public enum ConcernOrigin {
    /** A review decision marked with an asterisk because it is crucial to the plan. */
    STARRED_DECISION("Starred decision"),
    /** A red RAG rating given at the review. */
    RED_RAG_RATING("Red RAG rating"),
    /** A concern the IRO or Child Protection Chair found outside a review. */
    CONCERN_OUTSIDE_REVIEW("Concern outside a review"),
    /** A statutory timetable was missed (a late review, a record not distributed ...). */
    MISSED_STATUTORY_TIMETABLE("Statutory timetable missed"),
    /**
     * A manager disagreed with a looked-after review's decisions in writing on the child's review timetable
     * (seed 002), which opens the concern where the procedure says so. Since 1.5.
     */
    REVIEW_DECISIONS_DISPUTED("Review decisions disputed");

    private final String words;

    ConcernOrigin(String words) {
        this.words = words;
    }

    /** @return how the screens and reports name it, such as "Starred decision" */
    public String words() {
        return words;
    }
}
