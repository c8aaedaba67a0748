package uk.starred.api.concern;

/** What the manager asked to respond says. */
public enum ResponseKind {
    /** Agrees: the agreed actions are then monitored to their due dates. */
    AGREE,
    /** Disagrees, with reasons: the IRO decides whether to escalate. */
    DISAGREE,
    /** Has no remit to decide: the concern goes where the procedure says (seed 001: to stage four). */
    NO_REMIT,
    /** No response came by the due moment and the procedure treats silence as agreement. */
    DEEMED_AGREEMENT
}
