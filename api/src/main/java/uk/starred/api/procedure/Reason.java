package uk.starred.api.procedure;

import java.util.Objects;
import java.util.Set;

/**
 * One reason in a procedure's taxonomy for raising a concern, such as "a review is late or cancelled".
 *
 * @param code       the stable code used in records and reports, for example {@code REVIEW_LATE}
 * @param label      the reason in the procedure's words
 * @param appliesTo  the children it may be raised for (a reason for child protection plans only
 *                   cannot be raised for a child who is only looked after)
 */
public record Reason(String code, String label, Set<Cohort> appliesTo) {

    /**
     * The one reason of a procedure that gives no taxonomy: the IRO describes it in words. It applies to
     * every child.
     */
    public static final Reason OTHER = new Reason("OTHER", "Other (described)",
            Set.of(Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION));

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        appliesTo = Set.copyOf(appliesTo);
    }
}
