package uk.starred.impl.concern;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityManager;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.id.IdentifierGenerator;

import uk.starred.core.oversight.CountLine;
import uk.starred.core.oversight.Measure;
import uk.starred.impl.store.Writes;

/**
 * A count towards the oversight figures on one day: what a change to a concern added to or took from
 * a measure (naming the concern and the version it wrote), or a total folded from such changes.
 */
@Entity
@Table(name = "oversight_count")
public class OversightCountEntity {

    @Id
    @SequenceGenerator(name = "oversight_count_seq", sequenceName = "oversight_count_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "oversight_count_seq")
    @Column(name = "id")
    private Long id;

    @Column(name = "counted_on", nullable = false)
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(name = "measure", nullable = false, length = 20)
    private Measure measure;

    @Column(name = "item", nullable = false, length = 300)
    private String item;

    @Column(name = "amount", nullable = false)
    private long amount;

    @Column(name = "concern_id", length = 36)
    private String concernId;

    @Column(name = "concern_version")
    private Long concernVersion;

    /**
     * Adds the row of a change to a concern's counts to the change's writes, its id drawn from the same
     * sequence and in the same blocks as the entity's own.
     */
    static void write(EntityManager em, Writes writes, CountLine line, long amount, String concernId,
            long concernVersion) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        IdentifierGenerator ids = session.getFactory().getMetamodel().entityPersister(OversightCountEntity.class)
                .getIdentifierGenerator();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", ((Number) ids.generate(session, null)).longValue());
        row.put("counted_on", line.day());
        row.put("measure", line.measure().name());
        row.put("item", line.item());
        row.put("amount", amount);
        row.put("concern_id", concernId);
        row.put("concern_version", concernVersion);
        writes.insert("oversight_count", row);
    }

    protected OversightCountEntity() {
        // for JPA
    }

    OversightCountEntity(CountLine line, long amount, String concernId, Long concernVersion) {
        this.day = line.day();
        this.measure = line.measure();
        this.item = line.item();
        this.amount = amount;
        this.concernId = concernId;
        this.concernVersion = concernVersion;
    }
}
