package uk.starred.impl.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.persistence.CascadeType;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Embeddable;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Version;

import org.hibernate.annotations.ListIndexBase;

import uk.starred.api.concern.AgreedAction;
import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.CafcassReferral;
import uk.starred.api.concern.Communication;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.MoreTimeRequest;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ProcedureRef;

/**
 * The stored concern aggregate, as the read side sees it: the concern with its stages, agreed actions,
 * communications and CAFCASS referral, mapped column by column. Commands write through
 * {@link ConcernRows}, in fewer round trips than the entity would take; the core decides what may
 * happen.
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

    @ElementCollection
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

    @Column(name = "review_date")
    private LocalDate reviewDate;

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

    @Column(name = "ending", length = 100)
    private String ending;

    @Column(name = "formal_due_at")
    private Instant formalDueAt;

    /** The child's legal status when the concern was raised, as the oversight figures count it. */
    @Column(name = "child_cohorts", length = 60)
    private String childCohorts;

    @OneToMany(mappedBy = "concern", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("ordinal")
    private List<StageRecordEntity> stages = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "agreed_action", joinColumns = @JoinColumn(name = "concern_id"))
    @OrderColumn(name = "action_number")
    @ListIndexBase(1)
    private List<AgreedActionRow> agreedActions = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "communication", joinColumns = @JoinColumn(name = "concern_id"))
    @OrderColumn(name = "seq")
    @ListIndexBase(1)
    private List<CommunicationRow> communications = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "more_time_request", joinColumns = @JoinColumn(name = "concern_id"))
    @OrderColumn(name = "request_number")
    @ListIndexBase(1)
    private List<MoreTimeRow> moreTime = new ArrayList<>();

    @Column(name = "cafcass_considered_at")
    private Instant cafcassConsideredAt;

    @Column(name = "cafcass_informed", length = 1000)
    private String cafcassInformed;

    @Column(name = "cafcass_referred_at")
    private Instant cafcassReferredAt;

    @Column(name = "cafcass_referred_by", length = 100)
    private String cafcassReferredBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "cafcass_mode", length = 20)
    private ReferralMode cafcassMode;

    @Column(name = "cafcass_reason", length = 4000)
    private String cafcassReason;

    @Column(name = "cafcass_decision_due_at")
    private Instant cafcassDecisionDueAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "cafcass_decision", length = 20)
    private CafcassDecision cafcassDecision;

    @Column(name = "cafcass_decided_at")
    private Instant cafcassDecidedAt;

    @Column(name = "cafcass_decision_notes", length = 4000)
    private String cafcassDecisionNotes;

    /** Counts the commands applied; each moves it on by one with the version. */
    @Column(name = "changes", nullable = false)
    private long changes;

    @Version
    @Column(name = "lock_version", nullable = false)
    private long version;

    /** The hash of the last entry of the concern's audit trail, moved on with each entry appended. */
    @Column(name = "audit_head", length = 64)
    private String auditHead;

    protected ConcernEntity() {
        // for JPA
    }

    ConcernId id() {
        return ConcernId.parse(id);
    }

    String childId() {
        return childId;
    }

    ProcedureRef procedure() {
        return new ProcedureRef(procedureId, procedureVersion);
    }

    ConcernStatus status() {
        return status;
    }

    /** @return the child's legal status when the concern was raised; empty when not recorded */
    Set<Cohort> childCohorts() {
        return OversightCounts.cohorts(childCohorts);
    }

    long version() {
        return version;
    }

    String auditHead() {
        return auditHead;
    }

    public Concern toConcern() {
        return toConcern(version);
    }

    /**
     * @param asVersion the version to give the concern: its version once this command's change is
     *                  written, so that the change's audit entry and answer can be made before it is
     */
    Concern toConcern(long asVersion) {
        CafcassReferral cafcass = cafcassConsideredAt == null && cafcassReferredAt == null ? null
                : new CafcassReferral(cafcassConsideredAt,
                        cafcassInformed == null || cafcassInformed.isEmpty() ? List.of()
                                : Arrays.asList(cafcassInformed.split(",")),
                        cafcassReferredAt, cafcassReferredBy, cafcassMode, cafcassReason, cafcassDecisionDueAt,
                        cafcassDecision, cafcassDecidedAt, cafcassDecisionNotes);
        List<AgreedAction> agreed = new ArrayList<>();
        for (int i = 0; i < agreedActions.size(); i++) {
            agreed.add(agreedActions.get(i).toAgreedAction(i + 1));
        }
        return new Concern(ConcernId.parse(id), childId, procedure(), origin, reasonCodes, description, remedyWanted,
                remedyDueBy, responsiblePerson, raisedBy, raisedAt, status,
                stages.stream().map(StageRecordEntity::toRecord).toList(), agreed,
                communications.stream().map(CommunicationRow::toCommunication).toList(), cafcass, formalDueAt,
                endedAt, endReason, asVersion, reviewDate, ending, moreTimeRequests());
    }

    private List<MoreTimeRequest> moreTimeRequests() {
        List<MoreTimeRequest> requests = new ArrayList<>();
        for (int i = 0; i < moreTime.size(); i++) {
            requests.add(moreTime.get(i).toRequest(i + 1));
        }
        return requests;
    }

    /** An action agreed in response, monitored to its due date. */
    @Embeddable
    public static class AgreedActionRow {

        @Column(name = "description", nullable = false, length = 4000)
        private String description;

        @Column(name = "responsible", nullable = false, length = 100)
        private String responsible;

        @Column(name = "due_by", nullable = false)
        private LocalDate dueBy;

        @Column(name = "completed_at")
        private Instant completedAt;

        @Column(name = "completed_by", length = 100)
        private String completedBy;

        @Column(name = "note", length = 4000)
        private String note;

        protected AgreedActionRow() {
            // for JPA
        }

        AgreedAction toAgreedAction(int number) {
            return new AgreedAction(number, description, responsible, dueBy, completedAt, completedBy, note);
        }
    }

    /** A communication about the concern. */
    @Embeddable
    public static class CommunicationRow {

        @Column(name = "happened_at", nullable = false)
        private Instant at;

        @Column(name = "recorded_by", nullable = false, length = 100)
        private String by;

        @Column(name = "with_whom", nullable = false, length = 300)
        private String withWhom;

        @Column(name = "channel", nullable = false, length = 100)
        private String channel;

        @Column(name = "summary", nullable = false, length = 4000)
        private String summary;

        @Column(name = "family_update", nullable = false, length = 5)
        private String familyUpdate;

        @Column(name = "recorded_at")
        private Instant recordedAt;

        @Column(name = "late_reason", length = 4000)
        private String lateReason;

        protected CommunicationRow() {
            // for JPA
        }

        Communication toCommunication() {
            return new Communication(at, by, withWhom, channel, summary, Boolean.parseBoolean(familyUpdate), recordedAt,
                    lateReason);
        }
    }

    /** A request for more time at a stage, and its decision. */
    @Embeddable
    public static class MoreTimeRow {

        @Column(name = "stage_ordinal", nullable = false)
        private int stageOrdinal;

        @Column(name = "requested_by", nullable = false, length = 100)
        private String requestedBy;

        @Column(name = "requested_at", nullable = false)
        private Instant requestedAt;

        @Column(name = "explanation", nullable = false, length = 4000)
        private String explanation;

        @Column(name = "until_day", nullable = false)
        private LocalDate until;

        @Column(name = "granted", length = 5)
        private String granted;

        @Column(name = "decided_by", length = 100)
        private String decidedBy;

        @Column(name = "decided_at")
        private Instant decidedAt;

        @Column(name = "reasons", length = 4000)
        private String reasons;

        protected MoreTimeRow() {
            // for JPA
        }

        MoreTimeRequest toRequest(int number) {
            return new MoreTimeRequest(number, stageOrdinal, requestedBy, requestedAt, explanation, until,
                    granted == null ? null : Boolean.valueOf(granted), decidedBy, decidedAt, reasons);
        }
    }
}
