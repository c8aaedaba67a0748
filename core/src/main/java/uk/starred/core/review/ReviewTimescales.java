package uk.starred.core.review;

/**
 * When a looked-after child's reviews and their records fall due, and who acts on them (seed 002:
 * the initial review within 20 working days, the second within 3 months, then every 6 months; the
 * decision record circulated within 5 working days, the managers' 5 working days to disagree, the
 * record completed within 15 and distributed within 20; the IRO appointed within 5 working days of becoming
 * looked after; a case summary every 6 months from the start of the plan).
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
        String managerRole,
        int iroAppointmentWorkingDays,
        int caseSummaryMonths) {

    /** The timescales with seed 002's IRO appointment (5 working days) and case summaries (every 6 months). */
    public ReviewTimescales(int firstReviewWorkingDays, int secondReviewMonths, int laterReviewMonths,
            int decisionRecordWorkingDays, int disagreementWorkingDays, int recordWorkingDays,
            int distributionWorkingDays, String iroRole, String socialWorkerRole, String managerRole) {
        this(firstReviewWorkingDays, secondReviewMonths, laterReviewMonths, decisionRecordWorkingDays,
                disagreementWorkingDays, recordWorkingDays, distributionWorkingDays, iroRole, socialWorkerRole,
                managerRole, 5, 6);
    }
}
