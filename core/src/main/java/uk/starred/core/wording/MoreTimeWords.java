package uk.starred.core.wording;

import java.time.LocalDate;

import uk.starred.api.calendar.SpokenTime;

/** What a request for more time, and its decision, say on the file and to those told. */
public final class MoreTimeWords {

    private MoreTimeWords() {
    }

    public static String subject(String childId, String stage) {
        return ConcernWords.subject(childId, "more time at stage '" + stage + "'");
    }

    public static String requested(String actor, String stage, LocalDate until, String explanation) {
        return actor + " asks for more time at stage '" + stage + "', until " + SpokenTime.day(until)
                + ". Why more time is needed: " + explanation;
    }

    /** What those who decide are told besides the request: the stage keeps its date until they decide. */
    public static String decideBy(LocalDate dueDay) {
        return "Until it is decided the stage stays due by the end of " + SpokenTime.day(dueDay) + ".";
    }

    public static String decided(String actor, boolean granted, String stage, LocalDate until, LocalDate was,
            String reasons) {
        return actor + (granted ? " granted more time at stage '" + stage + "': it is now due by the end of "
                + SpokenTime.day(until) + " (it was " + SpokenTime.day(was) + ")"
                : " refused more time at stage '" + stage + "': it stays due by the end of " + SpokenTime.day(was))
                + (reasons == null || reasons.isBlank() ? "." : ". " + reasons);
    }
}
