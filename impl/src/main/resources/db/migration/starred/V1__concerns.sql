-- Concerns raised by an IRO or Child Protection Chair for a child the host platform owns.
-- Plain SQL that H2 2.x and PostgreSQL 12+ both accept; timestamps are UTC.

CREATE TABLE concern (
    id                 VARCHAR(36)   NOT NULL,
    child_id           VARCHAR(100)  NOT NULL,
    procedure_id       VARCHAR(100)  NOT NULL,
    procedure_version  VARCHAR(50)   NOT NULL,
    origin             VARCHAR(40)   NOT NULL,
    description        VARCHAR(4000) NOT NULL,
    remedy_wanted      VARCHAR(4000) NOT NULL,
    remedy_due_by      DATE          NOT NULL,
    responsible_person VARCHAR(100)  NOT NULL,
    raised_by          VARCHAR(100)  NOT NULL,
    raised_at          TIMESTAMP     NOT NULL,
    status             VARCHAR(30)   NOT NULL,
    ended_at           TIMESTAMP,
    end_reason         VARCHAR(2000),
    lock_version       BIGINT        NOT NULL,
    CONSTRAINT concern_pk PRIMARY KEY (id),
    CONSTRAINT concern_status_ck CHECK (status IN ('OPEN', 'RESOLVED', 'WITHDRAWN', 'REFERRED_TO_CAFCASS', 'CLOSED')),
    CONSTRAINT concern_ended_ck CHECK ((status = 'OPEN' AND ended_at IS NULL) OR (status <> 'OPEN' AND ended_at IS NOT NULL))
);

-- the child's tab: every concern of one child, newest first
CREATE INDEX concern_child_ix ON concern (child_id, raised_at);
-- the oversight list: open concerns, oldest first
CREATE INDEX concern_status_ix ON concern (status, raised_at);

CREATE TABLE concern_reason (
    concern_id   VARCHAR(36) NOT NULL,
    reason_order INTEGER     NOT NULL,
    reason_code  VARCHAR(50) NOT NULL,
    CONSTRAINT concern_reason_pk PRIMARY KEY (concern_id, reason_order),
    CONSTRAINT concern_reason_concern_fk FOREIGN KEY (concern_id) REFERENCES concern (id),
    CONSTRAINT concern_reason_once_uq UNIQUE (concern_id, reason_code)
);
