import type { Pool } from 'pg';
import { InvalidEventStoreArgumentError } from '../event-store/event-store.errors';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,49}$/;

export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) {
    throw new InvalidEventStoreArgumentError(
      `The PostgreSQL schema name ${JSON.stringify(schema)} must be 1–50 lowercase letters, digits and "_"`,
    );
  }
}

/** The NOTIFY channel appends announce themselves on. */
export const notifyChannel = (schema: string): string => `event_store_${schema}`;

const tables = (s: string): string => `
CREATE TABLE IF NOT EXISTS ${s}.events (
  global_position bigint PRIMARY KEY,
  event_id uuid NOT NULL UNIQUE,
  stream_id text NOT NULL,
  stream_revision bigint NOT NULL,
  event_type text NOT NULL,
  schema_version integer NOT NULL,
  data json NOT NULL,
  metadata json NOT NULL,
  recorded_at timestamptz NOT NULL,
  UNIQUE (stream_id, stream_revision)
);
CREATE TABLE IF NOT EXISTS ${s}.idempotency_keys (
  key text PRIMARY KEY,
  fingerprint text NOT NULL,
  stream_id text NOT NULL,
  first_revision bigint,
  event_count integer NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);`;

/**
 * One call appends a batch of requests (each: a stream, its expected revision, an optional
 * idempotency key, and its events, laid out one after another in the e_* arrays) in one
 * transaction, and returns one row per request.
 *
 * Ordering: every append takes the same transaction-scoped advisory lock before it reads the
 * highest global position, and keeps it until its transaction has committed. Positions are
 * therefore handed out in commit order: once a reader sees position N, every position below N
 * that will ever exist is already visible, so a reader paging by position never skips an
 * event committed late by a slower transaction. Rolled-back batches leave no gap either,
 * since the next batch starts again from the highest committed position.
 */
const appendFunction = (s: string): string => `
CREATE OR REPLACE FUNCTION ${s}.append_batch(
  r_streams text[], r_kinds text[], r_expected bigint[], r_keys text[], r_fingerprints text[], r_counts integer[],
  e_ids uuid[], e_types text[], e_versions integer[], e_data text[], e_metadata text[], e_recorded timestamptz[])
RETURNS TABLE (o_request integer, o_status text, o_stream text, o_stream_revision bigint,
  o_first_revision bigint, o_first_position bigint, o_event_count integer)
LANGUAGE plpgsql AS $fn$
DECLARE
  r integer; n integer; offs integer := 0; cur bigint; pos bigint; appended boolean := false; expected_ok boolean;
  k ${s}.idempotency_keys%ROWTYPE;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('portal.event_store.append:${s}'));
  SELECT coalesce(max(ev.global_position), 0) INTO pos FROM ${s}.events ev;
  FOR r IN 1 .. coalesce(array_length(r_streams, 1), 0) LOOP
    n := r_counts[r];
    o_request := r; o_stream := r_streams[r]; o_stream_revision := NULL;
    o_first_revision := NULL; o_first_position := NULL; o_event_count := n;
    k := NULL;
    IF r_keys[r] IS NOT NULL THEN
      SELECT * INTO k FROM ${s}.idempotency_keys ik WHERE ik.key = r_keys[r];
    END IF;
    IF k.key IS NOT NULL THEN
      o_status := CASE WHEN k.fingerprint = r_fingerprints[r] THEN 'duplicate' ELSE 'key_reused' END;
      o_stream := k.stream_id; o_first_revision := k.first_revision; o_event_count := k.event_count;
    ELSE
      SELECT max(ev.stream_revision) INTO cur FROM ${s}.events ev WHERE ev.stream_id = r_streams[r];
      expected_ok := CASE r_kinds[r]
        WHEN 'any' THEN true
        WHEN 'no_stream' THEN cur IS NULL
        WHEN 'stream_exists' THEN cur IS NOT NULL
        ELSE coalesce(cur = r_expected[r], false) END;
      IF NOT expected_ok THEN
        o_status := 'wrong_expected_revision'; o_stream_revision := cur;
      ELSE
        INSERT INTO ${s}.events (global_position, event_id, stream_id, stream_revision, event_type,
            schema_version, data, metadata, recorded_at)
          SELECT pos + i, e_ids[offs + i], r_streams[r], coalesce(cur, -1) + i, e_types[offs + i],
            e_versions[offs + i], e_data[offs + i]::json, e_metadata[offs + i]::json, e_recorded[offs + i]
          FROM generate_series(1, n) AS i;
        IF n > 0 THEN o_first_revision := coalesce(cur, -1) + 1; o_first_position := pos + 1; END IF;
        o_stream_revision := CASE WHEN n > 0 THEN coalesce(cur, -1) + n ELSE cur END;
        IF r_keys[r] IS NOT NULL THEN
          INSERT INTO ${s}.idempotency_keys (key, fingerprint, stream_id, first_revision, event_count)
            VALUES (r_keys[r], r_fingerprints[r], r_streams[r], o_first_revision, n);
        END IF;
        pos := pos + n; appended := appended OR n > 0; o_status := 'appended';
      END IF;
    END IF;
    offs := offs + n;
    RETURN NEXT;
  END LOOP;
  IF appended THEN PERFORM pg_notify('${notifyChannel(s)}', pos::text); END IF;
END
$fn$;`;

/** The statement that calls the append function with the twelve batch arrays. */
export const appendBatchSql = (s: string): string =>
  `SELECT * FROM ${s}.append_batch($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::integer[],
    $7::uuid[], $8::text[], $9::integer[], $10::text[], $11::text[], $12::timestamptz[])`;

/** Creates the schema, tables and append function if missing; safe to run from many processes at once. */
export async function ensurePostgresSchema(pool: Pool, schema: string): Promise<void> {
  assertSchemaName(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('portal.event_store.ddl:${schema}'))`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(tables(schema));
    await client.query(appendFunction(schema));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
