package uk.starred.api.deadline;

/** What falls due. */
public enum DeadlineKind {
    /**
     * The stage is due soon (amber): from the start of the last working day before its due moment,
     * those who must act are reminded.
     */
    STAGE_DUE_SOON,
    /** The stage's timescale has run out (red): its missed-deadline rule applies. */
    STAGE_DUE,
    /** An agreed action's date has passed without it being recorded as done. */
    AGREED_ACTION_DUE,
    /** The formal stages together have run beyond the procedure's total limit. */
    FORMAL_LIMIT,
    /** CAFCASS's decision on a referral is due and not recorded. */
    CAFCASS_DECISION_DUE,
    /** A looked-after review is due by the end of its last day and not held: the review is late. */
    REVIEW_DUE,
    /** A review's decision record is due to be circulated. */
    DECISION_RECORD_DUE,
    /** The managers' window to disagree with a review's decisions ends: silence means they are agreed. */
    DECISIONS_WINDOW_ENDS,
    /** A review's full record is due to be completed. */
    REVIEW_RECORD_DUE,
    /** A review's full record is due to be distributed. */
    RECORD_DISTRIBUTION_DUE,
    /** The child's IRO is due to be appointed: five working days from becoming looked after. Since 1.1. */
    IRO_APPOINTMENT_DUE,
    /** A case summary of the child's plan is due: every six months from its start. Since 1.1. */
    CASE_SUMMARY_DUE;

    /** @return whether the moment belongs to a child's review timetable rather than to a concern */
    public boolean ofReviewTimetable() {
        return ordinal() >= REVIEW_DUE.ordinal();
    }
}
