/**
 * Deadlines: every due moment of every open concern (a stage's response window and the warning
 * before it, an agreed action's date, the formal process's total limit, CAFCASS's decision), fired
 * once when it falls, on one node or many, and what operators see of them.
 *
 * <p>A stage's deadline applies what the procedure says a missed deadline means
 * ({@link uk.starred.api.procedure.OnDeadline}): nothing beyond telling those who must act, deemed
 * agreement, a move to the next stage, or a prompt to the IRO to decide.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package uk.starred.api.deadline;
