package uk.starred.api.alert;

/**
 * The OSGi Event Admin topics Starred posts on, for hosts that want to react (refresh a screen, send
 * a text). Events are written to the outbox with the change that causes them and posted after it
 * commits, so none is lost; a rare repeat after a crash carries the same {@link #EVENT_ID}. The
 * alerts themselves are always {@link AlertService#alertsForChild}; events say when to look again.
 */
public final class AlertEvents {

    /** Posted after every change to a concern: {@code uk/starred/concern/CHANGED}. */
    public static final String CONCERN_CHANGED = "uk/starred/concern/CHANGED";

    /** Posted after every change to a child's looked-after review timetable: {@code uk/starred/reviews/CHANGED}. */
    public static final String REVIEWS_CHANGED = "uk/starred/reviews/CHANGED";

    /**
     * Posted when a due moment fires: {@code uk/starred/deadline/<kind>}, the kind as in
     * {@link uk.starred.api.deadline.DeadlineKind}, such as {@code uk/starred/deadline/STAGE_DUE}.
     */
    public static final String DEADLINE_TOPIC_PREFIX = "uk/starred/deadline/";

    /** Every topic Starred posts on, for an {@code event.topics} filter: {@code uk/starred/*}. */
    public static final String ALL = "uk/starred/*";

    /** Event property: the event's stable id (String). */
    public static final String EVENT_ID = "starred.event.id";
    /** Event property: the child's id in the host (String). */
    public static final String CHILD_ID = "starred.child.id";
    /** Event property: the concern's id (String); absent for the review timetable. */
    public static final String CONCERN_ID = "starred.concern.id";
    /** Event property: what happened: the command's name, or what the due moment did (String). */
    public static final String WHAT = "starred.what";
    /** Event property: when it happened (String, ISO-8601 instant). */
    public static final String AT = "starred.at";

    private AlertEvents() {
    }
}
