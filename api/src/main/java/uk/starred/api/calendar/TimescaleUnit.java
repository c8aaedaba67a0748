package uk.starred.api.calendar;

/** The units in which the seed procedures state their timescales. */
public enum TimescaleUnit {
    /** Whole working days, as in "within 5 working days of notification". */
    WORKING_DAYS,
    /** Whole calendar days, as in "CAFCASS will decide within 14 days of referral". */
    CALENDAR_DAYS,
    /** Elapsed hours, weekends and holidays included. */
    HOURS,
    /**
     * Hours counted on working days only, a working day counting 24 hours, as in "resolved within 72
     * hours" then "an additional 48 hours", which together make the five working days of the text.
     */
    WORKING_HOURS
}
