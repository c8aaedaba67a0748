/**
 * The audit trail: an append-only record of every command on every concern, with who, when, what,
 * and the concern before and after. Each entry carries a hash of its content and of the entry
 * before it, so an entry edited or deleted afterwards is found by {@link uk.starred.api.audit.AuditTrail#verify}.
 *
 * <p>Since 1.2, the records a council owes about them: who has seen a child's dispute records
 * ({@link uk.starred.api.audit.AccessLog}), everything held about a child for a subject access request
 * ({@link uk.starred.api.audit.SubjectAccess}), and the council's retention applied with the audit kept
 * verifiable ({@link uk.starred.api.audit.RetentionPurge}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package uk.starred.api.audit;
