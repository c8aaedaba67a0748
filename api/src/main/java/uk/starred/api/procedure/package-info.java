/**
 * Local procedures as data: the stages, roles, timescales, required actions, reasons and rules of
 * one council's IRO dispute resolution procedure, which the Starred engine interprets.
 *
 * <p>A council's procedure is a {@link uk.starred.api.procedure.Procedure}: an id and version, the
 * children it applies to ({@link uk.starred.api.procedure.Cohort}), the roles it names, its ordered
 * {@link uk.starred.api.procedure.Stage}s (each with participants, who must respond, required
 * actions, a timescale and what a missed deadline means), its reason taxonomy, its total limit
 * (the IRO Handbook's "no more than 20 working days") and its CAFCASS rules. No procedure needs Java
 * code: procedure bundles register a {@link uk.starred.api.procedure.ProcedureProvider} with the
 * definition, and Starred does the rest.
 *
 * <p>Since 2.1: a stage may be entered only by a referral to CAFCASS ({@link uk.starred.api.procedure.StageEntry}),
 * may offer endings of its own ({@link uk.starred.api.procedure.Ending}, such as "internal decision only"),
 * may count its timescale from an earlier stage's start ({@link uk.starred.api.procedure.ClockStart#STAGE_BEGUN}),
 * may require a referral when its deadline passes ({@link uk.starred.api.procedure.OnDeadline#REFER_TO_CAFCASS}),
 * and may name who is told when an action agreed at it is overdue.
 *
 * <p>Since 2.2: a stage may let those asked to act ask for more time, decided by the roles it names
 * ({@link uk.starred.api.procedure.MoreTime}); a required action may be done by any of several roles; a
 * procedure may say how the child and family are kept informed ({@link uk.starred.api.procedure.KeepInformed}).
 *
 * <p>Role keys are the procedure's own words in upper snake case ({@code IRO}, {@code TEAM_MANAGER},
 * {@code HEAD_OF_SERVICE} ...); the host platform's staff directory says who holds each for a child.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.3.0")
package uk.starred.api.procedure;
