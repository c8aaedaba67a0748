-- Requests for more time at a stage, with their explanation, and the decision on each ("where there is
-- insufficient explanation for why more time is required"): granted, the stage's due moment moved to
-- the end of the day asked for; refused, with reasons.
CREATE TABLE more_time_request (
    concern_id     VARCHAR(36)   NOT NULL,
    request_number INTEGER       NOT NULL,
    stage_ordinal  INTEGER       NOT NULL,
    requested_by   VARCHAR(100)  NOT NULL,
    requested_at   TIMESTAMP     NOT NULL,
    explanation    VARCHAR(4000) NOT NULL,
    until_day      DATE          NOT NULL,
    granted        VARCHAR(5),
    decided_by     VARCHAR(100),
    decided_at     TIMESTAMP,
    reasons        VARCHAR(4000),
    CONSTRAINT more_time_request_pk PRIMARY KEY (concern_id, request_number),
    CONSTRAINT more_time_request_stage_fk FOREIGN KEY (concern_id, stage_ordinal)
        REFERENCES stage_record (concern_id, ordinal),
    CONSTRAINT more_time_request_granted_ck CHECK (granted IS NULL OR granted IN ('true', 'false'))
);

-- A communication that is an update sent to the child and family, kept as sent.
ALTER TABLE communication ADD COLUMN family_update VARCHAR(5) DEFAULT 'false' NOT NULL;
ALTER TABLE communication ADD CONSTRAINT communication_family_update_ck CHECK (family_update IN ('true', 'false'));
