import { Knex } from 'knex';
import { retryTransientConflict } from './dbValues';

/** A delivery event row, with the durations derived at ingestion. */
export interface EventRow {
  event_id: string;
  entity_ref: string;
  type: string;
  occurred_at: Date;
  succeeded: boolean | null;
  environment: string | null;
  pipeline: string | null;
  name: string | null;
  value: number | null;
  lead_seconds: number | null;
  detect_seconds: number | null;
  restore_seconds: number | null;
  response_seconds: number | null;
  resolve_seconds: number | null;
  duration_seconds: number | null;
  caused_by: string | null;
  /** deployment: event id of the incident it remediates (DORA rework). */
  remediates: string | null;
  payload: string;
  received_at: Date;
}

// 19 columns a row; SQLite allows 999 bound values per statement.
const CHUNK = 50;

/** Storage of delivery events; ingestion is idempotent by event id. */
export class EventStore {
  constructor(private readonly db: Knex) {}

  /**
   * Stores the rows whose event id is new (in the database and within the
   * batch), all in one transaction, and returns how many were stored.
   */
  async insert(rows: EventRow[]): Promise<{ inserted: number }> {
    return retryTransientConflict(() =>
      this.db.transaction(async tx => {
        const ids = rows.map(r => r.event_id);
        const known = new Set<string>();
        for (let i = 0; i < ids.length; i += 500) {
          const found: string[] = await tx('delivery_events')
            .whereIn('event_id', ids.slice(i, i + 500))
            .pluck('event_id');
          found.forEach(id => known.add(id));
        }
        const fresh: EventRow[] = [];
        for (const row of rows) {
          if (!known.has(row.event_id)) {
            known.add(row.event_id);
            fresh.push(row);
          }
        }
        // Batches that share ids take them in one order (by id), so they
        // wait for each other instead of deadlocking.
        fresh.sort(
          (a, b) =>
            Number(a.event_id > b.event_id) - Number(a.event_id < b.event_id),
        );
        let inserted = 0;
        for (let i = 0; i < fresh.length; i += CHUNK) {
          // A concurrent batch may have stored the same id since we looked:
          // only the rows this statement stored count.
          const stored = await tx('delivery_events')
            .insert(fresh.slice(i, i + CHUNK))
            .onConflict('event_id')
            .ignore()
            .returning('event_id');
          inserted += stored.length;
        }
        return { inserted };
      }),
    );
  }
}
