package uk.starred.impl.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.calendar.NonWorkingDay;
import uk.starred.api.calendar.Timescale;
import uk.starred.api.calendar.WorkingCalendar;

/**
 * The {@link WorkingCalendar} service: the bank holidays of England and Wales with the council's
 * closure days from Configuration Admin, PID {@value #PID} (see {@link CalendarConfiguration}).
 * Without a configuration the calendar has the bank holidays alone.
 *
 * <p>Every call is answered by one immutable {@link EnglandAndWalesCalendar}, {@link #current()}. A
 * change of configuration builds a new one and swaps it in whole, so a due moment is never computed
 * from half of one configuration and half of another, and the service stays registered throughout:
 * screens and reminders go on working while the operator edits the file.
 *
 * <p>A configuration with a malformed entry is refused, with a message naming the property, the
 * entry and what was expected:
 * <ul>
 * <li>when the configuration is changed while the calendar is in service, the error is logged once
 * and the calendar keeps its last good configuration: a typo in a closure day must not move every
 * deadline of the council, nor stop the service that computes them;</li>
 * <li>when the component starts with it, activation fails and the service is not registered until
 * the configuration is corrected, since there is no good configuration to keep, and computing due
 * moments without the closure days the council asked for would give wrong deadlines silently.</li>
 * </ul>
 * Note that Declarative Services still updates the service properties to the refused configuration;
 * what the calendar answers is told by {@link #current()}, which compares by value.
 */
@Component(service = WorkingCalendar.class, configurationPid = WorkingCalendarComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CalendarConfiguration.class)
public class WorkingCalendarComponent implements WorkingCalendar {

    /** The Configuration Admin PID of the council's calendar settings. */
    public static final String PID = "uk.starred.calendar";

    private static final Logger LOG = LoggerFactory.getLogger(WorkingCalendarComponent.class);

    private final EnglandAndWalesHolidays holidays = new EnglandAndWalesHolidays();
    private volatile EnglandAndWalesCalendar calendar;

    /** @throws IllegalArgumentException naming every malformed entry, so that activation fails */
    @Activate
    public WorkingCalendarComponent(CalendarConfiguration configuration) {
        this.calendar = new EnglandAndWalesCalendar(holidays, CalendarSettings.from(configuration, holidays));
        LOG.info("Working calendar of England and Wales in service with {}", calendar.settings());
    }

    /** Swaps in the changed configuration, or keeps the current one when the change is refused. */
    @Modified
    public void modified(CalendarConfiguration configuration) {
        EnglandAndWalesCalendar changed;
        try {
            changed = new EnglandAndWalesCalendar(holidays, CalendarSettings.from(configuration, holidays));
        } catch (IllegalArgumentException e) {
            LOG.error("Working calendar configuration refused; the calendar keeps its last good configuration ({}): {}",
                    calendar.settings(), e.getMessage());
            return;
        }
        if (!changed.equals(calendar)) {
            calendar = changed;
            LOG.info("Working calendar of England and Wales changed to {}", changed.settings());
        }
    }

    /** @return the calendar that answers now: an immutable value, equal to another when it has the same working days */
    public EnglandAndWalesCalendar current() {
        return calendar;
    }

    @Override
    public ZoneId zone() {
        return calendar.zone();
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return calendar.isWorkingDay(date);
    }

    @Override
    public List<NonWorkingDay> nonWorkingDays(LocalDate from, LocalDate to) {
        return calendar.nonWorkingDays(from, to);
    }

    @Override
    public LocalDate addWorkingDays(LocalDate day, int workingDays) {
        return calendar.addWorkingDays(day, workingDays);
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return calendar.workingDaysBetween(from, to);
    }

    @Override
    public Instant dueMoment(Instant start, Timescale timescale) {
        return calendar.dueMoment(start, timescale);
    }

    @Override
    public String toString() {
        return Objects.toString(calendar);
    }
}
