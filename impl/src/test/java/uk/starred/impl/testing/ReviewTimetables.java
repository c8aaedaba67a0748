package uk.starred.impl.testing;

import uk.starred.impl.review.ReviewTimetableConfig;

/** Review timetable configurations for tests. */
public final class ReviewTimetables {

    private ReviewTimetables() {
    }

    /** @return seed 002's timetable: the component's defaults */
    public static ReviewTimetableConfig seed002() {
        return new ReviewTimetableConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return ReviewTimetableConfig.class;
            }

            @Override
            public int firstReviewWorkingDays() {
                return 20;
            }

            @Override
            public int secondReviewMonths() {
                return 3;
            }

            @Override
            public int laterReviewMonths() {
                return 6;
            }

            @Override
            public int decisionRecordWorkingDays() {
                return 5;
            }

            @Override
            public int disagreementWorkingDays() {
                return 5;
            }

            @Override
            public int recordWorkingDays() {
                return 15;
            }

            @Override
            public int distributionWorkingDays() {
                return 20;
            }

            @Override
            public int iroAppointmentWorkingDays() {
                return 5;
            }

            @Override
            public int caseSummaryMonths() {
                return 6;
            }

            @Override
            public String iroRole() {
                return "IRO";
            }

            @Override
            public String socialWorkerRole() {
                return "SOCIAL_WORKER";
            }

            @Override
            public String managerRole() {
                return "SERVICE_DELIVERY_MANAGER";
            }
        };
    }
}
