package uk.starred.impl.calendar;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The council's part of the working calendar, from Configuration Admin under the PID
 * {@value WorkingCalendarComponent#PID}. Every property is a list of entries {@code YYYY-MM-DD Name},
 * the name optional; an entry may also hold several of them separated by commas, which is how a
 * Karaf {@code .cfg} file writes a list:
 *
 * <pre>
 * closureDays = 2026-12-29 Council closure, 2026-12-30 Council closure, 2026-12-31 Council closure
 * </pre>
 *
 * How entries are checked is told by {@link CalendarSettings}.
 */
@ObjectClassDefinition(id = WorkingCalendarComponent.PID, name = "Starred working calendar",
        description = "The council's closure days, and the bank holidays of England and Wales proclaimed or moved"
                + " after this release. Entries are YYYY-MM-DD followed by an optional name.")
public @interface CalendarConfiguration {

    /** Weekdays the council closes, which are not working days, for example {@code 2026-12-29 Council closure}. */
    @AttributeDefinition(name = "Council closure days",
            description = "Weekdays the council is closed, so not working days: YYYY-MM-DD then an optional name,"
                    + " for example \"2026-12-29 Council closure\". The name defaults to \"Council closure\".")
    String[] closureDays() default {};

    /**
     * One-off bank holidays proclaimed after this release, for example
     * {@code 2030-06-07 Bank holiday for a royal occasion}.
     */
    @AttributeDefinition(name = "Additional bank holidays",
            description = "Bank holidays proclaimed in addition to those by rule, or a rule holiday's new date when"
                    + " it is moved: YYYY-MM-DD then an optional name, for example \"2030-06-07 Jubilee bank holiday\"."
                    + " The name defaults to \"Bank holiday\".")
    String[] bankHolidays() default {};

    /**
     * Bank holidays by rule that a proclamation has cancelled, usually because it moved them, as the
     * early May bank holiday of 2020 was moved from 4 May to 8 May.
     */
    @AttributeDefinition(name = "Cancelled bank holidays",
            description = "Bank holidays by rule that have been moved or cancelled by proclamation: YYYY-MM-DD then"
                    + " an optional note, for example \"2031-05-05 moved to 9 May\". Give the new date under"
                    + " Additional bank holidays.")
    String[] cancelledBankHolidays() default {};
}
