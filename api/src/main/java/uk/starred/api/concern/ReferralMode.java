package uk.starred.api.concern;

/** How a CAFCASS referral stands to the council's own process. */
public enum ReferralMode {
    /** Alongside the process, which continues. */
    CONCURRENT,
    /** At the end of the process, which has not resolved the concern. */
    AT_END,
    /** The IRO curtails the process because the child's need is urgent. */
    CURTAILED
}
