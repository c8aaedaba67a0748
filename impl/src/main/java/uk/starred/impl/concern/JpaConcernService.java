package uk.starred.impl.concern;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.OptimisticLockException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.starred.api.ConcurrentChangeException;
import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotFoundException;
import uk.starred.api.Violation;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.impl.schema.StarredSchema;

/**
 * {@link ConcernService} over the {@code starred} persistence unit. Each method is one
 * transaction of Aries JPA's {@link JpaTemplate}; a refused command throws before anything is
 * flushed, so it leaves no trace.
 */
@Component(service = ConcernService.class)
public class JpaConcernService implements ConcernService {

    /** Dates a council works in: "today" and due dates are London dates. */
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final int MAX_LIST = 1000;

    private final JpaTemplate jpa;
    private final Clock clock;

    @Activate
    public JpaConcernService(
            @Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema) {
        this(jpa, Clock.systemUTC());
    }

    JpaConcernService(JpaTemplate jpa, Clock clock) {
        this.jpa = Objects.requireNonNull(jpa, "jpa");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Concern raise(RaiseConcern command) {
        RaiseConcernValidator.check(command, LocalDate.now(clock.withZone(LONDON)));
        ConcernEntity entity = ConcernEntity.raised(ConcernId.random(), command, now());
        return jpa.txExpr(TransactionType.Required, em -> {
            em.persist(entity);
            em.flush();
            return entity.toConcern();
        });
    }

    @Override
    public Optional<Concern> find(ConcernId id) {
        Objects.requireNonNull(id, "id");
        return jpa.txExpr(TransactionType.Required,
                em -> Optional.ofNullable(em.find(ConcernEntity.class, id.toString())).map(ConcernEntity::toConcern));
    }

    @Override
    public List<Concern> concernsForChild(String childId) {
        if (childId == null || childId.isBlank()) {
            throw new InvalidCommandException("List concerns for child", List.of(new Violation("childId", "is required")));
        }
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("select c from ConcernEntity c where c.childId = :child order by c.raisedAt desc, c.id",
                        ConcernEntity.class)
                .setParameter("child", childId)
                .setMaxResults(MAX_LIST)
                .getResultStream().map(ConcernEntity::toConcern).toList());
    }

    @Override
    public List<Concern> openConcerns(int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new InvalidCommandException("List open concerns",
                    List.of(new Violation("limit", "must be between 1 and " + MAX_LIST + ", was " + limit)));
        }
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("select c from ConcernEntity c where c.status = :open order by c.raisedAt, c.id",
                        ConcernEntity.class)
                .setParameter("open", ConcernStatus.OPEN)
                .setMaxResults(limit)
                .getResultStream().map(ConcernEntity::toConcern).toList());
    }

    @Override
    public Concern withdraw(ConcernId id, long expectedVersion, String reason) {
        Objects.requireNonNull(id, "id");
        List<Violation> violations = new java.util.ArrayList<>();
        RaiseConcernValidator.text(violations, "reason", reason, 2000);
        if (!violations.isEmpty()) {
            throw new InvalidCommandException("Withdraw concern", violations);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            ConcernEntity entity = load(em, id, expectedVersion);
            if (entity.status().isEnded()) {
                throw new InvalidCommandException("Withdraw concern", List.of(new Violation("id",
                        "concern " + id + " has already ended as " + entity.status() + "; only an open concern can be withdrawn")));
            }
            entity.end(ConcernStatus.WITHDRAWN, reason, now());
            try {
                em.flush();
            } catch (OptimisticLockException e) {
                throw changedMeanwhile(id);
            }
            return entity.toConcern();
        });
    }

    /** Now, to the microsecond: the precision both H2 and PostgreSQL keep, so what is returned is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ConcernEntity load(EntityManager em, ConcernId id, long expectedVersion) {
        ConcernEntity entity = em.find(ConcernEntity.class, id.toString(), LockModeType.OPTIMISTIC);
        if (entity == null) {
            throw new NotFoundException("no concern with id " + id);
        }
        if (entity.version() != expectedVersion) {
            throw changedMeanwhile(id);
        }
        return entity;
    }

    private static ConcurrentChangeException changedMeanwhile(ConcernId id) {
        return new ConcurrentChangeException("concern " + id
                + " was changed by someone else after you read it; read it again and decide afresh");
    }
}
