package uk.starred.api.concern;

/** What CAFCASS decided about a referral. */
public enum CafcassDecision {
    /** CAFCASS will take proceedings in the courts. */
    PROCEEDINGS,
    /** CAFCASS will not take proceedings. */
    NO_PROCEEDINGS
}
