package uk.starred.api.procedure;

/**
 * A step a required action may have to come before: "tell the child and family about the complaints
 * procedure and the right to an advocate" before the concern escalates. A gated step is refused,
 * naming the action, until the action is recorded in the stage.
 */
public enum Gate {
    /** Moving on from the stage: escalating, or bypassing the stages after it. */
    ESCALATE,
    /** Resolving the concern at the stage. */
    RESOLVE,
    /** Referring the case to CAFCASS while at the stage. */
    REFER_TO_CAFCASS
}
