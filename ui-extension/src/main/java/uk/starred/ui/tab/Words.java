package uk.starred.ui.tab;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import uk.starred.api.calendar.SpokenTime;
import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.concern.StageState;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.host.StaffMember;

/** The words the screens use for the record's values, in the seeds' own terms. */
public final class Words {

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
        return SpokenTime.moment(at, zone);
    }

    /** @return a due moment in UK local time: midnight is said as "the end of" the day before */
    public String due(Instant at) {
        return SpokenTime.due(at, zone);
    }

    /** @return the day, such as "Mon 23 Nov 2026", or "" */
    public String day(LocalDate day) {
        return SpokenTime.day(day);
    }

    /** @return the person's name, or their staff id when the directory does not know them */
    public String person(String staffId) {
        if (staffId == null) {
            return "";
        }
        return staff.member(staffId).map(StaffMember::name).orElse(staffId);
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
