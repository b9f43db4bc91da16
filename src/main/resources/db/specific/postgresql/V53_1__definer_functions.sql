-- The only DDL the application needs at run time (day partitions of checkin) and the only way old audit
-- entries can be removed (the retention purge), as SECURITY DEFINER functions. They run with the rights of
-- their owner, the role that ran this migration, so the application can connect as a role with no DDL
-- rights at all (V53_2, docs/SECURITY.md). They take dates and numbers only, never names or SQL, and build
-- every identifier themselves.

-- Definer functions must not resolve names through a search_path the caller controls: each one keeps the
-- path of this migration (the application's schema) with pg_temp last, so a temporary table named
-- "checkin" or "audit_entry" cannot stand in for the real one.
SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', true);

-- Creates the partition of one day of jiaxing.zone, [starts_at, ends_at) in epoch millis. The application
-- computes the bounds (it knows the zone); they are only accepted when they look like a day near that date.
CREATE FUNCTION checkin_create_day_partition(day DATE, starts_at BIGINT, ends_at BIGINT) RETURNS TEXT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    partition_name TEXT;
BEGIN
    IF day IS NULL OR starts_at IS NULL OR ends_at IS NULL THEN
        RAISE EXCEPTION 'checkin_create_day_partition: day and bounds are required';
    END IF;
    IF day < DATE '2000-01-01' OR day > DATE '2999-12-31' THEN
        RAISE EXCEPTION 'checkin_create_day_partition: day % out of range', day;
    END IF;
    -- a day starts within 14 hours of its UTC midnight in every zone (UTC-12 to UTC+14)
    IF abs(starts_at - extract(epoch FROM day::timestamp)::BIGINT * 1000) > 14 * 3600000 THEN
        RAISE EXCEPTION 'checkin_create_day_partition: % does not start day %', starts_at, day;
    END IF;
    -- 24 hours, 23 or 25 on a daylight-saving change
    IF ends_at - starts_at NOT BETWEEN 23 * 3600000 AND 25 * 3600000 THEN
        RAISE EXCEPTION 'checkin_create_day_partition: [%, %) is not one day', starts_at, ends_at;
    END IF;
    partition_name := 'checkin_p' || to_char(day, 'YYYYMMDD');
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF checkin FOR VALUES FROM (%s) TO (%s)',
                   partition_name, starts_at, ends_at);
    RETURN partition_name;
END;
$$;

-- Drops the day partitions (checkin_pYYYYMMDD) of the days before first_kept; returns how many. Only
-- partitions of checkin with that exact name pattern are ever touched.
CREATE FUNCTION checkin_drop_day_partitions_before(first_kept DATE) RETURNS INTEGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    part RECORD;
    dropped INTEGER := 0;
BEGIN
    IF first_kept IS NULL THEN
        RAISE EXCEPTION 'checkin_drop_day_partitions_before: a day is required';
    END IF;
    FOR part IN
        SELECT n.nspname, c.relname
        FROM pg_catalog.pg_inherits i
                 JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
                 JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE i.inhparent = 'checkin'::regclass AND c.relname ~ '^checkin_p[0-9]{8}$'
        ORDER BY c.relname
    LOOP
        IF to_date(substr(part.relname, 10), 'YYYYMMDD') < first_kept THEN
            EXECUTE format('DROP TABLE %I.%I', part.nspname, part.relname);
            dropped := dropped + 1;
        END IF;
    END LOOP;
    RETURN dropped;
END;
$$;

-- Audit entries may be deleted only at or below the anchor; everything else stays append-only.
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.seq <= (SELECT seq FROM audit_anchor WHERE id = 1) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$;

CREATE FUNCTION audit_anchor_forward_only() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR NEW.id <> OLD.id OR NEW.seq < OLD.seq
            OR NEW.hash IS DISTINCT FROM (SELECT hash FROM audit_entry WHERE seq = NEW.seq) THEN
        RAISE EXCEPTION 'audit_anchor only moves forward, onto an existing entry';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_anchor_guard BEFORE UPDATE OR DELETE ON audit_anchor
    FOR EACH ROW EXECUTE FUNCTION audit_anchor_forward_only();

CREATE TRIGGER audit_anchor_no_truncate BEFORE TRUNCATE ON audit_anchor
    FOR EACH STATEMENT EXECUTE FUNCTION audit_anchor_forward_only();

-- The audit retention purge: moves the anchor to the last entry of the unbroken run of entries recorded
-- before cutoff (epoch millis), at most max_entries of them, then deletes that run. Verification starts
-- from the anchor, so the chain still verifies. Returns how many entries were deleted; the new anchor is in
-- audit_anchor.
CREATE FUNCTION audit_purge_before(cutoff BIGINT, purged_at BIGINT, max_entries INTEGER) RETURNS BIGINT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    anchored BIGINT;
    first_kept BIGINT;
    last_purged BIGINT;
    removed BIGINT;
BEGIN
    IF cutoff IS NULL OR purged_at IS NULL OR max_entries IS NULL OR max_entries < 1 THEN
        RAISE EXCEPTION 'audit_purge_before: cutoff, time and a positive chunk size are required';
    END IF;
    -- one purge at a time; appends are not blocked (they work at the other end of the chain)
    SELECT seq INTO anchored FROM audit_anchor WHERE id = 1 FOR UPDATE;
    SELECT seq INTO first_kept FROM audit_entry
    WHERE seq > anchored AND recorded_at >= cutoff ORDER BY seq LIMIT 1;
    IF first_kept IS NULL THEN
        SELECT max(seq) INTO last_purged FROM audit_entry;
    ELSE
        last_purged := first_kept - 1;
    END IF;
    IF last_purged IS NULL OR last_purged <= anchored THEN
        RETURN 0;
    END IF;
    -- (least() skips NULLs, so only after the check above)
    last_purged := least(last_purged, anchored + max_entries);
    UPDATE audit_anchor
    SET seq = last_purged, hash = (SELECT hash FROM audit_entry WHERE seq = last_purged), purged_at = audit_purge_before.purged_at
    WHERE id = 1;
    DELETE FROM audit_entry WHERE seq > anchored AND seq <= last_purged;
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
END;
$$;

-- Functions are executable by PUBLIC by default; these only by their owner and the roles V53_2 names.
REVOKE ALL ON FUNCTION checkin_create_day_partition(DATE, BIGINT, BIGINT) FROM PUBLIC;
REVOKE ALL ON FUNCTION checkin_drop_day_partitions_before(DATE) FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_purge_before(BIGINT, BIGINT, INTEGER) FROM PUBLIC;
