-- SQLite has no roles: the file's permissions are the boundary (docs/SECURITY.md). These triggers keep
-- mistakes out: entries are deleted only at or below the anchor (the retention purge moves the anchor
-- first, in the same transaction), and the anchor only moves forward onto an entry that exists.
DROP TRIGGER audit_entry_no_delete;

CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
WHEN OLD.seq > (SELECT seq FROM audit_anchor WHERE id = 1)
BEGIN
    SELECT RAISE(ABORT, 'audit_entry is append-only');
END;

CREATE TRIGGER audit_anchor_forward_only BEFORE UPDATE ON audit_anchor
WHEN NEW.id IS NOT OLD.id OR NEW.seq < OLD.seq
     OR NEW.hash IS NOT (SELECT hash FROM audit_entry WHERE seq = NEW.seq)
BEGIN
    SELECT RAISE(ABORT, 'audit_anchor only moves forward, onto an existing entry');
END;

CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor
BEGIN
    SELECT RAISE(ABORT, 'audit_anchor cannot be deleted');
END;
