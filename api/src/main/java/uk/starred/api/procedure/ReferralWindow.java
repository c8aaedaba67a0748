package uk.starred.api.procedure;

/**
 * When a procedure lets the IRO refer a case to CAFCASS alongside its process, or at its end. Curtailing
 * the process to refer is open at any point whatever the window: the power is the IRO's in law
 * (Children Act 1989 s25B(3)).
 */
public enum ReferralWindow {
    /** At any point: "the IRO may refer at any time". */
    ANY_POINT,
    /** Once a formal stage has begun (a stage marked {@code formal}). */
    FORMAL_BEGUN,
    /** Once the named stage has begun: "only once the internal dispute resolution has begun", "at stage 6". */
    STAGE_BEGUN
}
