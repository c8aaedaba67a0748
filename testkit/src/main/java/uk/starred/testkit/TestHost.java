package uk.starred.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import uk.starred.api.host.CallerContext;
import uk.starred.api.host.CaseFile;
import uk.starred.api.host.CaseNote;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.Notification;
import uk.starred.api.host.Notifier;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.host.StaffMember;
import uk.starred.api.procedure.Cohort;

/**
 * A host platform in memory for the engine's tests: children, staff and their roles per child, the
 * signed-in person, and a case file and inbox that record what they are given (and can be made to
 * fail, as a real host's can).
 */
public final class TestHost implements ChildRecords, StaffDirectory, CallerContext, CaseFile, Notifier,
        uk.starred.api.host.CaseEpisodes {

    private final Map<String, ChildRecord> children = new HashMap<>();
    private final Map<String, StaffMember> staff = new HashMap<>();
    private final Map<String, Map<String, Set<String>>> rolesByChild = new HashMap<>();
    private final Set<String> oversight = new HashSet<>();
    private final ThreadLocal<String> caller = new ThreadLocal<>();
    private volatile String defaultCaller;

    public final List<CaseNote> caseNotes = new CopyOnWriteArrayList<>();
    public final List<Notification> notifications = new CopyOnWriteArrayList<>();
    /** The episodes opened and closed on children's records, in order. */
    public final List<uk.starred.api.host.Episode> episodes = new CopyOnWriteArrayList<>();
    /** Every call the engine made to the case file and the notifier, repeats included. */
    public final java.util.concurrent.atomic.AtomicInteger deliveries = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean caseFileDown;
    private volatile boolean notifierDown;
    private volatile boolean directoryDown;
    private volatile String directoryDownFor;

    public TestHost child(String id, Cohort... cohorts) {
        children.put(id, new ChildRecord(id, "Child " + id, Set.of(cohorts), LocalDate.of(2014, 3, 1), null, "Team A"));
        return this;
    }

    /** Adds a child of the team, as the host records it. */
    public TestHost childOfTeam(String id, String team, Cohort... cohorts) {
        children.put(id, new ChildRecord(id, "Child " + id, Set.of(cohorts), LocalDate.of(2014, 3, 1), null, team));
        return this;
    }

    /** Gives the person the role for the child (creating the person when new). */
    public TestHost role(String staffId, String role, String childId) {
        staff.putIfAbsent(staffId, new StaffMember(staffId, "Staff " + staffId, staffId + "@council.example"));
        rolesByChild.computeIfAbsent(childId, c -> new HashMap<>()).computeIfAbsent(staffId, s -> new HashSet<>())
                .add(role);
        return this;
    }

    public TestHost overseer(String staffId) {
        staff.putIfAbsent(staffId, new StaffMember(staffId, "Staff " + staffId, null));
        oversight.add(staffId);
        return this;
    }

    /** Puts the person in the team, as the host names it (creating the person when new). */
    public TestHost team(String staffId, String team) {
        StaffMember was = staff.get(staffId);
        staff.put(staffId, new StaffMember(staffId, was == null ? "Staff " + staffId : was.name(),
                was == null ? null : was.email(), team));
        return this;
    }

    /** Gives the person the e-mail address, or none ({@code null}), as the directory tells it (creating them when new). */
    public TestHost email(String staffId, String address) {
        StaffMember was = staff.get(staffId);
        staff.put(staffId, new StaffMember(staffId, was == null ? "Staff " + staffId : was.name(), address,
                was == null ? null : was.team()));
        return this;
    }

    public TestHost staff(String staffId) {
        staff.putIfAbsent(staffId, new StaffMember(staffId, "Staff " + staffId, null));
        return this;
    }

    /** Signs the person in for this and every thread that has not signed someone else in. */
    public void signIn(String staffId) {
        defaultCaller = staffId;
        caller.remove();
    }

    /** Runs the action as the person, on this thread only. */
    public <T> T as(String staffId, Supplier<T> action) {
        String previous = caller.get();
        caller.set(staffId);
        try {
            return action.get();
        } finally {
            if (previous == null) {
                caller.remove();
            } else {
                caller.set(previous);
            }
        }
    }

    public void caseFileDown(boolean down) {
        caseFileDown = down;
    }

    public void notifierDown(boolean down) {
        notifierDown = down;
    }

    public List<String> noteTypes() {
        return caseNotes.stream().map(CaseNote::noteType).toList();
    }

    /** @return the notifications to the person, in order */
    public List<Notification> inbox(String staffId) {
        List<Notification> mine = new ArrayList<>();
        for (Notification n : notifications) {
            if (n.recipients().contains(staffId)) {
                mine.add(n);
            }
        }
        return mine;
    }

    @Override
    public Optional<ChildRecord> child(String childId) {
        return Optional.ofNullable(children.get(childId));
    }

    @Override
    public Set<String> rolesFor(String staffId, String childId) {
        return rolesByChild.getOrDefault(childId, Map.of()).getOrDefault(staffId, Set.of());
    }

    /** While down, the staff directory fails to say who holds a role, as a host's directory may. */
    public void directoryDown(boolean down) {
        directoryDown = down;
    }

    /** Makes the staff directory fail for questions about this child alone, or for none ({@code null}). */
    public void directoryDownFor(String childId) {
        directoryDownFor = childId;
    }

    @Override
    public List<StaffMember> holders(String role, String childId) {
        if (directoryDown || childId.equals(directoryDownFor)) {
            throw new IllegalStateException("staff directory unavailable");
        }
        List<StaffMember> holders = new ArrayList<>();
        rolesByChild.getOrDefault(childId, Map.of()).forEach((id, roles) -> {
            if (roles.contains(role)) {
                holders.add(staff.get(id));
            }
        });
        holders.sort((a, b) -> a.id().compareTo(b.id()));
        return Collections.unmodifiableList(holders);
    }

    @Override
    public Optional<StaffMember> member(String staffId) {
        return Optional.ofNullable(staff.get(staffId));
    }

    @Override
    public boolean hasOversight(String staffId) {
        return oversight.contains(staffId);
    }

    @Override
    public Optional<String> currentStaffId() {
        String id = caller.get();
        return Optional.ofNullable(id != null ? id : defaultCaller);
    }

    @Override
    public void write(CaseNote note) throws Exception {
        deliveries.incrementAndGet();
        if (caseFileDown) {
            throw new IllegalStateException("case file unavailable");
        }
        if (caseNotes.stream().noneMatch(n -> n.id().equals(note.id()))) {
            caseNotes.add(note);
        }
    }

    @Override
    public void record(uk.starred.api.host.Episode episode) throws Exception {
        deliveries.incrementAndGet();
        if (caseFileDown) {
            throw new IllegalStateException("case file unavailable");
        }
        if (episodes.stream().noneMatch(e -> e.id().equals(episode.id()))) {
            episodes.add(episode);
        }
    }

    @Override
    public void send(Notification notification) throws Exception {
        deliveries.incrementAndGet();
        if (notifierDown) {
            throw new IllegalStateException("mail server unavailable");
        }
        if (notifications.stream().noneMatch(n -> n.id().equals(notification.id()))) {
            notifications.add(notification);
        }
    }
}
