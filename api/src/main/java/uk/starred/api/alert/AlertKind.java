package uk.starred.api.alert;

/** What an alert is about. */
public enum AlertKind {
    /** A starred decision is open: the IRO has challenged a decision and awaits its ratification. */
    STARRED_DECISION,
    /** A concern is in an informal stage of the dispute resolution procedure. */
    INFORMAL_ALERT,
    /** A concern is in a formal stage of the dispute resolution procedure. */
    FORMAL_ALERT,
    /** The current stage falls due on its last working day. */
    STAGE_DUE_SOON,
    /** The current stage is past its due moment. */
    STAGE_OVERDUE,
    /** An agreed action is past its date and not recorded as done. */
    AGREED_ACTION_OVERDUE,
    /** The formal stages together have run beyond the procedure's total limit. */
    TOTAL_LIMIT_PASSED,
    /** The case is referred to CAFCASS and its decision is awaited. */
    CAFCASS_REFERRAL,
    /**
     * A looked-after review is past its date and not held: the review is late (a reason for a concern
     * in seed 004's table, "review late or cancelled").
     */
    REVIEW_OVERDUE,
    /** A review's decision record, full record or its distribution is past its date. */
    REVIEW_RECORD_OVERDUE,
    /**
     * The procedure asks for an update to the child and family at the concern's current stage, and none is
     * recorded as sent since the concern entered it. Since 1.1.
     */
    FAMILY_UPDATE_DUE,
    /**
     * The looked-after child's IRO is not appointed, or a case summary of the plan is not completed, past its
     * date. Since 1.2.
     */
    REVIEW_PLAN_OVERDUE
}
