package uk.starred.impl.records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import uk.starred.api.audit.AccessLog;
import uk.starred.api.audit.AuditEntry;
import uk.starred.api.audit.SubjectAccessExport;
import uk.starred.api.audit.SubjectAccessExport.HeldMessage;
import uk.starred.api.concern.Concern;
import uk.starred.impl.audit.AuditLog;
import uk.starred.impl.concern.ConcernEntity;
import uk.starred.impl.outbox.OutboxEntity;
import uk.starred.impl.practice.GoodPracticeEntity;
import uk.starred.impl.review.HistoryEntity;
import uk.starred.impl.review.ReviewStore;

/** Everything Starred holds about one child, read in one transaction. */
public final class ChildExport {

    private ChildExport() {
    }

    public static SubjectAccessExport of(EntityManager em, String childId, String madeBy, Instant madeAt) {
        List<Concern> concerns = em.createQuery("select c from ConcernEntity c where c.childId = :child"
                + " order by c.raisedAt desc, c.id", ConcernEntity.class).setParameter("child", childId)
                .getResultStream().map(ConcernEntity::toConcern).toList();
        List<AuditEntry> audit = new ArrayList<>();
        for (Concern concern : concerns) {
            audit.addAll(AuditLog.entries(em, concern.id().toString()));
        }
        List<HeldMessage> messages = em.createQuery("select o from OutboxEntity o where o.childId = :child"
                + " order by o.createdAt, o.id", OutboxEntity.class).setParameter("child", childId)
                .getResultStream().map(o -> new HeldMessage(o.id(), o.kind().name(), o.concernId(), o.payload(),
                        o.createdAt(), o.deliveredAt())).toList();
        return new SubjectAccessExport(childId, madeAt, madeBy, concerns, audit,
                ReviewStore.timetable(em, childId).orElse(null),
                em.createQuery("select h from HistoryEntity h where h.childId = :child order by h.seq",
                        HistoryEntity.class).setParameter("child", childId).getResultStream()
                        .map(HistoryEntity::toEntry).toList(),
                em.createQuery("select g from GoodPracticeEntity g where g.childId = :child"
                        + " order by g.recognisedAt desc, g.id", GoodPracticeEntity.class)
                        .setParameter("child", childId).getResultStream().map(GoodPracticeEntity::toGoodPractice)
                        .toList(),
                messages, AccessLogQueries.forChild(em, childId, AccessLog.MOST));
    }
}
