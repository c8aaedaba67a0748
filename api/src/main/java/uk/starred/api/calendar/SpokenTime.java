package uk.starred.api.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How moments and dates are said to the people who read Starred's screens, alerts, case notes and
 * notifications: UK dates and 24-hour times in the working calendar's zone.
 */
public final class SpokenTime {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    private SpokenTime() {
    }

    /** @return the day, such as "Mon 23 Nov 2026"; {@code ""} for {@code null} */
    public static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** @return the moment, such as "Mon 23 Nov 2026, 17:00"; {@code ""} for {@code null} */
    public static String moment(Instant at, ZoneId zone) {
        return at == null ? "" : MOMENT.format(at.atZone(zone));
    }

    /**
     * @return a due moment; one at midnight, as most due moments are, is said as the end of the day
     *         before: "the end of Mon 30 Nov 2026"; {@code ""} for {@code null}
     */
    public static String due(Instant at, ZoneId zone) {
        if (at == null) {
            return "";
        }
        ZonedDateTime local = at.atZone(zone);
        return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? "the end of " + DAY.format(local.toLocalDate().minusDays(1))
                : MOMENT.format(local);
    }
}
