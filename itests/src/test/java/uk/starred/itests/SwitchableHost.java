package uk.starred.itests;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import uk.starred.api.host.CallerContext;
import uk.starred.api.host.CaseFile;
import uk.starred.api.host.CaseNote;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.Notification;
import uk.starred.api.host.Notifier;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.host.StaffMember;
import uk.starred.testkit.TestHost;

/**
 * The five host ports, registered once, answering from the host of the scenario now running: the
 * engine binds its ports once, and each scenario starts with a host of its own.
 */
final class SwitchableHost implements ChildRecords, StaffDirectory, CallerContext, CaseFile, Notifier,
        uk.starred.api.host.CaseEpisodes {

    private volatile TestHost current = new TestHost();

    TestHost current() {
        return current;
    }

    TestHost fresh() {
        current = new TestHost();
        return current;
    }

    @Override
    public Optional<ChildRecord> child(String childId) {
        return current.child(childId);
    }

    @Override
    public Set<String> rolesFor(String staffId, String childId) {
        return current.rolesFor(staffId, childId);
    }

    @Override
    public List<StaffMember> holders(String role, String childId) {
        return current.holders(role, childId);
    }

    @Override
    public Optional<StaffMember> member(String staffId) {
        return current.member(staffId);
    }

    @Override
    public boolean hasOversight(String staffId) {
        return current.hasOversight(staffId);
    }

    @Override
    public Optional<String> currentStaffId() {
        return current.currentStaffId();
    }

    @Override
    public void record(uk.starred.api.host.Episode episode) throws Exception {
        current.record(episode);
    }

    @Override
    public void write(CaseNote note) throws Exception {
        current.write(note);
    }

    @Override
    public void send(Notification notification) throws Exception {
        current.send(notification);
    }
}
