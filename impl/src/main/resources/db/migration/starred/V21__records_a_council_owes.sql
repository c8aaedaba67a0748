-- Who saw which child's dispute records, and when: a read of a child's concerns, review timetable, good
-- practice or audit trail through Starred's services, kept once a minute for each person, child and kind of
-- record; exported for the council and purged after its retention.
CREATE TABLE access_log (
    id         VARCHAR(36)  NOT NULL,
    staff_id   VARCHAR(100) NOT NULL,
    child_id   VARCHAR(100) NOT NULL,
    records    VARCHAR(40)  NOT NULL,
    viewed_at  TIMESTAMP    NOT NULL,
    CONSTRAINT access_log_pk PRIMARY KEY (id)
);
CREATE INDEX access_log_child_ix ON access_log (child_id, viewed_at);
CREATE INDEX access_log_at_ix ON access_log (viewed_at);

-- A concern deleted under the council's retention: what it was (never whose), and the hash its audit trail
-- ended on, so that the deletion is on record and what remains still verifies.
CREATE TABLE purge_record (
    concern_id        VARCHAR(36)  NOT NULL,
    procedure_id      VARCHAR(100) NOT NULL,
    procedure_version VARCHAR(50)  NOT NULL,
    ended_at          TIMESTAMP    NOT NULL,
    audit_entries     INTEGER      NOT NULL,
    last_hash         VARCHAR(64),
    purged_at         TIMESTAMP    NOT NULL,
    purged_by         VARCHAR(100) NOT NULL,
    CONSTRAINT purge_record_pk PRIMARY KEY (concern_id)
);
