-- A concern may end in a way its stage names ("a matter for internal decision making only, which
-- cannot be referred further"): status ENDED, with the id of the stage's ending it ended by.
ALTER TABLE concern DROP CONSTRAINT concern_status_ck;
ALTER TABLE concern ADD CONSTRAINT concern_status_ck
    CHECK (status IN ('OPEN', 'RESOLVED', 'WITHDRAWN', 'REFERRED_TO_CAFCASS', 'CLOSED', 'ENDED'));
ALTER TABLE concern ADD COLUMN ending VARCHAR(100);
