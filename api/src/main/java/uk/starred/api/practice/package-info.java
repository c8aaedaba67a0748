/**
 * Good practice alerts: an IRO or Child Protection Chair recognising a worker's or manager's practice in
 * a child's case (seed 002: "recognise and report on good practice by individuals or teams"; seed 001
 * names it among the IRO's aims), reported by team and by person in oversight.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package uk.starred.api.practice;
