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
    CLOSED
}
