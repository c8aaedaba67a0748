package uk.starred.impl.verify;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import uk.starred.api.audit.AuditVerification;
import uk.starred.impl.audit.AuditLog;
import uk.starred.impl.concern.ConcernSnapshots;
import uk.starred.impl.review.LookedAfterChildEntity;
import uk.starred.impl.review.ReviewHistories;

/**
 * Checks what Starred keeps against its hash chains: each concern's audit trail against the concern as
 * stored, and each child's review timetable history against the timetable as stored. Who may ask is the
 * caller's business: the audit service asks for oversight, the operator's shell is trusted.
 */
public final class Verification {

    static final int PAGE = 200;

    private final JpaTemplate jpa;

    public Verification(JpaTemplate jpa) {
        this.jpa = uk.starred.impl.store.StoreGuard.guarded(jpa);
    }

    /** Every concern's trail and every child's review history, a page at a time, each in a transaction of its own. */
    public AuditVerification all() {
        List<String> problems = new ArrayList<>();
        int concerns = 0;
        long entries = 0;
        List<String> ids;
        int page = 0;
        do {
            int first = page * PAGE;
            ids = jpa.txExpr(TransactionType.Required, em -> ConcernSnapshots.idsWithTrails(em, first, PAGE));
            for (String id : ids) {
                long[] count = new long[1];
                problems.addAll(jpa.txExpr(TransactionType.Required, em -> {
                    count[0] = AuditLog.entries(em, id).size();
                    return concern(em, id);
                }));
                entries += count[0];
                concerns++;
            }
            page++;
        } while (ids.size() == PAGE);
        int timetables = 0;
        List<String> children;
        page = 0;
        do {
            int first = page * PAGE;
            children = jpa.txExpr(TransactionType.Required, em -> ReviewHistories.children(em, first, PAGE));
            for (String child : children) {
                ReviewHistories.Checked checked = jpa.txExpr(TransactionType.Required,
                        em -> ReviewHistories.verify(em, child));
                problems.addAll(checked.problems());
                entries += checked.entries();
                timetables++;
            }
            page++;
        } while (children.size() == PAGE);
        return new AuditVerification(concerns, entries, problems, timetables);
    }

    /** Everything kept for the child: their concerns' trails (those no longer stored too) and their review history. */
    public AuditVerification child(String childId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<String> problems = new ArrayList<>();
            long entries = 0;
            List<String> ids = ConcernSnapshots.idsOfChild(em, childId);
            for (String id : ids) {
                entries += AuditLog.entries(em, id).size();
                problems.addAll(concern(em, id));
            }
            ReviewHistories.Checked checked = ReviewHistories.verify(em, childId);
            problems.addAll(checked.problems());
            boolean timetable = em.find(LookedAfterChildEntity.class, childId) != null || checked.entries() > 0;
            return new AuditVerification(ids.size(), entries + checked.entries(), problems, timetable ? 1 : 0);
        });
    }

    /** One concern's trail. */
    public AuditVerification concern(String concernId) {
        return jpa.txExpr(TransactionType.Required, em -> new AuditVerification(1, AuditLog.entries(em, concernId)
                .size(), concern(em, concernId)));
    }

    /** The problems of one concern's trail, checked against the concern as stored and the end it records. */
    private static List<String> concern(EntityManager em, String id) {
        return AuditLog.verify(em, id, ConcernSnapshots.find(em, id), ConcernSnapshots.auditHead(em, id));
    }

    /** @return the verification in words, for an operator: what was checked, then each problem */
    public static String report(AuditVerification v) {
        StringBuilder out = new StringBuilder();
        out.append("Checked ").append(v.concernsChecked()).append(" concern(s) and ").append(v.timetablesChecked())
                .append(" review timetable(s): ").append(v.entriesChecked()).append(" entries. ");
        out.append(v.intact() ? "All intact." : v.problems().size() + " problem(s):");
        v.problems().forEach(p -> out.append("\n  ").append(p));
        return out.toString();
    }
}
