-- The hash of the last entry of each concern's audit trail, kept on the concern and moved on in the
-- same transaction as every entry appended: a command links its entry to the one before without
-- reading the trail, and the verification checks that the concern and its trail agree on the end.
ALTER TABLE concern ADD COLUMN audit_head VARCHAR(64);

-- Entry n records the concern at version n - 1, so a concern's last entry is the one numbered one
-- past its version. A concern whose trail lacks that entry keeps no head and refuses commands until
-- the audit verification has been run and the trail put right.
UPDATE concern SET audit_head = (SELECT a.hash FROM audit_entry a
    WHERE a.concern_id = concern.id AND a.seq = concern.lock_version + 1);
