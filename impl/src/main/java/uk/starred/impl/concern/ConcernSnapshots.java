package uk.starred.impl.concern;

import java.util.List;

import javax.persistence.EntityManager;

import uk.starred.api.concern.Concern;

/** Reads concerns as snapshots for parts of the engine outside this package (the audit verification). */
public final class ConcernSnapshots {

    private ConcernSnapshots() {
    }

    /** @return the concern as stored, or {@code null} when there is none (a trail left without its concern) */
    public static Concern find(EntityManager em, String id) {
        ConcernEntity entity = em.find(ConcernEntity.class, id);
        return entity == null ? null : entity.toConcern();
    }

    /** @return the hash of the last audit entry as the stored concern records it, or {@code null} */
    public static String auditHead(EntityManager em, String id) {
        ConcernEntity entity = em.find(ConcernEntity.class, id);
        return entity == null ? null : entity.auditHead();
    }

    /** @return a page of the ids of concerns and of trails, so a trail whose concern was deleted is checked too */
    public static List<String> idsWithTrails(EntityManager em, int first, int max) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT id FROM concern UNION SELECT concern_id FROM audit_entry"
                + " ORDER BY 1").setFirstResult(first).setMaxResults(max).getResultList();
        return ids;
    }

    /** @return the ids of the child's concerns, and of any with a trail for the child though no longer stored */
    public static List<String> idsOfChild(EntityManager em, String childId) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT id FROM concern WHERE child_id = ?1 UNION SELECT concern_id"
                + " FROM audit_entry WHERE child_id = ?1 ORDER BY 1").setParameter(1, childId).getResultList();
        return ids;
    }
}
