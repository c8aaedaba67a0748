package uk.starred.ui.command;

import java.util.List;

import uk.starred.api.Violation;
import uk.starred.api.concern.OversightQuery;
import uk.starred.api.procedure.Cohort;

/**
 * The oversight list's filters, read from the fields {@code procedure}, {@code team}, {@code iro},
 * {@code cohort}, {@code overdue} and {@code limit}: the same on the oversight screen and in the API.
 */
public final class OversightFilters {

    /** The most open concerns one list holds. */
    public static final int MAX = 1000;

    private OversightFilters() {
    }

    /**
     * @param limit the list's length when the fields name none
     * @param wrong where each field that cannot be read is named; that filter is left out
     */
    public static OversightQuery read(Fields f, int limit, List<Violation> wrong) {
        Cohort cohort = null;
        String c = f.get("cohort");
        if (c != null) {
            try {
                cohort = Cohort.valueOf(c);
            } catch (IllegalArgumentException e) {
                wrong.add(new Violation("cohort", "must be LOOKED_AFTER or CHILD_PROTECTION, was '" + c + "'"));
            }
        }
        String l = f.get("limit");
        if (l != null) {
            int asked = -1;
            try {
                asked = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                // named below
            }
            if (asked < 1 || asked > MAX) {
                wrong.add(new Violation("limit", "must be a whole number from 1 to " + MAX + ", was '" + l + "'"));
            } else {
                limit = asked;
            }
        }
        String overdue = f.get("overdue");
        return new OversightQuery(f.get("procedure"), f.get("team"), f.get("iro"), cohort,
                "yes".equals(overdue) || "true".equals(overdue), limit);
    }

    /** @return whether the query selects every open concern, up to its limit */
    public static boolean isEverything(OversightQuery q) {
        return q.procedureId() == null && q.team() == null && q.raisedBy() == null && q.cohort() == null
                && !q.overdueOnly();
    }
}
