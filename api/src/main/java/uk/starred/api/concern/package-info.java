/**
 * Concerns: the IRO's or Child Protection Chair's challenge about drift in a child's plan.
 *
 * <p>A {@link uk.starred.api.concern.Concern} is raised for a child the host platform already
 * knows, from a starred review decision, a red RAG rating, a concern found outside a review or a
 * missed statutory timetable. It names the local procedure (id and version) it runs under, the
 * procedure's reason codes, what is wrong, the remedy the IRO wants and the IRO's timescale for it.
 *
 * <p>Since 1.1, {@link uk.starred.api.concern.OversightService#openConcernSummaries} lists open
 * concerns for the oversight screen as {@link uk.starred.api.concern.OpenConcernSummary} rows, without
 * reading each concern's history.
 *
 * <p>Since 1.3, a concern may end in a way its stage names ({@link uk.starred.api.concern.ConcernService#end},
 * {@link uk.starred.api.concern.ConcernStatus#ENDED}).
 *
 * <p>Since 1.4, those asked to act may ask for more time where the stage offers it
 * ({@link uk.starred.api.concern.MoreTimeRequest}); the IRO may set a new timescale for the remedy on
 * escalating; updates to the child and family are drafted and recorded as sent.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package uk.starred.api.concern;
