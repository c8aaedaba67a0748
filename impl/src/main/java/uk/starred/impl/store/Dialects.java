package uk.starred.impl.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import org.hibernate.engine.spi.SessionFactoryImplementor;

/** What the database under a persistence unit can do, as Hibernate detected it from the DataSource. */
final class Dialects {

    private static final Map<SessionFactoryImplementor, Boolean> SEVERAL = new ConcurrentHashMap<>();

    private Dialects() {
    }

    /**
     * @return whether the database takes several statements, separated by semicolons, in one prepared
     *         statement (PostgreSQL's driver sends them in one round trip; H2 refuses them)
     */
    static boolean takesSeveralStatements(EntityManager em) {
        SessionFactoryImplementor factory = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class);
        return SEVERAL.computeIfAbsent(factory, f -> f.getJdbcServices().getDialect().getClass().getName()
                .contains("PostgreSQL"));
    }
}
