-- Installed by embedded-mongo into FerretDB's PostgreSQL database at every
-- start, before FerretDB connects. Idempotent: functions are replaced, event
-- triggers recreated, and the backfill at the end only adds what is missing.
--
-- FerretDB 1.24 keeps each MongoDB database in a PostgreSQL schema holding a
-- `_ferretdb_database_metadata` table, and each collection in a table of that
-- schema with one jsonb column `_jsonb`. Documents are stored as JSON with a
-- `$s` key describing the BSON types (`$s.p.<field>.t` is "int", "long",
-- "double", "date", …); numbers are plain JSON numbers.
--
-- 1. GIN twins: FerretDB's createIndexes makes btree expression indexes on
--    (_jsonb -> 'field'), but the filters it pushes down are
--    `_jsonb -> 'field' @> value`, which only a GIN index can serve. For every
--    top-level field of a btree index on a collection table (but the leading
--    partition key of a compound one, see twin_fields) we keep one GIN index
--    `USING gin ((_jsonb -> 'field'))` per (table, field).
-- 2. Storage MAIN for the documents (see ensure_table), so the planner's
--    cost of a sequential scan is the real one.
-- 3. Version guard: FerretDB applies an update in Go and writes the whole
--    document back by _id without re-checking the filter, so two concurrent
--    `updateOne({_id, version: 1}, {$set: {version: 2}})` would both succeed.
--    A BEFORE UPDATE row trigger refuses any write that does not increase a
--    numeric top-level `version`; the row lock makes it see the newest
--    committed document, so the loser of a race is refused.

SELECT pg_advisory_xact_lock(7261849301);

CREATE SCHEMA IF NOT EXISTS kk_engine;

-- Is rel a FerretDB collection table (not one of FerretDB's own tables)?
CREATE OR REPLACE FUNCTION kk_engine.is_collection_table(rel oid) RETURNS boolean
LANGUAGE sql STABLE AS $fn$
  SELECT EXISTS (
    SELECT 1
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = '_jsonb' AND NOT a.attisdropped
    WHERE c.oid = rel
      AND c.relkind = 'r'
      AND a.atttypid = 'jsonb'::regtype
      AND left(c.relname, 10) <> '_ferretdb_'
      AND n.nspname <> 'kk_engine'
      AND EXISTS (
        SELECT 1 FROM pg_class m
        WHERE m.relnamespace = n.oid AND m.relname = '_ferretdb_database_metadata'
      )
  )
$fn$;

-- The top-level field names of an index's key expressions of the form
-- (_jsonb -> 'field'); nested paths (_jsonb -> 'a' -> 'b') are not returned.
-- (an earlier version had no first_key; drop it, or calls would be ambiguous)
DROP FUNCTION IF EXISTS kk_engine.index_fields(oid);
CREATE OR REPLACE FUNCTION kk_engine.index_fields(idx oid, first_key int DEFAULT 1) RETURNS SETOF text
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  k int;
  m text[];
BEGIN
  FOR k IN SELECT generate_series(first_key, i.indnkeyatts) FROM pg_index i WHERE i.indexrelid = idx LOOP
    m := regexp_match(pg_get_indexdef(idx, k, false), $re$^\(*_jsonb -> '((?:[^']|'')*)'::text\)*\Z$re$);
    IF m IS NOT NULL THEN
      RETURN NEXT replace(m[1], '''''', '''');
    END IF;
  END LOOP;
END
$fn$;

-- The fields of a btree index that get a GIN twin: every top-level key field
-- except the first key of a compound index. That one is the partition key
-- (tenantId leads every compound index): it matches a whole tenant, and a GIN
-- index on it would only tempt the planner to AND a whole tenant's rows into
-- every lookup, so that lookups slow down as the tenant grows.
CREATE OR REPLACE FUNCTION kk_engine.twin_fields(idx oid) RETURNS SETOF text
LANGUAGE sql STABLE AS $fn$
  SELECT kk_engine.index_fields(idx, CASE WHEN i.indnkeyatts > 1 THEN 2 ELSE 1 END)
    FROM pg_index i WHERE i.indexrelid = idx
$fn$;

-- Deterministic name of the GIN twin for (table, field): at most 60 bytes.
CREATE OR REPLACE FUNCTION kk_engine.twin_name(tbl text, field text) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT left(regexp_replace(tbl, '[^a-z0-9_]', '_', 'g'), 30) || '_'
    || left(regexp_replace(lower(field), '[^a-z0-9_]', '_', 'g'), 16) || '_'
    || left(md5(tbl || '.' || field), 8) || '_gin'
$fn$;

-- Does the table already have a single-key GIN index on (_jsonb -> field)?
CREATE OR REPLACE FUNCTION kk_engine.has_gin(tbl oid, field text) RETURNS boolean
LANGUAGE sql STABLE AS $fn$
  SELECT EXISTS (
    SELECT 1
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_am am ON am.oid = ic.relam
    WHERE i.indrelid = tbl AND am.amname = 'gin' AND i.indnkeyatts = 1
      AND field IN (SELECT kk_engine.index_fields(i.indexrelid))
  )
$fn$;

-- Creates the missing GIN twins for one btree index of a collection table.
CREATE OR REPLACE FUNCTION kk_engine.ensure_twins(idx oid) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  t record;
  f text;
BEGIN
  SELECT i.indrelid AS rel, c.relname, n.nspname, am.amname
    INTO t
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_am am ON am.oid = ic.relam
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE i.indexrelid = idx;
  -- our own GIN indexes fire the event trigger too: only btree ones count
  IF NOT FOUND OR t.amname <> 'btree' OR NOT kk_engine.is_collection_table(t.rel) THEN
    RETURN;
  END IF;
  FOR f IN SELECT DISTINCT kk_engine.twin_fields(idx) LOOP
    IF NOT kk_engine.has_gin(t.rel, f) THEN
      EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin ((_jsonb -> %L))',
        kk_engine.twin_name(t.relname, f), t.nspname, t.relname, f);
    END IF;
  END LOOP;
END
$fn$;

-- Drops the GIN twins of a schema whose field no btree index of their table
-- uses any more.
CREATE OR REPLACE FUNCTION kk_engine.drop_orphan_twins(schema_name text) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT ic.relname AS idxname, i.indrelid AS rel, f.field
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_am am ON am.oid = ic.relam
      JOIN pg_class tc ON tc.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = ic.relnamespace
      CROSS JOIN LATERAL kk_engine.index_fields(i.indexrelid) AS f(field)
     WHERE n.nspname = schema_name AND am.amname = 'gin' AND i.indnkeyatts = 1
       AND ic.relname = kk_engine.twin_name(tc.relname, f.field)
  LOOP
    IF NOT EXISTS (
      SELECT 1
      FROM pg_index b
      JOIN pg_class bc ON bc.oid = b.indexrelid
      JOIN pg_am bam ON bam.oid = bc.relam
      WHERE b.indrelid = r.rel AND bam.amname = 'btree'
        AND r.field IN (SELECT kk_engine.twin_fields(b.indexrelid))
    ) THEN
      EXECUTE format('DROP INDEX IF EXISTS %I.%I', schema_name, r.idxname);
    END IF;
  END LOOP;
END
$fn$;

-- The version guard, one row trigger per collection table.
CREATE OR REPLACE FUNCTION kk_engine.version_guard() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  old_v jsonb := OLD._jsonb -> 'version';
  new_v jsonb := NEW._jsonb -> 'version';
BEGIN
  -- only documents whose stored version is a BSON int, long or double
  IF old_v IS NULL OR jsonb_typeof(old_v) <> 'number'
     OR coalesce(OLD._jsonb #>> '{$s,p,version,t}', '') NOT IN ('int', 'long', 'double') THEN
    RETURN NEW;
  END IF;
  IF new_v IS NULL OR jsonb_typeof(new_v) <> 'number'
     OR coalesce(NEW._jsonb #>> '{$s,p,version,t}', '') NOT IN ('int', 'long', 'double')
     OR new_v::numeric <= old_v::numeric THEN
    -- P0001 (raise_exception): neither FerretDB nor pgx retries it
    RAISE EXCEPTION USING
      ERRCODE = 'P0001',
      MESSAGE = format('klarkonform: stale write: version must advance (stored %s, written %s)',
                       old_v, coalesce(new_v::text, 'none'));
  END IF;
  RETURN NEW;
END
$fn$;

CREATE OR REPLACE FUNCTION kk_engine.ensure_table(rel oid) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  t record;
BEGIN
  IF NOT kk_engine.is_collection_table(rel) THEN
    RETURN;
  END IF;
  SELECT c.relname, n.nspname INTO t
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.oid = rel;
  -- Documents stay in the table's own pages (compressed), not in TOAST: the planner then sees
  -- what a sequential scan really reads and picks the GIN twins for selective lookups (with the
  -- default EXTENDED storage a table of 2 KB documents looks tiny, a Seq Scan looks cheap, and
  -- every row is de-TOASTed: 85 ms instead of 0.1 ms at 6,000 documents).
  IF (SELECT a.attstorage FROM pg_attribute a WHERE a.attrelid = rel AND a.attname = '_jsonb') <> 'm' THEN
    EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN _jsonb SET STORAGE MAIN', t.nspname, t.relname);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = rel AND tgname = 'kk_version_guard') THEN
    EXECUTE format('CREATE TRIGGER kk_version_guard BEFORE UPDATE ON %I.%I FOR EACH ROW EXECUTE FUNCTION kk_engine.version_guard()',
      t.nspname, t.relname);
  END IF;
END
$fn$;

CREATE OR REPLACE FUNCTION kk_engine.on_ddl_command_end() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
    IF r.command_tag = 'CREATE INDEX' AND r.object_type = 'index' THEN
      PERFORM kk_engine.ensure_twins(r.objid);
    ELSIF r.command_tag = 'CREATE TABLE' AND r.object_type = 'table' THEN
      PERFORM kk_engine.ensure_table(r.objid);
    END IF;
  END LOOP;
END
$fn$;

CREATE OR REPLACE FUNCTION kk_engine.on_sql_drop() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  s text;
BEGIN
  FOR s IN
    SELECT DISTINCT d.schema_name FROM pg_event_trigger_dropped_objects() d
     WHERE d.object_type = 'index' AND d.schema_name IS NOT NULL
  LOOP
    PERFORM kk_engine.drop_orphan_twins(s);
  END LOOP;
END
$fn$;

DROP EVENT TRIGGER IF EXISTS kk_ddl_command_end;
CREATE EVENT TRIGGER kk_ddl_command_end ON ddl_command_end
  WHEN TAG IN ('CREATE INDEX', 'CREATE TABLE')
  EXECUTE FUNCTION kk_engine.on_ddl_command_end();

DROP EVENT TRIGGER IF EXISTS kk_sql_drop;
CREATE EVENT TRIGGER kk_sql_drop ON sql_drop
  WHEN TAG IN ('DROP INDEX', 'DROP TABLE')
  EXECUTE FUNCTION kk_engine.on_sql_drop();

-- Backfill for an existing data directory.
SELECT kk_engine.ensure_table(c.oid)
  FROM pg_class c
 WHERE c.relkind = 'r' AND kk_engine.is_collection_table(c.oid);

SELECT kk_engine.ensure_twins(i.indexrelid)
  FROM pg_index i
 WHERE kk_engine.is_collection_table(i.indrelid);

SELECT kk_engine.drop_orphan_twins(n.nspname)
  FROM pg_namespace n
 WHERE EXISTS (
   SELECT 1 FROM pg_class m
    WHERE m.relnamespace = n.oid AND m.relname = '_ferretdb_database_metadata'
 );
