package uk.starred.impl.review;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The council's review timescales (PID {@code uk.starred.reviews}); the defaults are seed 002's. */
@ObjectClassDefinition(name = "Starred looked-after review timetable",
        description = "When looked-after reviews and their records fall due")
public @interface ReviewTimetableConfig {

    /** The configuration's PID, read by the review service and by the deadline runner. */
    String PID = "uk.starred.reviews";


    @AttributeDefinition(name = "Initial review", description = "working days from becoming looked after", min = "1")
    int firstReviewWorkingDays() default 20;

    @AttributeDefinition(name = "Second review", description = "months after the initial review", min = "1")
    int secondReviewMonths() default 3;

    @AttributeDefinition(name = "Later reviews", description = "months after the previous review", min = "1")
    int laterReviewMonths() default 6;

    @AttributeDefinition(name = "Decision record", description = "working days from the review to circulate it",
            min = "1")
    int decisionRecordWorkingDays() default 5;

    @AttributeDefinition(name = "Managers' window", description = "working days from circulation to disagree;"
            + " silence means the decisions are agreed", min = "1")
    int disagreementWorkingDays() default 5;

    @AttributeDefinition(name = "Full record", description = "working days from the review to complete it", min = "1")
    int recordWorkingDays() default 15;

    @AttributeDefinition(name = "Distribution", description = "working days from the review to distribute the record",
            min = "1")
    int distributionWorkingDays() default 20;

    @AttributeDefinition(name = "IRO appointment", description = "working days from becoming looked after to"
            + " appoint the child's IRO", min = "1")
    int iroAppointmentWorkingDays() default 5;

    @AttributeDefinition(name = "Case summaries", description = "months between case summaries of the plan, from"
            + " its start", min = "1")
    int caseSummaryMonths() default 6;

    @AttributeDefinition(name = "IRO role", description = "the role that chairs and records reviews")
    String iroRole() default "IRO";

    @AttributeDefinition(name = "Social worker role", description = "the role that records when a child becomes,"
            + " or ceases to be, looked after")
    String socialWorkerRole() default "SOCIAL_WORKER";

    @AttributeDefinition(name = "Manager role", description = "the role that considers review decisions")
    String managerRole() default "SERVICE_DELIVERY_MANAGER";
}
