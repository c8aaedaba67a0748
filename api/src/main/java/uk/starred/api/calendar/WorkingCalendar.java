package uk.starred.api.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The working calendar of England and Wales in {@code Europe/London}, with the council's closure
 * days. Registered as an OSGi service by Starred; every due moment in Starred is computed here.
 *
 * <h2>The deadline rule</h2>
 * A timescale starts at a moment (a notification sent, a stage entered, a referral made) and ends
 * at its <b>due moment</b>:
 * <ul>
 * <li><b>Working days</b> ({@code n}): the day of the start is day nought, whatever the hour and
 * whether or not it is a working day. Day one is the first working day after it, day {@code n} the
 * {@code n}-th. The timescale ends at the end of day {@code n}, that is at midnight, London time, at
 * the start of the next calendar day. So a starred recommendation sent at 16:00 on Friday 22 May
 * 2026, with "2 working days", is due at the end of Wednesday 27 May (Monday 25 May being the spring
 * bank holiday): the due moment is 00:00 on Thursday 28 May, London time.</li>
 * <li><b>Calendar days</b> ({@code n}): as for working days, every day counting. A CAFCASS referral
 * made on 1 December with "14 days" is due at the end of 15 December.</li>
 * <li><b>Hours</b> ({@code n}): exactly {@code n} elapsed hours after the start, on the real time
 * line; across a clock change a due moment keeps its elapsed length, not its clock time.</li>
 * <li><b>Working hours</b> ({@code n}): elapsed time counted only while it is a working day in
 * London (each working day counts its 24 hours; clocks change only on Sundays, so every working day
 * is 24 hours long). A start on a non-working day starts counting at the beginning of the next
 * working day. The due moment is the instant at which {@code n} such hours have been counted; when
 * that falls exactly at the end of a working day, it is that midnight.</li>
 * </ul>
 * A moment is <b>overdue</b> when the current instant is at or after its due moment.
 */
@ProviderType
public interface WorkingCalendar {

    /** @return {@code Europe/London} */
    ZoneId zone();

    /** @return whether the day is a working day: Monday to Friday, not a bank holiday nor a council closure day */
    boolean isWorkingDay(LocalDate date);

    /**
     * @return the bank holidays and council closure days falling on weekdays between the two dates,
     *         inclusive, in date order
     */
    List<NonWorkingDay> nonWorkingDays(LocalDate from, LocalDate to);

    /**
     * @return the day {@code workingDays} working days after {@code day} (day nought), by the rule
     *         above; {@code workingDays} may be zero (then the first working day on or after
     *         {@code day}) but not negative
     */
    LocalDate addWorkingDays(LocalDate day, int workingDays);

    /**
     * @return how many working days lie after {@code from} up to and including {@code to}; zero when
     *         {@code to} is not after {@code from}
     */
    int workingDaysBetween(LocalDate from, LocalDate to);

    /** @return when a timescale starting at {@code start} ends, by the deadline rule above */
    Instant dueMoment(Instant start, Timescale timescale);
}
