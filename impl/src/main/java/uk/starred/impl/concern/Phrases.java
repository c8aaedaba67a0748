package uk.starred.impl.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How alerts say moments, dates and roles to the people reading them: UK time, UK dates, roles in words. */
final class Phrases {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private Phrases() {
    }

    /**
     * @return the moment in the calendar's zone; a moment at midnight, as most due moments are, is
     *         said as the end of the day before: "the end of Mon 30 Nov 2026"
     */
    static String moment(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return "the end of " + DAY.format(local.toLocalDate().minusDays(1));
        }
        return DAY.format(local) + ", " + TIME.format(local);
    }

    static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** @return a role code in words: {@code TEAM_MANAGER} as "Team Manager", {@code IRO} as "IRO" */
    static String role(String role) {
        if (role.equals("IRO") || role.equals("CPC")) {
            return role.equals("IRO") ? "IRO" : "Child Protection Chair";
        }
        StringBuilder out = new StringBuilder();
        for (String word : role.toLowerCase(Locale.ROOT).split("_")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            boolean small = word.equals("of") || word.equals("and") || word.equals("the");
            out.append(small ? word : word.equals("iro") || word.equals("qa") ? word.toUpperCase(Locale.ROOT)
                    : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }
}
