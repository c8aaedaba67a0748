package uk.starred.api.review;

/** Where a review's decisions stand with the managers who must consider them. */
public enum DecisionsStatus {
    /** The decision record is not yet circulated, or the managers' window is still open. */
    AWAITED,
    /** No manager disagreed within the window: the local authority has agreed the decisions. */
    AGREED_BY_SILENCE,
    /** A manager disagreed in writing within the window; the IRO tries to resolve it informally first. */
    DISPUTED
}
