package uk.starred.api.procedure;

import java.util.List;
import java.util.Objects;

import uk.starred.api.calendar.Timescale;

/**
 * How a procedure lets the IRO refer a case to CAFCASS (s25B(3) Children Act 1989).
 *
 * @param anyPoint         whether the IRO may refer at any point, alongside the internal process;
 *                         when {@code false} only once the formal process has begun
 * @param informFirst      the roles that must be told a referral is being considered before it is
 *                         made (seed 004: Head of Service and Deputy Director)
 * @param decisionTimescale how long CAFCASS has to decide whether to take proceedings (14 days)
 */
public record CafcassRule(boolean anyPoint, List<String> informFirst, Timescale decisionTimescale) {

    public CafcassRule {
        informFirst = List.copyOf(informFirst);
        Objects.requireNonNull(decisionTimescale, "decisionTimescale");
    }
}
