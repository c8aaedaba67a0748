package uk.starred.impl.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

/**
 * The outbox's statements for claiming messages in batches and recording what became of them, the same on
 * H2 and PostgreSQL. A message is claimed by moving its next attempt a lease ahead and naming the claim
 * (the node and its round); a message whose concern has an earlier message of the same kind not yet
 * delivered and not due (waiting for its retry, or claimed by another round) is not claimed, so each
 * concern's case notes, notifications, episodes and events each reach their destination in the order they
 * were written ({@code seq}), across every node; a mail server that is down does not hold back the child's
 * case notes.
 */
final class Claims {

    /**
     * Earlier in the order a concern's messages of one kind are delivered: written before it, and holding back
     * those after it (a notification that reached every channel whose order is kept does not).
     */
    private static final String EARLIER = "e.kind = m.kind AND e.seq < m.seq AND e.holds_back";

    /** How many batches' worth of due messages a claim considers, of which those not held back are claimed. */
    private static final int CANDIDATES = 4;

    /** Most ids in one statement's list. */
    private static final int CHUNK = 500;

    private Claims() {
    }

    /**
     * One claimed message, as the relay delivers it.
     *
     * @param reached where an earlier attempt of a notification did reach (its channels and recipients), or
     *                {@code null}
     */
    record Claimed(String id, OutboxEntity.Kind kind, String concernId, String payload, int attempts,
            String reached) {
    }

    /**
     * Claims up to {@code most} due messages for the claim named, and gives back at once any whose concern
     * turns out to have an earlier message another round holds (two nodes claiming at the same moment).
     *
     * @return the messages claimed, each concern's in the order they are to be delivered
     */
    static List<Claimed> claim(EntityManager em, String claim, Instant now, Instant leaseEnds, int most) {
        // the first due, a few batches' worth, then those of them nothing earlier holds back: the check for an
        // earlier message runs on those few, not on everything due (a sweep leaves tens of thousands); the
        // numbers are written into the statement, so that a plan made once for every call still limits early
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT m.id FROM (SELECT c.id, c.concern_id, c.kind, c.seq,"
                + " c.next_attempt_at FROM outbox c WHERE c.delivered_at IS NULL AND c.dead_at IS NULL"
                + " AND c.next_attempt_at <= ?1 ORDER BY c.next_attempt_at, c.seq LIMIT " + CANDIDATES * most
                + ") m WHERE NOT EXISTS (SELECT 1 FROM outbox e WHERE e.concern_id = m.concern_id AND " + EARLIER
                + " AND e.delivered_at IS NULL AND e.dead_at IS NULL AND e.next_attempt_at > ?1)"
                + " ORDER BY m.next_attempt_at, m.seq LIMIT " + most).setParameter(1, now).getResultList();
        // claimed only if still due: of two nodes choosing the same, the second finds them leased
        int claimed = 0;
        for (List<String> chunk : chunks(ids)) {
            claimed += em.createNativeQuery("UPDATE outbox SET next_attempt_at = :lease, claimed_by = :claim"
                    + " WHERE id IN (:ids) AND delivered_at IS NULL AND dead_at IS NULL AND next_attempt_at <= :now")
                    .setParameter("lease", leaseEnds).setParameter("claim", claim).setParameter("ids", chunk)
                    .setParameter("now", now).executeUpdate();
        }
        if (claimed == 0) {
            return List.of();
        }
        // another round's claim, made at the same moment, may hold an earlier message of the same concern
        @SuppressWarnings("unchecked")
        List<String> behind = em.createNativeQuery("SELECT DISTINCT m.id FROM outbox m"
                + " WHERE m.claimed_by = ?1 AND m.delivered_at IS NULL AND EXISTS (SELECT 1 FROM outbox e"
                + " WHERE e.concern_id = m.concern_id AND e.delivered_at IS NULL AND e.dead_at IS NULL"
                + " AND (e.claimed_by IS NULL OR e.claimed_by <> ?1) AND " + EARLIER + ")")
                .setParameter(1, claim).getResultList();
        released(em, claim, behind, now);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, kind, concern_id, payload, attempts, reached FROM outbox"
                + " WHERE claimed_by = ?1 AND delivered_at IS NULL ORDER BY concern_id, kind, seq")
                .setParameter(1, claim).getResultList();
        List<Claimed> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            out.add(new Claimed((String) row[0], OutboxEntity.Kind.valueOf((String) row[1]), (String) row[2],
                    (String) row[3], ((Number) row[4]).intValue(), (String) row[5]));
        }
        return out;
    }

    /** Moves the end of the claim's lease on, for the messages it still holds. */
    static int renew(EntityManager em, String claim, Instant leaseEnds) {
        return em.createNativeQuery("UPDATE outbox SET next_attempt_at = ?1 WHERE claimed_by = ?2"
                + " AND delivered_at IS NULL").setParameter(1, leaseEnds).setParameter(2, claim).executeUpdate();
    }

    /** Marks the messages delivered, those still under this claim. */
    static void delivered(EntityManager em, String claim, List<String> ids, Instant at) {
        for (List<String> chunk : chunks(ids)) {
            em.createNativeQuery("UPDATE outbox SET delivered_at = :at, last_error = NULL, claimed_by = NULL"
                    + " WHERE claimed_by = :claim AND id IN (:ids)").setParameter("at", at)
                    .setParameter("claim", claim).setParameter("ids", chunk).executeUpdate();
        }
    }

    /**
     * Hands back messages not delivered in this round (behind one of their concern's that failed), due at
     * once: they wait behind the failed one until it is retried.
     */
    static void released(EntityManager em, String claim, List<String> ids, Instant now) {
        for (List<String> chunk : chunks(ids)) {
            em.createNativeQuery("UPDATE outbox SET next_attempt_at = :now, claimed_by = NULL"
                    + " WHERE claimed_by = :claim AND id IN (:ids)").setParameter("now", now)
                    .setParameter("claim", claim).setParameter("ids", chunk).executeUpdate();
        }
    }

    /**
     * Records a failed delivery: tried again at {@code at}, or, when its attempts have run out, given up as a
     * dead letter at {@code at}; with where it did reach, which its next attempt skips, and whether it holds
     * back its concern's later messages meanwhile.
     */
    static void failed(EntityManager em, String claim, String id, Streams.Failure failure, Instant at,
            boolean dead) {
        String error = failure.error();
        em.createNativeQuery("UPDATE outbox SET attempts = attempts + 1, last_error = ?1, next_attempt_at = ?2,"
                + (dead ? " dead_at = ?2," : "") + " reached = ?5, holds_back = ?6, claimed_by = NULL"
                + " WHERE id = ?3 AND claimed_by = ?4")
                .setParameter(1, error.length() > 2000 ? error.substring(0, 2000) : error).setParameter(2, at)
                .setParameter(3, id).setParameter(4, claim).setParameter(5, failure.reached())
                .setParameter(6, failure.holdsBack()).executeUpdate();
    }

    /**
     * Takes back what a node's earlier life claimed and did not record (it stopped mid-round): due at once,
     * rather than at the end of the lease.
     *
     * @param nodeClaims the node's claims' common beginning ({@code node/})
     */
    static int takeBack(EntityManager em, String nodeClaims, Instant now) {
        return em.createNativeQuery("UPDATE outbox SET next_attempt_at = ?1, claimed_by = NULL"
                + " WHERE delivered_at IS NULL AND claimed_by LIKE ?2").setParameter(1, now)
                .setParameter(2, nodeClaims.replace("%", "\\%").replace("_", "\\_") + "%").executeUpdate();
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return chunks;
    }
}
