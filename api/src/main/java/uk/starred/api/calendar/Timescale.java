package uk.starred.api.calendar;

import java.util.Objects;

/**
 * A span of time a procedure or an IRO gives for something to happen, for example five working
 * days for a stage or fourteen days for CAFCASS to decide.
 *
 * @param amount how many units, at least 1
 * @param unit   the unit
 */
public record Timescale(int amount, TimescaleUnit unit) {

    public Timescale {
        Objects.requireNonNull(unit, "unit");
        if (amount < 1) {
            throw new IllegalArgumentException("a timescale is at least 1 " + unit + ", was " + amount);
        }
    }

    public static Timescale workingDays(int amount) {
        return new Timescale(amount, TimescaleUnit.WORKING_DAYS);
    }

    public static Timescale calendarDays(int amount) {
        return new Timescale(amount, TimescaleUnit.CALENDAR_DAYS);
    }

    public static Timescale hours(int amount) {
        return new Timescale(amount, TimescaleUnit.HOURS);
    }

    public static Timescale workingHours(int amount) {
        return new Timescale(amount, TimescaleUnit.WORKING_HOURS);
    }

    @Override
    public String toString() {
        return amount + " " + unit.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
