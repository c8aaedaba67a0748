-- A looked-after child's review timetable deleted under the council's retention, once they ceased to be looked
-- after longer ago than its period: when they ceased, how long its history was and the hash it ended on, never
-- whose it was, so that the deletion is on record and what remains still verifies.
CREATE TABLE purged_timetable (
    id              VARCHAR(36)  NOT NULL,
    ceased_on       DATE         NOT NULL,
    history_entries INTEGER      NOT NULL,
    last_hash       VARCHAR(64),
    purged_at       TIMESTAMP    NOT NULL,
    purged_by       VARCHAR(100) NOT NULL,
    CONSTRAINT purged_timetable_pk PRIMARY KEY (id)
);
