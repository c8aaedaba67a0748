package uk.starred.api.procedure;

/** The two groups of children the seed procedures serve. A child may be in both. */
public enum Cohort {
    /** A child looked after by the local authority (in care): reviews chaired by an IRO. */
    LOOKED_AFTER,
    /** A child subject to a child protection plan: conferences chaired by a Child Protection Chair. */
    CHILD_PROTECTION
}
