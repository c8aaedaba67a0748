package uk.starred.impl.procedure;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import uk.starred.api.UnknownProcedureException;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.impl.json.Hashes;
import uk.starred.impl.json.Json;

/**
 * The definitions concerns run under, stored in the database the first time a concern starts under
 * each procedure version, and read back from there for every later command: a concern keeps the
 * definition it started with however procedure bundles are upgraded or removed.
 */
public final class ProcedureDefinitions {

    private final JpaTemplate jpa;
    private final Map<ProcedureRef, Procedure> cache = new ConcurrentHashMap<>();

    public ProcedureDefinitions(JpaTemplate jpa) {
        this.jpa = uk.starred.impl.store.StoreGuard.guarded(jpa);
    }

    /**
     * Makes sure the definition is stored, in a transaction of its own (so that two first concerns
     * racing to store it both succeed).
     *
     * @throws UnknownProcedureException when a different definition is already stored under the same
     *                                   id and version: a changed procedure must carry a new version
     */
    public void ensureStored(Procedure procedure, Instant now) {
        if (procedure.equals(cache.get(procedure.ref()))) {
            return;
        }
        String json = Json.write(procedure);
        String sha = Hashes.sha256(json);
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                jpa.tx(TransactionType.Required, em -> {
                    ProcedureDefinitionEntity stored = find(em, procedure.ref());
                    if (stored == null) {
                        em.persist(new ProcedureDefinitionEntity(procedure.id(), procedure.version(), json, sha, now));
                        em.flush();
                    } else if (!same(stored, procedure, sha)) {
                        throw new UnknownProcedureException("procedure " + procedure.ref()
                                + " as installed now differs from the definition already stored for concerns running"
                                + " under that version; a changed procedure must carry a new version");
                    }
                });
                cache.put(procedure.ref(), procedure);
                return;
            } catch (PersistenceException raced) {
                if (attempt == 1) {
                    throw raced;
                }
            }
        }
    }

    /**
     * @return why the definition may not be installed under its version: a different one is stored
     *         for that version, with concerns running under it; empty when none is stored or it is the same
     */
    public Optional<String> conflict(Procedure procedure) {
        if (procedure.equals(cache.get(procedure.ref()))) {
            return Optional.empty();
        }
        String sha = Hashes.sha256(Json.write(procedure));
        return jpa.txExpr(TransactionType.Required, em -> {
            ProcedureDefinitionEntity stored = find(em, procedure.ref());
            if (stored == null || same(stored, procedure, sha)) {
                return Optional.<String>empty();
            }
            return Optional.of("it differs from the definition stored for concerns already running under version "
                    + procedure.version() + "; a changed procedure must carry a new version");
        });
    }

    /**
     * @return whether the stored definition is the procedure: the same text, or, stored before the
     *         model gained a field, the same procedure once read back
     */
    private static boolean same(ProcedureDefinitionEntity stored, Procedure procedure, String sha) {
        return stored.sha256().equals(sha) || StoredDefinitions.read(stored.definition()).equals(procedure);
    }

    /** @return the definition stored for the version, read within the caller's transaction */
    public Procedure stored(EntityManager em, ProcedureRef ref) {
        Procedure cached = cache.get(ref);
        if (cached != null) {
            return cached;
        }
        ProcedureDefinitionEntity stored = find(em, ref);
        if (stored == null) {
            throw new IllegalStateException("no stored definition for procedure " + ref);
        }
        Procedure procedure = StoredDefinitions.read(stored.definition());
        cache.put(ref, procedure);
        return procedure;
    }

    public Optional<Procedure> cached(ProcedureRef ref) {
        return Optional.ofNullable(cache.get(ref));
    }

    private static ProcedureDefinitionEntity find(EntityManager em, ProcedureRef ref) {
        return em.find(ProcedureDefinitionEntity.class, new ProcedureDefinitionEntity.Key(ref.id(), ref.version()));
    }
}
