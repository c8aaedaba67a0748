package uk.starred.api.concern;

import java.time.Instant;
import java.util.List;

/**
 * The concern's CAFCASS referral, from first consideration to CAFCASS's decision.
 *
 * @param consideredAt   when the IRO recorded that a referral is being considered
 * @param informed       the roles told then, as the procedure requires before a referral
 * @param referredAt     when the referral was made, or {@code null} while only considered
 * @param referredBy     the staff id of the IRO who referred
 * @param mode           alongside the process, at its end, or curtailing it
 * @param reason         why the IRO referred
 * @param decisionDueAt  when CAFCASS's decision is due (14 days from the referral)
 * @param decision       CAFCASS's decision, or {@code null} while awaited
 * @param decidedAt      when the decision was recorded
 * @param decisionNotes  the decision in CAFCASS's words
 */
public record CafcassReferral(
        Instant consideredAt,
        List<String> informed,
        Instant referredAt,
        String referredBy,
        ReferralMode mode,
        String reason,
        Instant decisionDueAt,
        CafcassDecision decision,
        Instant decidedAt,
        String decisionNotes) {

    public CafcassReferral {
        informed = List.copyOf(informed);
    }

    public boolean isReferred() {
        return referredAt != null;
    }
}
