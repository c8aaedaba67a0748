-- The answers of those whose satisfaction resolves a concern at a stage ("resolved only if the IRO and
-- the Head of Quality Assurance are both satisfied"), in the order given: a later answer of a role
-- stands in place of its earlier one, and both are kept.
CREATE TABLE stage_satisfaction (
    concern_id    VARCHAR(36)   NOT NULL,
    stage_ordinal INTEGER       NOT NULL,
    seq           INTEGER       NOT NULL,
    role          VARCHAR(100)  NOT NULL,
    answered_by   VARCHAR(100)  NOT NULL,
    satisfied     VARCHAR(5)    NOT NULL,
    reasons       VARCHAR(4000),
    answered_at   TIMESTAMP     NOT NULL,
    CONSTRAINT stage_satisfaction_pk PRIMARY KEY (concern_id, stage_ordinal, seq),
    CONSTRAINT stage_satisfaction_stage_fk FOREIGN KEY (concern_id, stage_ordinal)
        REFERENCES stage_record (concern_id, ordinal),
    CONSTRAINT stage_satisfaction_answer_ck CHECK (satisfied IN ('true', 'false'))
);
