package uk.starred.impl.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Version;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.api.concern.RaiseConcern;

/**
 * The stored concern aggregate. Only this class changes a concern's state, and only through the
 * transitions the lifecycle allows; the rest of the engine sees {@link Concern} snapshots.
 */
@Entity
@Table(name = "concern")
public class ConcernEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "child_id", nullable = false, length = 100)
    private String childId;

    @Column(name = "procedure_id", nullable = false, length = 100)
    private String procedureId;

    @Column(name = "procedure_version", nullable = false, length = 50)
    private String procedureVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin", nullable = false, length = 40)
    private ConcernOrigin origin;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "concern_reason", joinColumns = @JoinColumn(name = "concern_id"))
    @OrderColumn(name = "reason_order")
    @Column(name = "reason_code", nullable = false, length = 50)
    private List<String> reasonCodes = new ArrayList<>();

    @Column(name = "description", nullable = false, length = 4000)
    private String description;

    @Column(name = "remedy_wanted", nullable = false, length = 4000)
    private String remedyWanted;

    @Column(name = "remedy_due_by", nullable = false)
    private LocalDate remedyDueBy;

    @Column(name = "responsible_person", nullable = false, length = 100)
    private String responsiblePerson;

    @Column(name = "raised_by", nullable = false, length = 100)
    private String raisedBy;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 30)
    private ConcernStatus status;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "end_reason", length = 2000)
    private String endReason;

    @Version
    @Column(name = "lock_version", nullable = false)
    private long version;

    protected ConcernEntity() {
        // for JPA
    }

    static ConcernEntity raised(ConcernId id, RaiseConcern command, Instant now) {
        ConcernEntity entity = new ConcernEntity();
        entity.id = id.toString();
        entity.childId = command.childId();
        entity.procedureId = command.procedure().id();
        entity.procedureVersion = command.procedure().version();
        entity.origin = command.origin();
        entity.reasonCodes = new ArrayList<>(command.reasonCodes());
        entity.description = command.description();
        entity.remedyWanted = command.remedyWanted();
        entity.remedyDueBy = command.remedyDueBy();
        entity.responsiblePerson = command.responsiblePerson();
        entity.raisedBy = command.raisedBy();
        entity.raisedAt = now;
        entity.status = ConcernStatus.OPEN;
        return entity;
    }

    ConcernStatus status() {
        return status;
    }

    long version() {
        return version;
    }

    void end(ConcernStatus ending, String reason, Instant now) {
        if (!ending.isEnded()) {
            throw new IllegalArgumentException("not an ending: " + ending);
        }
        if (status.isEnded()) {
            throw new IllegalStateException("concern " + id + " has already ended as " + status);
        }
        this.status = ending;
        this.endReason = reason;
        this.endedAt = now;
    }

    Concern toConcern() {
        return new Concern(ConcernId.parse(id), childId, new ProcedureRef(procedureId, procedureVersion), origin,
                reasonCodes, description, remedyWanted, remedyDueBy, responsiblePerson, raisedBy, raisedAt,
                status, endedAt, endReason, version);
    }
}
