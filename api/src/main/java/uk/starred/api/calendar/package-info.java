/**
 * Working time in England and Wales: which days are working days, and when a timescale given by a
 * procedure ends.
 *
 * <p>A <b>working day</b> is Monday to Friday, not a bank holiday in England and Wales (by rule:
 * New Year's Day, Good Friday, Easter Monday, the early May, spring and summer bank holidays,
 * Christmas Day and Boxing Day, each with its substitute day when it falls at a weekend; and the
 * one-off holidays proclaimed since 2020), and not a closure day the council has configured.
 * All days are days in {@code Europe/London}, whose clocks change for summer time.
 *
 * <p>See {@link uk.starred.api.calendar.WorkingCalendar#dueMoment} for the deadline rule.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package uk.starred.api.calendar;
