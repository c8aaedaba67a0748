-- Good practice an IRO or Child Protection Chair recognised in a child's case, with the team credited
-- (the person's own as the host named it, or else the team holding the child's case), reported by team
-- and by person in oversight.
CREATE TABLE good_practice (
    id            VARCHAR(36)   NOT NULL,
    child_id      VARCHAR(100)  NOT NULL,
    staff_id      VARCHAR(100)  NOT NULL,
    team          VARCHAR(200),
    practice      VARCHAR(4000) NOT NULL,
    recognised_by VARCHAR(100)  NOT NULL,
    recognised_at TIMESTAMP     NOT NULL,
    CONSTRAINT good_practice_pk PRIMARY KEY (id)
);
CREATE INDEX good_practice_child_ix ON good_practice (child_id, recognised_at);
CREATE INDEX good_practice_at_ix ON good_practice (recognised_at);
