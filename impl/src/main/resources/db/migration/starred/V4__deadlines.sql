-- Every due moment Starred watches, one row per concern, kind and item (a stage's ordinal, an agreed
-- action's number, or 0), kept in step with the concern by each command. The deadline runner claims
-- pending rows whose moment has come, on one node or many, and fires each once.

CREATE TABLE deadline (
    concern_id    VARCHAR(36)   NOT NULL,
    kind          VARCHAR(30)   NOT NULL,
    item          INTEGER       NOT NULL,
    child_id      VARCHAR(100)  NOT NULL,
    due_at        TIMESTAMP     NOT NULL,
    state         VARCHAR(20)   NOT NULL,
    claimed_by    VARCHAR(100),
    claimed_until TIMESTAMP,
    attempts      INTEGER       DEFAULT 0 NOT NULL,
    last_error    VARCHAR(2000),
    fired_at      TIMESTAMP,
    fired_by      VARCHAR(100),
    outcome       VARCHAR(2000),
    settled_at    TIMESTAMP,
    CONSTRAINT deadline_pk PRIMARY KEY (concern_id, kind, item),
    CONSTRAINT deadline_concern_fk FOREIGN KEY (concern_id) REFERENCES concern (id),
    CONSTRAINT deadline_kind_ck CHECK (kind IN ('STAGE_DUE_SOON', 'STAGE_DUE', 'AGREED_ACTION_DUE',
        'FORMAL_LIMIT', 'CAFCASS_DECISION_DUE')),
    CONSTRAINT deadline_state_ck CHECK (state IN ('PENDING', 'FIRED', 'CANCELLED'))
);
-- the runner: pending rows by due moment, so a round reads only what has fallen due
CREATE INDEX deadline_due_ix ON deadline (state, due_at);

-- Events for OSGi Event Admin travel through the outbox too, written with the change that causes them.
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_ck;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_ck CHECK (kind IN ('CASE_NOTE', 'NOTIFICATION', 'EVENT'));
