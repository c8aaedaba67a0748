package uk.starred.impl.records;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.Violation;
import uk.starred.api.audit.AccessLog;
import uk.starred.api.audit.RecordAccess;
import uk.starred.impl.access.AccessEntryEntity;

/** Reads the access log: by child, newest first, or over a period, oldest first. */
public final class AccessLogQueries {

    private AccessLogQueries() {
    }

    public static List<RecordAccess> forChild(EntityManager em, String childId, int limit) {
        return em.createQuery("select a from AccessEntryEntity a where a.childId = :child"
                + " order by a.viewedAt desc, a.id", AccessEntryEntity.class).setParameter("child", childId)
                .setMaxResults(limit).getResultStream().map(AccessEntryEntity::toAccess).toList();
    }

    public static List<RecordAccess> between(EntityManager em, Instant from, Instant to, int limit) {
        return em.createQuery("select a from AccessEntryEntity a where a.viewedAt >= :from and a.viewedAt < :to"
                + " order by a.viewedAt, a.id", AccessEntryEntity.class).setParameter("from", from)
                .setParameter("to", to).setMaxResults(limit).getResultStream().map(AccessEntryEntity::toAccess)
                .toList();
    }

    /** Refuses a limit out of range, naming it. */
    static void checkLimit(String command, int limit) {
        if (limit < 1 || limit > AccessLog.MOST) {
            throw new InvalidCommandException(command, List.of(new Violation("limit",
                    "must be between 1 and " + AccessLog.MOST + ", was " + limit)));
        }
    }

    /** Refuses a period that is missing or ends before it begins, naming what is wrong. */
    static void checkPeriod(String command, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new InvalidCommandException(command, List.of(new Violation(from == null ? "from" : "to",
                    from == null || to == null ? "is required" : "must be after from (" + from + "), was " + to)));
        }
    }
}
