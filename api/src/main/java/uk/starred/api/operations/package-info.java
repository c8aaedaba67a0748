/**
 * What an operator watches: whether Starred's database answers and its schema is migrated, whether the
 * deadline sweep keeps up with the due moments, whether notices are delivered, which procedures were refused,
 * how many concerns wait at each stage and how many are overdue, and how long commands take. Health checks and
 * metrics (Starred's operations bundle) read it; so may a council's own monitoring.
 *
 * <p>Nothing here names a child, a member of staff or anything written about a child: counts, durations,
 * procedure and stage ids, and the kinds of failures.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package uk.starred.api.operations;
