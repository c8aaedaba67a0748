package uk.starred.api.concern;

/** Where a concern is in its life. Only {@link #OPEN} concerns can still change. */
public enum ConcernStatus {
    /** Raised and not yet ended: waiting for a response, monitored or escalating. */
    OPEN,
    /** Ended because the issue was resolved. */
    RESOLVED,
    /** Ended because the IRO withdrew it. */
    WITHDRAWN,
    /** Ended by referral to CAFCASS, whose decision is recorded with it. */
    REFERRED_TO_CAFCASS,
    /** Ended because the child stopped being looked after or left the plan. */
    CLOSED,
    /**
     * Ended in a way its stage names ({@link Concern#ending()}), such as "a matter for internal decision
     * making only, which cannot be referred further". Since 1.3.
     */
    ENDED;

    public boolean isEnded() {
        return this != OPEN;
    }
}
