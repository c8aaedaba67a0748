package uk.starred.core.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Procedure;
import uk.starred.core.concern.CommandContext;
import uk.starred.core.concern.People;

/** The people around one child, by role, for the core's tests: who holds what is said once, here. */
public final class Around implements People {

    private final Map<String, String> roleOf = new LinkedHashMap<>();
    private Set<Cohort> child = Set.of(Cohort.LOOKED_AFTER);

    /** @param staffAndRoles staff id, role, staff id, role ... */
    public Around(String... staffAndRoles) {
        for (int i = 0; i < staffAndRoles.length; i += 2) {
            roleOf.put(staffAndRoles[i], staffAndRoles[i + 1]);
        }
    }

    @Override
    public Set<String> rolesOf(String staffId) {
        String role = roleOf.get(staffId);
        return role == null ? Set.of() : Set.of(role);
    }

    @Override
    public List<String> holders(Collection<String> roles) {
        return roles.stream().flatMap(role -> roleOf.entrySet().stream().filter(e -> e.getValue().equals(role))
                .map(Map.Entry::getKey)).distinct().toList();
    }

    /** The core's tests name people by their staff ids. */
    @Override
    public String nameOf(String staffId) {
        return staffId;
    }

    @Override
    public Set<Cohort> child() {
        return child;
    }

    /** The child is now as given: looked after, on a child protection plan, or both. */
    public Around childIs(Cohort... cohorts) {
        child = Set.of(cohorts);
        return this;
    }

    @Override
    public boolean knows(String staffId) {
        return roleOf.containsKey(staffId);
    }

    @Override
    public boolean hasOversight(String staffId) {
        return false;
    }

    /** @return the moment the London wall clock shows, written as {@code 2026-11-16T09:00} */
    public static Instant london(String local) {
        return java.time.LocalDateTime.parse(local).atZone(java.time.ZoneId.of("Europe/London")).toInstant();
    }

    /** @return the person acting at the London wall-clock time */
    public CommandContext as(String actor, String londonTime, Procedure procedure, WorkingCalendar calendar) {
        return as(actor, london(londonTime), procedure, calendar);
    }

    public CommandContext as(String actor, Instant now, Procedure procedure, WorkingCalendar calendar) {
        return new CommandContext(actor, now, procedure, this, calendar);
    }
}
