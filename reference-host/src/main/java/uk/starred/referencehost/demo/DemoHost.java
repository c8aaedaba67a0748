package uk.starred.referencehost.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.host.CallerContext;
import uk.starred.api.host.CaseFile;
import uk.starred.api.host.CaseNote;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.Notification;
import uk.starred.api.host.Notifier;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.host.StaffMember;
import uk.starred.referencehost.session.Session;

/**
 * The reference host's adapter: the five ports Starred needs, over the host's own records. This
 * is the class an integrator reads first: each method is what their platform must answer.
 * The case file and inbox keep what they receive (and log it) and ignore a message whose id they
 * already hold, as the ports require.
 */
@Component(service = {ChildRecords.class, StaffDirectory.class, CallerContext.class, CaseFile.class, Notifier.class,
        DemoHost.class})
public class DemoHost implements ChildRecords, StaffDirectory, CallerContext, CaseFile, Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHost.class);

    private final List<CaseNote> caseFile = new CopyOnWriteArrayList<>();
    private final List<Notification> inbox = new CopyOnWriteArrayList<>();

    @Override
    public Optional<ChildRecord> child(String childId) {
        return DemoPeople.CHILDREN.stream().filter(c -> c.id().equals(childId)).findFirst();
    }

    /** @return every child on the host's records, in the order the host lists them */
    public List<ChildRecord> children() {
        return DemoPeople.CHILDREN;
    }

    @Override
    public Set<String> rolesFor(String staffId, String childId) {
        Optional<ChildRecord> child = child(childId);
        if (child.isEmpty()) {
            return Set.of();
        }
        Set<String> roles = new HashSet<>(DemoPeople.ROLES_FOR_EVERY_CHILD.getOrDefault(staffId, Set.of()));
        roles.addAll(DemoPeople.chairRoles(staffId, child.get()));
        return roles;
    }

    @Override
    public List<StaffMember> holders(String role, String childId) {
        return DemoPeople.STAFF.stream().filter(m -> rolesFor(m.id(), childId).contains(role)).toList();
    }

    @Override
    public Optional<StaffMember> member(String staffId) {
        return DemoPeople.STAFF.stream().filter(m -> m.id().equals(staffId)).findFirst();
    }

    @Override
    public boolean hasOversight(String staffId) {
        return DemoPeople.OVERSIGHT.contains(staffId);
    }

    @Override
    public Optional<String> currentStaffId() {
        return Session.current();
    }

    @Override
    public void write(CaseNote note) {
        if (caseFile.stream().noneMatch(n -> n.id().equals(note.id()))) {
            caseFile.add(note);
            LOG.info("Case file of {}: [{}] {}", note.childId(), note.noteType(), note.text());
        }
    }

    @Override
    public void send(Notification notification) {
        if (inbox.stream().noneMatch(n -> n.id().equals(notification.id()))) {
            inbox.add(notification);
            LOG.info("Notification to {}: {}", notification.recipients(), notification.subject());
        }
    }

    /** @return the notes written to the child's file, oldest first */
    public List<CaseNote> caseFile(String childId) {
        return caseFile.stream().filter(n -> n.childId().equals(childId)).toList();
    }

    /** @return the notifications sent to the person, oldest first */
    public List<Notification> inbox(String staffId) {
        return inbox.stream().filter(n -> n.recipients().contains(staffId)).toList();
    }
}
