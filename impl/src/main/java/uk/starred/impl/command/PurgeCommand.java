package uk.starred.impl.command;

import java.time.Clock;
import java.util.Dictionary;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import uk.starred.api.audit.RetentionPurge.Outcome;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.impl.records.Purge;
import uk.starred.impl.records.Retention;
import uk.starred.impl.store.StoreGuard;

/**
 * {@code starred:purge [--dry-run]}: applies the council's retention ({@code etc/uk.starred.retention.cfg}) now,
 * or says what it would delete; prints how many concerns and access log entries went, never whose.
 */
@Service
@Command(scope = "starred", name = "purge",
        description = "Deletes concerns and access log entries past the council's retention (etc/uk.starred.retention.cfg)")
public class PurgeCommand implements Action {

    @Reference(filter = "(osgi.unit.name=starred)")
    JpaTemplate jpa;

    @Reference
    WorkingCalendar calendar;

    @Reference
    ConfigurationAdmin configurations;

    @Option(name = "--dry-run", description = "count what would be deleted, delete nothing")
    boolean dryRun;

    @Override
    public Object execute() throws Exception {
        Configuration configuration = configurations.getConfiguration(Retention.PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        Purge.Settings settings = new Purge.Settings(years(properties, "endedConcernsKeptYears"),
                years(properties, "accessLogKeptYears"));
        if (settings.endedConcernsKeptYears() == 0 && settings.accessLogKeptYears() == 0) {
            System.out.println("No retention is configured (etc/" + Retention.PID + ".cfg): everything is kept.");
            return null;
        }
        Outcome outcome = Purge.run(StoreGuard.guarded(jpa), settings, calendar.zone(), Clock.systemUTC().instant(),
                "console", dryRun);
        System.out.println((dryRun ? "Would delete " : "Deleted ") + outcome.concerns() + " concern(s) ended before "
                + (outcome.endedBefore() == null ? "(kept for ever)" : outcome.endedBefore()) + ", "
                + outcome.timetables() + " review timetable(s) of children who ceased to be looked after by then, and "
                + outcome.accessEntries() + " access log entr(ies) from before "
                + (outcome.viewedBefore() == null ? "(kept for ever)" : outcome.viewedBefore()) + ".");
        return null;
    }

    private static int years(Dictionary<String, Object> properties, String key) {
        Object value = properties == null ? null : properties.get(key);
        if (value == null) {
            return 0;
        }
        try {
            int years = Integer.parseInt(value.toString().trim());
            if (years < 0) {
                throw new IllegalArgumentException(key + " must be 0 (kept for ever) or more years, was " + years);
            }
            return years;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of years, was '" + value + "'");
        }
    }
}
