package uk.starred.api.procedure;

/**
 * The steps in a concern's life that a procedure may want written on the child's file, each under
 * the case-note type name the procedure gives it.
 */
public enum ConcernEvent {
    RAISED,
    STAGE_ENTERED,
    RESPONSE_RECORDED,
    ACTION_RECORDED,
    AGREED_ACTION_COMPLETED,
    COMMUNICATION_RECORDED,
    STAGE_BYPASSED,
    CAFCASS_CONSIDERED,
    CAFCASS_REFERRED,
    CAFCASS_DECISION_RECORDED,
    SATISFACTION_RECORDED,
    RESOLVED,
    WITHDRAWN,
    CLOSED,
    /** A stage's deadline passed and its procedure's rule applied (agreement deemed, moved on, prompted). Since 2.1. */
    DEADLINE_PASSED,
    /** An agreed action passed its due date without being recorded as done. Since 2.1. */
    AGREED_ACTION_OVERDUE,
    /** The concern ended in a way its stage names ({@link Ending}), such as "internal decision only". Since 2.1. */
    ENDED,
    /** Someone asked for more time at a stage, with their explanation. Since 2.2. */
    MORE_TIME_REQUESTED,
    /** More time asked for was granted or refused. Since 2.2. */
    MORE_TIME_DECIDED,
    /** An update was sent to the child and family ({@link KeepInformed}). Since 2.2. */
    FAMILY_UPDATE_SENT
}
