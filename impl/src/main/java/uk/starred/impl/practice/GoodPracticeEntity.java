package uk.starred.impl.practice;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import uk.starred.api.practice.GoodPractice;

/** Good practice recognised, as stored: written once, never changed. */
@Entity
@Table(name = "good_practice")
public class GoodPracticeEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "child_id", nullable = false, length = 100)
    private String childId;

    @Column(name = "staff_id", nullable = false, length = 100)
    private String staffId;

    @Column(name = "team", length = 200)
    private String team;

    @Column(name = "practice", nullable = false, length = 4000)
    private String practice;

    @Column(name = "recognised_by", nullable = false, length = 100)
    private String recognisedBy;

    @Column(name = "recognised_at", nullable = false)
    private Instant recognisedAt;

    protected GoodPracticeEntity() {
        // for JPA
    }

    GoodPracticeEntity(GoodPractice g) {
        this.id = g.id();
        this.childId = g.childId();
        this.staffId = g.staffId();
        this.team = g.team();
        this.practice = g.practice();
        this.recognisedBy = g.recognisedBy();
        this.recognisedAt = g.recognisedAt();
    }

    public GoodPractice toGoodPractice() {
        return new GoodPractice(id, childId, staffId, team, practice, recognisedBy, recognisedAt);
    }
}
