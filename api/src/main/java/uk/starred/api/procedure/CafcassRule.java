package uk.starred.api.procedure;

import java.util.List;
import java.util.Objects;

import uk.starred.api.calendar.Timescale;

/**
 * How a procedure sequences the IRO's referral of a case to CAFCASS (s25B(3) Children Act 1989). A
 * procedure cannot take the power away: whatever its rule, the IRO of a looked-after child may
 * curtail the process and refer, and no child who is only on a child protection plan can be referred.
 * A procedure that gives no rule runs under {@link #NATIONAL}.
 *
 * @param when              when a referral alongside the process (concurrent), or at its end, may be made
 * @param stage             the stage {@code when} names, for {@link ReferralWindow#STAGE_BEGUN}; otherwise
 *                          {@code null}
 * @param informFirst       the roles that must be told a referral is being considered before it is
 *                          made (seed 004: Head of Service and Deputy Director)
 * @param toldOnReferral    the roles told, with the reasons, when the referral is made (seed 001: the
 *                          Head of Service "will be informed with the reasons why")
 * @param decisionTimescale how long the procedure says CAFCASS has to decide whether to take
 *                          proceedings, or {@code null} where it says nothing (no due moment is set)
 */
public record CafcassRule(ReferralWindow when, String stage, List<String> informFirst, List<String> toldOnReferral,
        Timescale decisionTimescale) {

    /** The law alone: a referral at any point, nobody told first, no decision clock. */
    public static final CafcassRule NATIONAL = new CafcassRule(ReferralWindow.ANY_POINT, null, List.of(), List.of(),
            null);

    public CafcassRule {
        Objects.requireNonNull(when, "when");
        informFirst = informFirst == null ? List.of() : List.copyOf(informFirst);
        toldOnReferral = toldOnReferral == null ? List.of() : List.copyOf(toldOnReferral);
    }

    /** @return whether a referral may be made at any point of the process */
    public boolean anyPoint() {
        return when == ReferralWindow.ANY_POINT;
    }
}
