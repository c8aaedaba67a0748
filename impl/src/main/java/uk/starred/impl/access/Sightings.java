package uk.starred.impl.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import uk.starred.api.audit.AccessedRecords;
import uk.starred.impl.store.StoreGuard;

/**
 * Keeps the access log: each time a person sees a child's dispute records through Starred's services, one
 * row, written in the transaction that read them. The same person seeing the same records of the same child
 * again within a minute (a page and the alert area, a form and its page again) is kept once: a screen reads a
 * child's concerns several times, and the log is of who looked, not of every query.
 */
public final class Sightings {

    static final Duration ONCE_IN = Duration.ofMinutes(1);
    private static final int MOST_REMEMBERED = 10_000;

    private final Map<String, Instant> lastKept = new ConcurrentHashMap<>();

    /** Records that the person saw the child's records, unless they were kept for them within the minute. */
    public void saw(EntityManager em, String staffId, String childId, AccessedRecords records, Instant at) {
        if (staffId == null || childId == null) {
            return;
        }
        String key = staffId + '\u0000' + childId + '\u0000' + records;
        Instant last = lastKept.get(key);
        if (last != null && last.plus(ONCE_IN).isAfter(at) && !at.isBefore(last)) {
            return;
        }
        em.createNativeQuery("INSERT INTO access_log (id, staff_id, child_id, records, viewed_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, UUID.randomUUID().toString())
                .setParameter(2, staffId).setParameter(3, childId).setParameter(4, records.name())
                .setParameter(5, at).executeUpdate();
        if (lastKept.size() > MOST_REMEMBERED) {
            lastKept.clear();
        }
        lastKept.put(key, at);
        // forgotten if the row is not kept: a transaction undone, or run again, writes it again
        StoreGuard.ifUndone(() -> lastKept.remove(key, at));
    }
}
