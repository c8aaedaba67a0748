package uk.starred.core.review;

/**
 * When a looked-after child's reviews and their records fall due, and who acts on them (seed 002:
 * the initial review within 20 working days, the second within 3 months, then every 6 months; the
 * decision record circulated within 5 working days, the managers' 5 working days to disagree, the
 * record completed within 15 and distributed within 20).
 */
public record ReviewTimescales(
        int firstReviewWorkingDays,
        int secondReviewMonths,
        int laterReviewMonths,
        int decisionRecordWorkingDays,
        int disagreementWorkingDays,
        int recordWorkingDays,
        int distributionWorkingDays,
        String iroRole,
        String socialWorkerRole,
        String managerRole) {
}
