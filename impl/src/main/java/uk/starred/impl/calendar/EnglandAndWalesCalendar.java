package uk.starred.impl.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import uk.starred.api.calendar.NonWorkingDay;
import uk.starred.api.calendar.Timescale;
import uk.starred.api.calendar.WorkingCalendar;

/**
 * The working calendar of England and Wales with one council's settings, as an immutable value:
 * two calendars are equal when they have the same working days under the same names, so whoever
 * keeps due moments can tell whether a change of configuration changes any of them.
 *
 * <h2>How the deadline rule is computed</h2>
 * Counting working days is the whole work of the calendar, and it is done for every case on every
 * screen, so no count walks day by day. For each year the calendar builds, once, on first use:
 * the running count of working days from 1 January to each day, the working days of the year in
 * order, and the instant each London day begins. Then:
 * <ul>
 * <li>{@link #addWorkingDays}: the running count on day nought plus {@code n} is the ordinal of the
 * due day among the year's working days, looked up directly (going on to the next year's table
 * while it is past the year's last working day);</li>
 * <li>{@link #workingDaysBetween}: the difference of the two running counts;</li>
 * <li>working days: the due moment is the instant the day after day {@code n} begins, from the
 * table, so the clock changes need no special case;</li>
 * <li>calendar days: the London date of the start plus {@code n + 1} days, at its start;</li>
 * <li>hours: the start plus {@code n} elapsed hours;</li>
 * <li>working hours: what is left of the start day if it is a working day, then whole working days
 * of 24 hours each, then the remainder from the beginning of the working day it falls in.</li>
 * </ul>
 * Years are built lazily and kept for the calendar's life, so any year from
 * {@value EnglandAndWalesHolidays#FIRST_YEAR} to {@value EnglandAndWalesHolidays#LAST_YEAR} works; a
 * date outside those years is refused with {@link IllegalArgumentException} by the methods that
 * need working days. Thread-safe.
 */
public final class EnglandAndWalesCalendar implements WorkingCalendar {

    /** The clock every council in England and Wales works to. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final Duration WORKING_DAY = Duration.ofDays(1);

    private final EnglandAndWalesHolidays holidays;
    private final CalendarSettings settings;
    private final AtomicReferenceArray<YearTable> years =
            new AtomicReferenceArray<>(EnglandAndWalesHolidays.LAST_YEAR - EnglandAndWalesHolidays.FIRST_YEAR + 1);

    public EnglandAndWalesCalendar(EnglandAndWalesHolidays holidays, CalendarSettings settings) {
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @return the calendar of a council that configured no closure day */
    public static EnglandAndWalesCalendar withoutSettings() {
        return new EnglandAndWalesCalendar(new EnglandAndWalesHolidays(), CalendarSettings.none());
    }

    /** @return the council's settings this calendar was made with */
    public CalendarSettings settings() {
        return settings;
    }

    @Override
    public ZoneId zone() {
        return LONDON;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return year(date.getYear()).isWorking(date.getDayOfYear() - 1);
    }

    @Override
    public List<NonWorkingDay> nonWorkingDays(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            return List.of();
        }
        List<NonWorkingDay> days = new ArrayList<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            for (NonWorkingDay day : year(y).nonWorkingDays) {
                if (!day.date().isBefore(from) && !day.date().isAfter(to)) {
                    days.add(day);
                }
            }
        }
        return List.copyOf(days);
    }

    @Override
    public LocalDate addWorkingDays(LocalDate day, int workingDays) {
        Objects.requireNonNull(day, "day");
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative, was " + workingDays
                    + ": a timescale counts forward from its start");
        }
        int y = day.getYear();
        YearTable table = year(y);
        int index = day.getDayOfYear() - 1;
        long ordinal;
        if (workingDays == 0) {
            if (table.isWorking(index)) {
                return day;
            }
            ordinal = table.counted[index] + 1L;
        } else {
            ordinal = table.counted[index] + (long) workingDays;
        }
        while (ordinal > table.workingDays.length) {
            ordinal -= table.workingDays.length;
            table = year(++y);
        }
        return table.workingDays[(int) ordinal - 1];
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return 0;
        }
        YearTable first = year(from.getYear());
        YearTable last = year(to.getYear());
        long count = last.counted[to.getDayOfYear() - 1] - (long) first.counted[from.getDayOfYear() - 1];
        for (int y = from.getYear(); y < to.getYear(); y++) {
            count += year(y).workingDays.length;
        }
        return Math.toIntExact(count);
    }

    @Override
    public Instant dueMoment(Instant start, Timescale timescale) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(timescale, "timescale");
        int n = timescale.amount();
        return switch (timescale.unit()) {
            case WORKING_DAYS -> endOf(addWorkingDays(LocalDate.ofInstant(start, LONDON), n));
            case CALENDAR_DAYS -> LocalDate.ofInstant(start, LONDON).plusDays(n + 1L).atStartOfDay(LONDON).toInstant();
            case HOURS -> start.plusSeconds(n * 3600L);
            case WORKING_HOURS -> afterWorkingHours(start, Duration.ofHours(n));
        };
    }

    /**
     * Counts {@code length} of working time from {@code start}: the rest of the start day if it is a
     * working day, then whole working days, each exactly 24 hours since London's clocks change only
     * on Sundays.
     */
    private Instant afterWorkingHours(Instant start, Duration length) {
        LocalDate day = LocalDate.ofInstant(start, LONDON);
        Duration rest = length;
        if (isWorkingDay(day)) {
            Duration leftToday = Duration.between(start, endOf(day));
            if (rest.compareTo(leftToday) <= 0) {
                return start.plus(rest);
            }
            rest = rest.minus(leftToday);
        }
        long wholeDays = rest.dividedBy(WORKING_DAY);
        Duration remainder = rest.minus(WORKING_DAY.multipliedBy(wholeDays));
        if (remainder.isZero()) {
            return endOf(addWorkingDays(day, Math.toIntExact(wholeDays)));
        }
        return startOf(addWorkingDays(day, Math.toIntExact(wholeDays + 1))).plus(remainder);
    }

    /** @return the midnight, London time, at which {@code day} ends */
    private Instant endOf(LocalDate day) {
        YearTable table = year(day.getYear());
        return Instant.ofEpochSecond(table.startOfDay[day.getDayOfYear()]);
    }

    /** @return the midnight, London time, at which {@code day} begins */
    private Instant startOf(LocalDate day) {
        YearTable table = year(day.getYear());
        return Instant.ofEpochSecond(table.startOfDay[day.getDayOfYear() - 1]);
    }

    private YearTable year(int year) {
        EnglandAndWalesHolidays.checkYear(year);
        int slot = year - EnglandAndWalesHolidays.FIRST_YEAR;
        YearTable table = years.get(slot);
        if (table == null) {
            years.compareAndSet(slot, null, new YearTable(year, nonWorkingWeekdays(year)));
            table = years.get(slot);
        }
        return table;
    }

    /** The year's bank holidays by rule, less those cancelled, with those added and the council's closure days. */
    private List<NonWorkingDay> nonWorkingWeekdays(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Map<LocalDate, NonWorkingDay> days = new TreeMap<>();
        for (NonWorkingDay day : holidays.inYear(year)) {
            if (!settings.cancelledBankHolidays().contains(day.date())) {
                days.put(day.date(), day);
            }
        }
        days.putAll(settings.bankHolidays(first, last));
        settings.closureDays(first, last).forEach(days::putIfAbsent);
        return List.copyOf(days.values());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnglandAndWalesCalendar that
                && holidays.equals(that.holidays) && settings.equals(that.settings);
    }

    @Override
    public int hashCode() {
        return 31 * holidays.hashCode() + settings.hashCode();
    }

    @Override
    public String toString() {
        return "working calendar of England and Wales with " + settings;
    }

    /** One year of the calendar, computed once and never changed. */
    private static final class YearTable {

        /** {@code counted[i]}: working days from 1 January to day {@code i} of the year (0-based), inclusive. */
        final short[] counted;
        /** The working days of the year in order: the {@code k}-th working day is {@code workingDays[k - 1]}. */
        final LocalDate[] workingDays;
        /**
         * {@code startOfDay[i]}: the epoch second at which day {@code i} of the year begins in London;
         * the last element is the beginning of 1 January of the next year.
         */
        final long[] startOfDay;
        /** The bank holidays and closure days on weekdays, in date order. */
        final List<NonWorkingDay> nonWorkingDays;

        YearTable(int year, List<NonWorkingDay> nonWorkingDays) {
            this.nonWorkingDays = nonWorkingDays;
            LocalDate first = LocalDate.of(year, 1, 1);
            int length = first.lengthOfYear();
            boolean[] closed = new boolean[length];
            for (NonWorkingDay day : nonWorkingDays) {
                closed[day.date().getDayOfYear() - 1] = true;
            }
            counted = new short[length];
            List<LocalDate> working = new ArrayList<>(262);
            startOfDay = new long[length + 1];
            short count = 0;
            for (int i = 0; i < length; i++) {
                LocalDate date = first.plusDays(i);
                DayOfWeek weekday = date.getDayOfWeek();
                if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !closed[i]) {
                    count++;
                    working.add(date);
                }
                counted[i] = count;
                startOfDay[i] = date.atStartOfDay(LONDON).toEpochSecond();
            }
            startOfDay[length] = first.plusYears(1).atStartOfDay(LONDON).toEpochSecond();
            workingDays = working.toArray(LocalDate[]::new);
        }

        boolean isWorking(int index) {
            return counted[index] != (index == 0 ? 0 : counted[index - 1]);
        }
    }
}
