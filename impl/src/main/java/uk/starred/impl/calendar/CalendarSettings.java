package uk.starred.impl.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import uk.starred.api.calendar.NonWorkingDay;
import uk.starred.api.calendar.NonWorkingDay.Kind;

/**
 * The council's part of the working calendar, read and checked: its closure days, the bank holidays
 * proclaimed after this release, and the bank holidays by rule that a proclamation cancelled or
 * moved. An immutable value: two settings are equal when they make the same working days under the
 * same names.
 *
 * <p>Each entry is {@code YYYY-MM-DD}, then optionally a space and a name, for example
 * {@code 2026-12-29 Council closure}; a name may not contain a comma, because commas separate
 * entries written on one line. Blank entries are ignored. An entry is refused, with a message naming
 * the property, the entry and what was expected, when:
 * <ul>
 * <li>it is not a real date in that form, or its year is outside the calendar
 * ({@value EnglandAndWalesHolidays#FIRST_YEAR} to {@value EnglandAndWalesHolidays#LAST_YEAR});</li>
 * <li>a closure day or an additional bank holiday falls on a Saturday or a Sunday, which are never
 * working days, so such an entry can only be a mistaken date;</li>
 * <li>the same date is given twice in one property;</li>
 * <li>an additional bank holiday is already a bank holiday by rule (and not cancelled);</li>
 * <li>a cancelled bank holiday is not a bank holiday by rule.</li>
 * </ul>
 * All the problems of a configuration are reported at once, so an operator fixes them in one go.
 */
public final class CalendarSettings {

    static final String CLOSURE_DAYS = "closureDays";
    static final String BANK_HOLIDAYS = "bankHolidays";
    static final String CANCELLED_BANK_HOLIDAYS = "cancelledBankHolidays";

    static final String DEFAULT_CLOSURE_NAME = "Council closure";
    static final String DEFAULT_BANK_HOLIDAY_NAME = "Bank holiday";
    static final int NAME_MAX = 200;

    private static final Pattern ENTRY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:\\s+(.*))?");
    private static final String EXPECTED = "expected \"YYYY-MM-DD Name\", the name optional, for example \"2026-12-29 Council closure\"";

    private static final CalendarSettings NONE = new CalendarSettings(new TreeMap<>(), new TreeMap<>(), new TreeSet<>());

    private final NavigableMap<LocalDate, NonWorkingDay> closureDays;
    private final NavigableMap<LocalDate, NonWorkingDay> bankHolidays;
    private final NavigableSet<LocalDate> cancelledBankHolidays;

    private CalendarSettings(NavigableMap<LocalDate, NonWorkingDay> closureDays,
            NavigableMap<LocalDate, NonWorkingDay> bankHolidays, NavigableSet<LocalDate> cancelledBankHolidays) {
        this.closureDays = Collections.unmodifiableNavigableMap(closureDays);
        this.bankHolidays = Collections.unmodifiableNavigableMap(bankHolidays);
        this.cancelledBankHolidays = Collections.unmodifiableNavigableSet(cancelledBankHolidays);
    }

    /** @return no closure days and the bank holidays by rule only: the calendar of a council that configured nothing */
    public static CalendarSettings none() {
        return NONE;
    }

    /**
     * Reads the configuration of PID {@value WorkingCalendarComponent#PID}.
     *
     * @throws IllegalArgumentException naming every refused entry
     */
    public static CalendarSettings from(CalendarConfiguration configuration, EnglandAndWalesHolidays holidays) {
        Objects.requireNonNull(configuration, "configuration");
        return parse(holidays, configuration.closureDays(), configuration.bankHolidays(),
                configuration.cancelledBankHolidays());
    }

    /**
     * Reads the three lists of entries; a null list is an empty one.
     *
     * @throws IllegalArgumentException naming every refused entry
     */
    public static CalendarSettings parse(EnglandAndWalesHolidays holidays, String[] closureDays, String[] bankHolidays,
            String[] cancelledBankHolidays) {
        Objects.requireNonNull(holidays, "holidays");
        List<String> problems = new ArrayList<>();
        NavigableMap<LocalDate, NonWorkingDay> closures = new TreeMap<>();
        for (Entry entry : entries(problems, CLOSURE_DAYS, closureDays)) {
            if (weekday(problems, entry) && once(problems, entry, closures.containsKey(entry.date))) {
                closures.put(entry.date, new NonWorkingDay(entry.date, entry.nameOr(DEFAULT_CLOSURE_NAME), Kind.COUNCIL_CLOSURE));
            }
        }
        NavigableSet<LocalDate> cancelled = new TreeSet<>();
        for (Entry entry : entries(problems, CANCELLED_BANK_HOLIDAYS, cancelledBankHolidays)) {
            if (once(problems, entry, cancelled.contains(entry.date))) {
                if (byRule(holidays, entry.date).isPresent()) {
                    cancelled.add(entry.date);
                } else {
                    problems.add(entry.refused(entry.date + " is not a bank holiday of England and Wales by rule; expected the"
                            + " date of one, as it is listed for " + entry.date.getYear() + ": "
                            + listed(holidays.inYear(entry.date.getYear()))));
                }
            }
        }
        NavigableMap<LocalDate, NonWorkingDay> added = new TreeMap<>();
        for (Entry entry : entries(problems, BANK_HOLIDAYS, bankHolidays)) {
            if (weekday(problems, entry) && once(problems, entry, added.containsKey(entry.date))) {
                Optional<NonWorkingDay> existing = byRule(holidays, entry.date);
                if (existing.isPresent() && !cancelled.contains(entry.date)) {
                    problems.add(entry.refused(entry.date + " is already a bank holiday by rule (" + existing.get().name()
                            + "); expected a date that is not, for a bank holiday proclaimed in addition or moved to"));
                } else {
                    added.put(entry.date, new NonWorkingDay(entry.date, entry.nameOr(DEFAULT_BANK_HOLIDAY_NAME), Kind.BANK_HOLIDAY));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.size() + (problems.size() == 1 ? " entry" : " entries")
                    + " of the working calendar configuration (PID " + WorkingCalendarComponent.PID + ") refused: "
                    + String.join("; ", problems));
        }
        if (closures.isEmpty() && added.isEmpty() && cancelled.isEmpty()) {
            return NONE;
        }
        return new CalendarSettings(closures, added, cancelled);
    }

    /** @return the council's closure days, in date order */
    public List<NonWorkingDay> closureDays() {
        return List.copyOf(closureDays.values());
    }

    /** @return the bank holidays configured in addition to those by rule, in date order */
    public List<NonWorkingDay> bankHolidays() {
        return List.copyOf(bankHolidays.values());
    }

    /** @return the bank holidays by rule that no longer are, in date order */
    public NavigableSet<LocalDate> cancelledBankHolidays() {
        return cancelledBankHolidays;
    }

    /** @return the closure days from {@code from} to {@code to}, both inclusive */
    Map<LocalDate, NonWorkingDay> closureDays(LocalDate from, LocalDate to) {
        return closureDays.subMap(from, true, to, true);
    }

    /** @return the additional bank holidays from {@code from} to {@code to}, both inclusive */
    Map<LocalDate, NonWorkingDay> bankHolidays(LocalDate from, LocalDate to) {
        return bankHolidays.subMap(from, true, to, true);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CalendarSettings that
                && closureDays.equals(that.closureDays)
                && bankHolidays.equals(that.bankHolidays)
                && cancelledBankHolidays.equals(that.cancelledBankHolidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(closureDays, bankHolidays, cancelledBankHolidays);
    }

    @Override
    public String toString() {
        return "closure days " + closureDays.values().stream().map(d -> d.date() + " " + d.name()).toList()
                + ", additional bank holidays " + bankHolidays.values().stream().map(d -> d.date() + " " + d.name()).toList()
                + ", cancelled bank holidays " + cancelledBankHolidays;
    }

    private static Optional<NonWorkingDay> byRule(EnglandAndWalesHolidays holidays, LocalDate date) {
        return holidays.inYear(date.getYear()).stream().filter(day -> day.date().equals(date)).findFirst();
    }

    private static String listed(List<NonWorkingDay> days) {
        return days.stream().map(day -> day.date() + " " + day.name()).collect(Collectors.joining(", "));
    }

    private static boolean weekday(List<String> problems, Entry entry) {
        DayOfWeek day = entry.date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            problems.add(entry.refused(entry.date + " is a " + day.getDisplayName(TextStyle.FULL, Locale.UK)
                    + ", never a working day; expected a weekday"));
            return false;
        }
        return true;
    }

    private static boolean once(List<String> problems, Entry entry, boolean seen) {
        if (seen) {
            problems.add(entry.refused(entry.date + " is given more than once; expected each date once"));
            return false;
        }
        return true;
    }

    /** Splits the entries at commas, drops blank ones and refuses those not of the form. */
    private static List<Entry> entries(List<String> problems, String property, String[] values) {
        List<Entry> entries = new ArrayList<>();
        if (values == null) {
            return entries;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                String text = part.strip();
                if (text.isEmpty()) {
                    continue;
                }
                Matcher matcher = ENTRY.matcher(text);
                if (!matcher.matches()) {
                    problems.add(refused(property, text, "it does not start with a date; " + EXPECTED));
                    continue;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(matcher.group(1));
                } catch (DateTimeException e) {
                    problems.add(refused(property, text, matcher.group(1) + " is not a date in the calendar; " + EXPECTED));
                    continue;
                }
                if (date.getYear() < EnglandAndWalesHolidays.FIRST_YEAR || date.getYear() > EnglandAndWalesHolidays.LAST_YEAR) {
                    problems.add(refused(property, text, "the working calendar covers the years " + EnglandAndWalesHolidays.FIRST_YEAR
                            + " to " + EnglandAndWalesHolidays.LAST_YEAR + "; expected a date in them"));
                    continue;
                }
                String name = matcher.group(2) == null ? "" : matcher.group(2).strip();
                if (name.length() > NAME_MAX) {
                    problems.add(refused(property, text, "the name is " + name.length() + " characters long; expected at most " + NAME_MAX));
                    continue;
                }
                entries.add(new Entry(property, text, date, name));
            }
        }
        return entries;
    }

    private static String refused(String property, String text, String why) {
        return property + " entry \"" + text + "\" is refused: " + why;
    }

    private record Entry(String property, String text, LocalDate date, String name) {

        String nameOr(String otherwise) {
            return name.isEmpty() ? otherwise : name;
        }

        String refused(String why) {
            return CalendarSettings.refused(property, text, why);
        }
    }
}
