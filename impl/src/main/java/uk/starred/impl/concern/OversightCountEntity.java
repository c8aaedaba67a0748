package uk.starred.impl.concern;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import uk.starred.core.oversight.CountLine;
import uk.starred.core.oversight.Measure;

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
