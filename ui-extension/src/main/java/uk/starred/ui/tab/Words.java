package uk.starred.ui.tab;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import uk.starred.api.calendar.SpokenTime;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.host.StaffMember;

/**
 * How the screens say moments, days and people. The record's values (statuses, responses, referral
 * modes) are worded once, in the core's {@link uk.starred.core.wording.Labels}.
 */
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
}
