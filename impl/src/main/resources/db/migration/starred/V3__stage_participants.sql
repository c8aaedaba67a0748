-- Who took part in each stage: the staff holding the stage's participant roles for the child when
-- the concern entered it (people move on; the record keeps who they were).
ALTER TABLE stage_record ADD COLUMN participants VARCHAR(2000);
