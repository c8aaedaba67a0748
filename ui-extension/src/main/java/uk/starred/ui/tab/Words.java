package uk.starred.ui.tab;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.concern.StageState;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.host.StaffMember;

/** The words the screens use for the record's values, in the seeds' own terms. */
public final class Words {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private final ZoneId zone;
    private final StaffDirectory staff;

    public Words(ZoneId zone, StaffDirectory staff) {
        this.zone = zone;
        this.staff = staff;
    }

    public ZoneId zone() {
        return zone;
    }

    /** @return the moment in UK local time, such as "Mon 23 Nov 2026, 17:00", or "" */
    public String moment(Instant at) {
        return at == null ? "" : MOMENT.format(at.atZone(zone));
    }

    /**
     * @return a due moment in UK local time; midnight, where most due moments fall, is said as the
     *         end of the day before: "end of Mon 30 Nov 2026"
     */
    public String due(Instant at) {
        if (at == null) {
            return "";
        }
        var local = at.atZone(zone);
        return local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? "end of " + DAY.format(local.toLocalDate().minusDays(1)) : MOMENT.format(local);
    }

    /** @return the day, such as "Mon 23 Nov 2026", or "" */
    public String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** @return the person's name, or their staff id when the directory does not know them */
    public String person(String staffId) {
        if (staffId == null) {
            return "";
        }
        return staff.member(staffId).map(StaffMember::name).orElse(staffId);
    }

    /** @return a role code in words: {@code HEAD_OF_SERVICE} as "Head of Service" */
    public static String role(String role) {
        return switch (role) {
            case "IRO" -> "IRO";
            case "CPC" -> "Child Protection Chair";
            case "IRO_MANAGER" -> "IRO Manager";
            default -> {
                StringBuilder out = new StringBuilder();
                for (String word : role.toLowerCase(Locale.ROOT).split("_")) {
                    if (out.length() > 0) {
                        out.append(' ');
                    }
                    boolean small = word.equals("of") || word.equals("and") || word.equals("the");
                    out.append(small ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
                }
                yield out.toString().replace("Qa", "QA");
            }
        };
    }

    public static String status(ConcernStatus status) {
        return switch (status) {
            case OPEN -> "Open";
            case RESOLVED -> "Resolved";
            case WITHDRAWN -> "Withdrawn";
            case REFERRED_TO_CAFCASS -> "Referred to CAFCASS";
            case CLOSED -> "Closed";
        };
    }

    public static String origin(ConcernOrigin origin) {
        return switch (origin) {
            case STARRED_DECISION -> "Starred decision";
            case RED_RAG_RATING -> "Red RAG rating";
            case CONCERN_OUTSIDE_REVIEW -> "Concern outside a review";
            case MISSED_STATUTORY_TIMETABLE -> "Statutory timetable missed";
        };
    }

    public static String stageState(StageState state) {
        return switch (state) {
            case ACTIVE -> "Current stage";
            case COMPLETED -> "Completed";
            case BYPASSED -> "Bypassed";
        };
    }

    public static String response(ResponseKind kind) {
        return switch (kind) {
            case AGREE -> "Agreed";
            case DISAGREE -> "Disagreed";
            case NO_REMIT -> "No remit to resolve it";
            case DEEMED_AGREEMENT -> "Deemed agreed: no response within the timescale";
        };
    }

    public static String referralMode(ReferralMode mode) {
        return switch (mode) {
            case CONCURRENT -> "Alongside the dispute resolution process";
            case AT_END -> "At the end of the process";
            case CURTAILED -> "Process curtailed: the child's need is urgent";
        };
    }

    public static String decision(CafcassDecision decision) {
        return switch (decision) {
            case PROCEEDINGS -> "CAFCASS will bring proceedings";
            case NO_PROCEEDINGS -> "CAFCASS will not bring proceedings";
        };
    }
}
