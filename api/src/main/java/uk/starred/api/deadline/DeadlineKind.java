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
    CAFCASS_DECISION_DUE
}
