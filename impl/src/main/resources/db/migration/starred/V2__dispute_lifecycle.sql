-- The dispute lifecycle: stages as they happened, required actions done, agreed actions monitored,
-- communications, the CAFCASS referral, the procedure definitions concerns run under, the
-- hash-chained audit trail and the outbox of case notes and notifications.
-- Unbounded VARCHAR holds JSON and long text on both H2 2.x and PostgreSQL.

ALTER TABLE concern ADD COLUMN changes BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE concern ADD COLUMN formal_due_at TIMESTAMP;
ALTER TABLE concern ADD COLUMN cafcass_considered_at TIMESTAMP;
ALTER TABLE concern ADD COLUMN cafcass_informed VARCHAR(1000);
ALTER TABLE concern ADD COLUMN cafcass_referred_at TIMESTAMP;
ALTER TABLE concern ADD COLUMN cafcass_referred_by VARCHAR(100);
ALTER TABLE concern ADD COLUMN cafcass_mode VARCHAR(20);
ALTER TABLE concern ADD COLUMN cafcass_reason VARCHAR(4000);
ALTER TABLE concern ADD COLUMN cafcass_decision_due_at TIMESTAMP;
ALTER TABLE concern ADD COLUMN cafcass_decision VARCHAR(20);
ALTER TABLE concern ADD COLUMN cafcass_decided_at TIMESTAMP;
ALTER TABLE concern ADD COLUMN cafcass_decision_notes VARCHAR(4000);

CREATE TABLE stage_record (
    concern_id       VARCHAR(36)   NOT NULL,
    ordinal          INTEGER       NOT NULL,
    stage_id         VARCHAR(100)  NOT NULL,
    name             VARCHAR(300)  NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    entered_at       TIMESTAMP     NOT NULL,
    entered_by       VARCHAR(100)  NOT NULL,
    due_at           TIMESTAMP,
    ended_at         TIMESTAMP,
    response_kind    VARCHAR(20),
    response_reasons VARCHAR(4000),
    response_by      VARCHAR(100),
    response_at      TIMESTAMP,
    outcome          VARCHAR(4000),
    note             VARCHAR(4000),
    CONSTRAINT stage_record_pk PRIMARY KEY (concern_id, ordinal),
    CONSTRAINT stage_record_concern_fk FOREIGN KEY (concern_id) REFERENCES concern (id),
    CONSTRAINT stage_record_state_ck CHECK (state IN ('ACTIVE', 'COMPLETED', 'BYPASSED'))
);
-- the deadline sweep: active stages by due moment
CREATE INDEX stage_record_due_ix ON stage_record (state, due_at);

CREATE TABLE stage_action (
    concern_id    VARCHAR(36)   NOT NULL,
    stage_ordinal INTEGER       NOT NULL,
    action_id     VARCHAR(100)  NOT NULL,
    done_by       VARCHAR(100)  NOT NULL,
    done_at       TIMESTAMP     NOT NULL,
    note          VARCHAR(4000),
    CONSTRAINT stage_action_pk PRIMARY KEY (concern_id, stage_ordinal, action_id),
    CONSTRAINT stage_action_stage_fk FOREIGN KEY (concern_id, stage_ordinal) REFERENCES stage_record (concern_id, ordinal)
);

CREATE TABLE agreed_action (
    concern_id   VARCHAR(36)   NOT NULL,
    action_number INTEGER      NOT NULL,
    description  VARCHAR(4000) NOT NULL,
    responsible  VARCHAR(100)  NOT NULL,
    due_by       DATE          NOT NULL,
    completed_at TIMESTAMP,
    completed_by VARCHAR(100),
    note         VARCHAR(4000),
    CONSTRAINT agreed_action_pk PRIMARY KEY (concern_id, action_number),
    CONSTRAINT agreed_action_concern_fk FOREIGN KEY (concern_id) REFERENCES concern (id)
);
CREATE INDEX agreed_action_due_ix ON agreed_action (completed_at, due_by);

CREATE TABLE communication (
    concern_id VARCHAR(36)   NOT NULL,
    seq        INTEGER       NOT NULL,
    happened_at TIMESTAMP    NOT NULL,
    recorded_by VARCHAR(100) NOT NULL,
    with_whom  VARCHAR(300)  NOT NULL,
    channel    VARCHAR(100)  NOT NULL,
    summary    VARCHAR(4000) NOT NULL,
    CONSTRAINT communication_pk PRIMARY KEY (concern_id, seq),
    CONSTRAINT communication_concern_fk FOREIGN KEY (concern_id) REFERENCES concern (id)
);

-- The definition each concern runs under: stored once per id and version, never changed.
CREATE TABLE procedure_definition (
    procedure_id      VARCHAR(100) NOT NULL,
    procedure_version VARCHAR(50)  NOT NULL,
    definition        VARCHAR      NOT NULL,
    sha256            VARCHAR(64)  NOT NULL,
    stored_at         TIMESTAMP    NOT NULL,
    CONSTRAINT procedure_definition_pk PRIMARY KEY (procedure_id, procedure_version)
);

-- Append-only; each row's hash covers its content and the previous row's hash.
CREATE TABLE audit_entry (
    concern_id    VARCHAR(36)  NOT NULL,
    seq           BIGINT       NOT NULL,
    child_id      VARCHAR(100) NOT NULL,
    command       VARCHAR(60)  NOT NULL,
    actor         VARCHAR(100) NOT NULL,
    happened_at   TIMESTAMP    NOT NULL,
    before_state  VARCHAR,
    after_state   VARCHAR      NOT NULL,
    previous_hash VARCHAR(64),
    hash          VARCHAR(64)  NOT NULL,
    CONSTRAINT audit_entry_pk PRIMARY KEY (concern_id, seq)
);

-- Case notes and notifications, written with the change that causes them, delivered after.
CREATE TABLE outbox (
    id              VARCHAR(36)  NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    concern_id      VARCHAR(36)  NOT NULL,
    child_id        VARCHAR(100) NOT NULL,
    payload         VARCHAR      NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    attempts        INTEGER      DEFAULT 0 NOT NULL,
    next_attempt_at TIMESTAMP    NOT NULL,
    delivered_at    TIMESTAMP,
    last_error      VARCHAR(2000),
    CONSTRAINT outbox_pk PRIMARY KEY (id),
    CONSTRAINT outbox_kind_ck CHECK (kind IN ('CASE_NOTE', 'NOTIFICATION'))
);
CREATE INDEX outbox_pending_ix ON outbox (delivered_at, next_attempt_at);
CREATE INDEX outbox_concern_ix ON outbox (concern_id, created_at);
