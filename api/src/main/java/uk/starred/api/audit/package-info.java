/**
 * The audit trail: an append-only record of every command on every concern, with who, when, what,
 * and the concern before and after. Each entry carries a hash of its content and of the entry
 * before it, so an entry edited or deleted afterwards is found by {@link uk.starred.api.audit.AuditTrail#verify}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package uk.starred.api.audit;
