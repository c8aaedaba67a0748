package uk.starred.api.ui;

/**
 * How urgent an alert type is, for the host's ordering and marking. A host shows the severity in
 * words and with an icon, never by colour alone.
 */
public enum AlertSeverity {
    /** Something is overdue or a child's plan is at risk now: act today. */
    URGENT,
    /** Something falls due soon, or a challenge is open and awaits a response. */
    WARNING,
    /** For information: nothing is late. */
    INFORMATION
}
