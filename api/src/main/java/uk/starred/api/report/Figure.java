package uk.starred.api.report;

import java.util.List;

import uk.starred.api.concern.ConcernId;

/**
 * One figure of the report, with the concerns it counts.
 *
 * @param value    how many, or for a median the working days ({@code -1} when there is nothing to take it of)
 * @param concerns the concerns behind it, each once, in the order they were raised
 */
public record Figure(double value, List<ConcernId> concerns) {

    public Figure {
        concerns = List.copyOf(concerns);
    }

    /** @return the value as people write it: a whole number, a median to one place, or "none" */
    public String shown() {
        if (value < 0) {
            return "none";
        }
        return value == Math.rint(value) ? Long.toString((long) value)
                : String.format(java.util.Locale.UK, "%.1f", value);
    }
}
