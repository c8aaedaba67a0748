package uk.starred.impl.concern;

import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Embeddable;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

import uk.starred.api.concern.ActionRecord;
import uk.starred.api.concern.Response;
import uk.starred.api.concern.Satisfaction;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.concern.StageState;

/** One stage of a concern as it happened, mapped column by column; written by {@link ConcernRows}. */
@Entity
@Table(name = "stage_record")
@IdClass(StageRecordEntity.Key.class)
public class StageRecordEntity {

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "concern_id")
    private ConcernEntity concern;

    @Id
    @Column(name = "ordinal")
    private int ordinal;

    @Column(name = "stage_id", nullable = false, length = 100)
    private String stageId;

    @Column(name = "name", nullable = false, length = 300)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private StageState state;

    @Column(name = "entered_at", nullable = false)
    private Instant enteredAt;

    @Column(name = "entered_by", nullable = false, length = 100)
    private String enteredBy;

    @Column(name = "participants", length = 2000)
    private String participants;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "response_kind", length = 20)
    private ResponseKind responseKind;

    @Column(name = "response_reasons", length = 4000)
    private String responseReasons;

    @Column(name = "response_by", length = 100)
    private String responseBy;

    @Column(name = "response_at")
    private Instant responseAt;

    @Column(name = "response_recorded_at")
    private Instant responseRecordedAt;

    @Column(name = "response_late_reason", length = 4000)
    private String responseLateReason;

    @Column(name = "outcome", length = 4000)
    private String outcome;

    @Column(name = "note", length = 4000)
    private String note;

    @ElementCollection
    @CollectionTable(name = "stage_action", joinColumns = {
            @JoinColumn(name = "concern_id", referencedColumnName = "concern_id"),
            @JoinColumn(name = "stage_ordinal", referencedColumnName = "ordinal")})
    private Set<ActionRow> actions = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "stage_satisfaction", joinColumns = {
            @JoinColumn(name = "concern_id", referencedColumnName = "concern_id"),
            @JoinColumn(name = "stage_ordinal", referencedColumnName = "ordinal")})
    private Set<SatisfactionRow> satisfactions = new HashSet<>();

    protected StageRecordEntity() {
        // for JPA
    }

    int ordinal() {
        return ordinal;
    }

    StageRecord toRecord() {
        Response response = responseKind == null ? null
                : new Response(responseKind, responseReasons, responseBy, responseAt, responseRecordedAt,
                        responseLateReason);
        return new StageRecord(ordinal, stageId, name, state, enteredAt, enteredBy,
                participants == null ? List.of() : List.of(participants.split(",")), dueAt, endedAt, response,
                actions.stream().sorted(Comparator.comparing((ActionRow a) -> a.doneAt).thenComparing(a -> a.actionId))
                        .map(a -> new ActionRecord(a.actionId, a.doneBy, a.doneAt, a.note, a.occurredAt, a.lateReason))
                        .toList(),
                outcome, note, satisfactions.stream().sorted(Comparator.comparingInt((SatisfactionRow a) -> a.seq))
                        .map(a -> new Satisfaction(a.role, a.answeredBy, Boolean.parseBoolean(a.satisfied), a.reasons,
                                a.answeredAt)).toList());
    }

    /** One person's answer whether they are satisfied, in the order given. */
    @Embeddable
    public static class SatisfactionRow {

        @Column(name = "seq", nullable = false)
        private int seq;

        @Column(name = "role", nullable = false, length = 100)
        private String role;

        @Column(name = "answered_by", nullable = false, length = 100)
        private String answeredBy;

        @Column(name = "satisfied", nullable = false, length = 5)
        private String satisfied;

        @Column(name = "reasons", length = 4000)
        private String reasons;

        @Column(name = "answered_at", nullable = false)
        private Instant answeredAt;

        protected SatisfactionRow() {
            // for JPA
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SatisfactionRow other && seq == other.seq;
        }

        @Override
        public int hashCode() {
            return Integer.hashCode(seq);
        }
    }

    /** A required action recorded as done. */
    @Embeddable
    public static class ActionRow {

        @Column(name = "action_id", nullable = false, length = 100)
        private String actionId;

        @Column(name = "done_by", nullable = false, length = 100)
        private String doneBy;

        @Column(name = "done_at", nullable = false)
        private Instant doneAt;

        @Column(name = "note", length = 4000)
        private String note;

        @Column(name = "occurred_at")
        private Instant occurredAt;

        @Column(name = "late_reason", length = 4000)
        private String lateReason;

        protected ActionRow() {
            // for JPA
        }

        ActionRow(String actionId, String doneBy, Instant doneAt, String note) {
            this.actionId = actionId;
            this.doneBy = doneBy;
            this.doneAt = doneAt;
            this.note = note;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ActionRow other && actionId.equals(other.actionId);
        }

        @Override
        public int hashCode() {
            return actionId.hashCode();
        }
    }

    /** The composite key: the concern and the stage's ordinal in it. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String concern;
        private int ordinal;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && ordinal == other.ordinal && Objects.equals(concern, other.concern);
        }

        @Override
        public int hashCode() {
            return Objects.hash(concern, ordinal);
        }
    }
}
