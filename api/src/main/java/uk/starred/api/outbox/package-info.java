/**
 * The outbox, for operators: the case notes and notifications Starred has stored and not yet
 * delivered to the host, the dead letters given up after their attempts ran out, how far delivery is
 * behind, and delivering them now. It shows no child's data: ids, kinds, attempts and errors only.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.1")
package uk.starred.api.outbox;
