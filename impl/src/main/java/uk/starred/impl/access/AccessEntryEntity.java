package uk.starred.impl.access;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import uk.starred.api.audit.AccessedRecords;
import uk.starred.api.audit.RecordAccess;

/** One row of the access log, as stored: written once by {@link Sightings}, never changed. */
@Entity
@Table(name = "access_log")
public class AccessEntryEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "staff_id", nullable = false, length = 100)
    private String staffId;

    @Column(name = "child_id", nullable = false, length = 100)
    private String childId;

    @Enumerated(EnumType.STRING)
    @Column(name = "records", nullable = false, length = 40)
    private AccessedRecords records;

    @Column(name = "viewed_at", nullable = false)
    private Instant viewedAt;

    protected AccessEntryEntity() {
        // for JPA
    }

    public RecordAccess toAccess() {
        return new RecordAccess(staffId, childId, records, viewedAt);
    }
}
