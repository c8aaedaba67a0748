package uk.starred.impl.command;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.starred.api.audit.AuditVerification;
import uk.starred.impl.verify.Verification;

/**
 * {@code starred:audit-verify [child]}: checks the hash chains of what Starred keeps, for one child or for
 * everything: each concern's audit trail against the concern as stored, and each review timetable's history
 * against the timetable as stored. Prints what it checked and each problem, naming the record; fails (a
 * non-zero exit in batch mode) when anything was edited, removed, moved or changed outside Starred.
 */
@Service
@Command(scope = "starred", name = "audit-verify",
        description = "Checks the audit trails and review histories, of one child or of everything, for tampering")
public class AuditVerifyCommand implements Action {

    /** Thrown to end the command in failure once the problems are printed. */
    static final class Tampered extends Exception {
        private static final long serialVersionUID = 1L;

        Tampered(String message) {
            super(message);
        }
    }

    @Reference(filter = "(osgi.unit.name=starred)")
    JpaTemplate jpa;

    @Argument(index = 0, name = "child", description = "the host's id of the child; left out, everything",
            required = false)
    String child;

    @Override
    public Object execute() throws Exception {
        Verification verification = new Verification(jpa);
        AuditVerification v = child == null || child.isBlank() ? verification.all() : verification.child(child);
        System.out.println(Verification.report(v));
        if (!v.intact()) {
            throw new Tampered(v.problems().size() + " problem(s) found, listed above");
        }
        return null;
    }
}
