/**
 * A child's current alerts, for the host's alert area on every case screen of that child: each open
 * starred decision, informal and formal alert with its RAG rating and who must act, stages due soon
 * or overdue, agreed actions overdue, the formal process beyond its total limit, and CAFCASS
 * referrals awaiting a decision. Alerts are worked out from the stored record and the working
 * calendar each time they are asked for, so none can be lost or left stale.
 *
 * <p>The same changes are published on OSGi Event Admin for hosts that want them (see
 * {@link uk.starred.api.alert.AlertEvents}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package uk.starred.api.alert;
