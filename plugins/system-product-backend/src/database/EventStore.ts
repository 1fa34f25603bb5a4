import { Knex } from 'knex';
import { retryTransientConflict } from './dbValues';
import { EventChange, SliRollupStore } from './SliRollupStore';

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
  /** deployment of a tool: the repository whose commit it deployed. */
  commit_scope: string | null;
  /** deployment of a tool: the deployed commit, until its time is known. */
  commit_sha: string | null;
  payload: string;
  received_at: Date;
}

/** A commit's time, from a tool's push or pipeline event. */
export interface CommitRow {
  scope: string;
  sha: string;
  committed_at: Date;
}

/**
 * The row to keep for an event of a tool: `fresh` merged into what is
 * stored (`stored`, absent for a new event), with the time of its commit
 * when that is known (`commitTime`).
 */
export type EventMerge = (
  fresh: EventRow,
  stored: EventRow | undefined,
  commitTime: Date | undefined,
) => EventRow;

type EventKey = { entity_ref: string; event_id: string };

const key = (row: EventKey) => `${row.entity_ref}\n${row.event_id}`;

/** The one order in which batches take rows, so they wait instead of deadlocking. */
const byKey = (a: EventRow, b: EventRow) =>
  Number(key(a) > key(b)) - Number(key(a) < key(b));

/**
 * How rows reach `delivery_events` on one engine: one plain table on
 * SQLite, month partitions on PostgreSQL, whose (entity, id) pairs are kept
 * unique by `delivery_event_ids` (a partitioned table's unique keys must
 * hold its partition key, `occurred_at`).
 */
interface EventTable {
  /** Rows a statement of {@link EventTable.insertNew}. */
  readonly chunk: number;
  /**
   * Stores the rows whose (entity, id) is not stored, in one statement
   * (a row already stored is left as it is): the keys of those it stored.
   */
  insertNew(tx: Knex.Transaction, rows: EventRow[]): Promise<EventKey[]>;
  /** The stored rows of these (entity ref, event id) pairs. */
  find(
    tx: Knex.Transaction,
    pairs: string[][],
    columns: string[],
  ): Promise<any[]>;
  /** Rewrites the stored row of `row`'s (entity, id); `before` is the stored one, when read. */
  update(
    tx: Knex.Transaction,
    row: EventRow,
    before?: { occurred_at: Date },
  ): Promise<void>;
}

/** SQLite: one table, unique by (entity_ref, event_id). */
class PlainEventTable implements EventTable {
  // 21 columns a row; SQLite allows 999 bound values per statement.
  readonly chunk = 45;

  async insertNew(tx: Knex.Transaction, rows: EventRow[]) {
    return tx('delivery_events')
      .insert(rows)
      .onConflict(['entity_ref', 'event_id'])
      .ignore()
      .returning(['entity_ref', 'event_id']);
  }

  async find(tx: Knex.Transaction, pairs: string[][], columns: string[]) {
    return tx('delivery_events')
      .whereIn(['entity_ref', 'event_id'], pairs)
      .select(columns);
  }

  async update(tx: Knex.Transaction, row: EventRow) {
    const { entity_ref, event_id, ...changes } = row;
    await tx('delivery_events').where({ entity_ref, event_id }).update(changes);
  }
}

/**
 * The PostgreSQL type of each column, for {@link PartitionedEventTable}'s
 * arrays (text goes into varchar columns with their length checks).
 */
const PG_TYPES: Record<keyof EventRow, string> = {
  event_id: 'text',
  entity_ref: 'text',
  type: 'text',
  occurred_at: 'timestamptz',
  succeeded: 'boolean',
  environment: 'text',
  pipeline: 'text',
  name: 'text',
  value: 'float8',
  lead_seconds: 'float8',
  detect_seconds: 'float8',
  restore_seconds: 'float8',
  response_seconds: 'float8',
  resolve_seconds: 'float8',
  duration_seconds: 'float8',
  caused_by: 'text',
  remediates: 'text',
  commit_scope: 'text',
  commit_sha: 'text',
  payload: 'text',
  received_at: 'timestamptz',
};
const COLUMNS = Object.keys(PG_TYPES) as Array<keyof EventRow>;

/**
 * PostgreSQL: month partitions of `delivery_events` (see EventPartitions),
 * primary key (entity_ref, event_id, occurred_at); `delivery_event_ids`
 * holds each (entity_ref, event_id) once with its event's occurred_at.
 */
class PartitionedEventTable implements EventTable {
  // One column a bound array: a batch of the API's 1000 events is one statement.
  readonly chunk = 1000;

  /**
   * One statement: the rows as one array a column, their ids inserted
   * first (a pair stored already, or by a concurrent batch, is skipped and
   * waits for that batch), then exactly the rows whose ids it inserted.
   */
  async insertNew(tx: Knex.Transaction, rows: EventRow[]) {
    if (rows.length === 0) return [];
    const list = COLUMNS.join(', ');
    const result = await tx.raw(
      `with fresh as (
        select * from unnest(${COLUMNS.map(c => `?::${PG_TYPES[c]}[]`).join(
          ', ',
        )}) with ordinality as f(${list}, ord)
      ), ids as (
        insert into delivery_event_ids (entity_ref, event_id, occurred_at)
        select entity_ref, event_id, occurred_at from fresh order by ord
        on conflict (entity_ref, event_id) do nothing
        returning entity_ref, event_id
      )
      insert into delivery_events (${list})
      select ${COLUMNS.map(c => `fresh.${c}`).join(', ')}
      from fresh join ids using (entity_ref, event_id)
      order by fresh.ord
      on conflict (entity_ref, event_id, occurred_at) do nothing
      returning entity_ref, event_id`,
      // node-postgres sends each array as one array literal.
      COLUMNS.map(c => rows.map(r => r[c])) as unknown as Knex.RawBinding[],
    );
    return result.rows as EventKey[];
  }

  /** By their ids rows, so that only the partition of each is read. */
  async find(tx: Knex.Transaction, pairs: string[][], columns: string[]) {
    return tx('delivery_event_ids as i')
      .join('delivery_events as e', join =>
        join
          .on('e.entity_ref', 'i.entity_ref')
          .andOn('e.event_id', 'i.event_id')
          .andOn('e.occurred_at', 'i.occurred_at'),
      )
      .whereIn(['i.entity_ref', 'i.event_id'], pairs)
      .select(columns.map(c => `e.${c}`));
  }

  /**
   * The row moves to another partition when its time changes, and its ids
   * row's time follows. An ids row without its event (retention dropped the
   * event's month and has not deleted its ids yet) gets the event again.
   */
  async update(
    tx: Knex.Transaction,
    row: EventRow,
    before?: { occurred_at: Date },
  ) {
    const { entity_ref, event_id, ...changes } = row;
    const updated = await tx('delivery_events')
      .where({ entity_ref, event_id })
      .update(changes);
    if (updated === 0) await tx('delivery_events').insert(row);
    if (
      updated === 0 ||
      before?.occurred_at.getTime() !== row.occurred_at.getTime()
    ) {
      await tx('delivery_event_ids')
        .insert({ entity_ref, event_id, occurred_at: row.occurred_at })
        .onConflict(['entity_ref', 'event_id'])
        .merge(['occurred_at']);
    }
  }
}

/**
 * Storage of delivery events; ingestion is idempotent by event id, which is
 * unique per entity (one event of a tool may belong to several). On
 * PostgreSQL the events are kept in month partitions and the uniqueness of
 * (entity, id) by `delivery_event_ids`; a batch still costs one statement.
 */
export class EventStore {
  private readonly table: EventTable;

  /** With `rollups`, each transaction keeps the SLI rollups of what it writes. */
  constructor(
    private readonly db: Knex,
    private readonly rollups?: SliRollupStore,
  ) {
    this.table =
      db.client.config.client === 'pg'
        ? new PartitionedEventTable()
        : new PlainEventTable();
  }

  /**
   * Stores the rows whose event id is new (in the database and within the
   * batch), all in one transaction, and returns how many were stored, and
   * which.
   */
  async insert(
    rows: EventRow[],
  ): Promise<{ inserted: number; stored: EventRow[] }> {
    // Each (entity, id) once, as first given, in the one order of byKey.
    // Rows stored already are not looked up first: the conflict clause skips
    // them (a lookup of 500 pairs cost more than the inserts).
    const unique = new Map<string, EventRow>();
    for (const row of rows) {
      const k = key(row);
      if (!unique.has(k)) unique.set(k, row);
    }
    const fresh = [...unique.keys()]
      .sort((a, b) => Number(a > b) - Number(a < b))
      .map(k => unique.get(k)!);
    const { chunk } = this.table;
    return retryTransientConflict(() =>
      this.db.transaction(async tx => {
        const stored: EventRow[] = [];
        for (let i = 0; i < fresh.length; i += chunk) {
          // Stored before, or by a concurrent batch meanwhile: only the rows
          // this statement stored count.
          const rowsOfChunk = fresh.slice(i, i + chunk);
          const written = new Set(
            (await this.table.insertNew(tx, rowsOfChunk)).map(key),
          );
          stored.push(...rowsOfChunk.filter(row => written.has(key(row))));
        }
        await this.keepRollups(
          tx,
          stored.map(after => ({ after })),
        );
        return { inserted: stored.length, stored };
      }),
    );
  }

  /**
   * Stores the events and commits of one repository or service of a tool in
   * one transaction: each event merged into the stored one of the same id
   * (tools report an incident in steps, and redeliver), each deployment
   * that names a commit given the commit's time when it is known, and the
   * deployments that waited for one of `commits` given theirs.
   * `stored` counts rows written, `duplicates` rows that were already so;
   * `written` holds the rows written, as stored now.
   */
  async record(input: {
    scope: string;
    rows: EventRow[];
    commits: CommitRow[];
    merge: EventMerge;
  }): Promise<{ stored: number; duplicates: number; written: EventRow[] }> {
    const { scope, rows, commits, merge } = input;
    return retryTransientConflict(() =>
      this.db.transaction(async tx => {
        if (commits.length > 0) {
          await tx('delivery_commits')
            .insert(commits.map(c => ({ ...c, received_at: new Date() })))
            .onConflict(['scope', 'sha'])
            .ignore();
        }
        // The stored time of each commit, the first one seen: a commit
        // delivered again (or by another tool) keeps the time it had.
        const shas = [
          ...new Set([
            ...rows.flatMap(r => (r.commit_sha ? [r.commit_sha] : [])),
            ...commits.map(c => c.sha),
          ]),
        ];
        const commitTimes = new Map<string, Date>(
          shas.length === 0
            ? []
            : (
                await tx('delivery_commits')
                  .where('scope', scope)
                  .whereIn('sha', shas)
                  .select('sha', 'committed_at')
              ).map(c => [c.sha, this.toDate(c.committed_at)]),
        );

        const storedRows = new Map(
          (await this.stored(tx, rows, ['*'])).map(r => [
            key(r),
            this.fromDb(r),
          ]),
        );
        // Deployments stored earlier that waited for one of these commits.
        if (commits.length > 0) {
          const waiting = await tx('delivery_events')
            .where('commit_scope', scope)
            .whereIn(
              'commit_sha',
              commits.map(c => c.sha),
            )
            .whereNull('lead_seconds')
            .select('*');
          for (const w of waiting) {
            const row = this.fromDb(w);
            if (!storedRows.has(key(row))) storedRows.set(key(row), row);
          }
        }
        const written = new Map<string, EventRow>();
        for (const fresh of rows) {
          const stored = written.get(key(fresh)) ?? storedRows.get(key(fresh));
          written.set(
            key(fresh),
            merge(
              fresh,
              stored,
              fresh.commit_sha ? commitTimes.get(fresh.commit_sha) : undefined,
            ),
          );
        }
        for (const [k, stored] of storedRows) {
          if (
            !written.has(k) &&
            stored.commit_sha &&
            stored.lead_seconds === null
          ) {
            const time = commitTimes.get(stored.commit_sha);
            if (time) written.set(k, merge(stored, stored, time));
          }
        }

        let duplicates = 0;
        const changed: EventRow[] = [];
        const rolled: EventChange[] = [];
        for (const row of [...written.values()].sort(byKey)) {
          const before = storedRows.get(key(row));
          rolled.push({ before, after: row });
          if (!before) {
            // Stored by a concurrent transaction meanwhile: this row wins.
            if ((await this.table.insertNew(tx, [row])).length === 0) {
              await this.table.update(tx, row);
            }
            changed.push(row);
          } else if (
            before.payload === row.payload &&
            before.lead_seconds === row.lead_seconds
          ) {
            duplicates += 1;
          } else {
            await this.table.update(
              tx,
              { ...row, received_at: before.received_at },
              before,
            );
            changed.push(row);
          }
        }
        await this.keepRollups(tx, rolled);
        return { stored: changed.length, duplicates, written: changed };
      }),
    );
  }

  /**
   * Adds the changes to the rollups of their entities, in their
   * transaction; the series are read after the writes, under the lock that
   * orders them with a backfill (see SliRollupStore).
   */
  private async keepRollups(
    tx: Knex.Transaction,
    changes: EventChange[],
  ): Promise<void> {
    if (!this.rollups || changes.length === 0) return;
    const series = await this.rollups.lockAndList(
      tx,
      changes.map(c => (c.after ?? c.before)!.entity_ref),
    );
    await this.rollups.apply(tx, series, changes);
  }

  /** The stored rows with the (entity ref, event id) of any of `rows`. */
  private async stored(
    tx: Knex.Transaction,
    rows: Array<{ entity_ref: string; event_id: string }>,
    columns: string[],
  ): Promise<any[]> {
    // One statement per 500 (entity, id) pairs, on the primary key: a batch
    // spread over many entities costs no more statements than one of one.
    const pairs = [
      ...new Map(rows.map(r => [key(r), [r.entity_ref, r.event_id]])).values(),
    ];
    const found: any[] = [];
    for (let i = 0; i < pairs.length; i += 500) {
      found.push(
        ...(await this.table.find(tx, pairs.slice(i, i + 500), columns)),
      );
    }
    return found;
  }

  private fromDb(row: any): EventRow {
    return {
      ...row,
      occurred_at: this.toDate(row.occurred_at),
      received_at: this.toDate(row.received_at),
      succeeded:
        row.succeeded === null || row.succeeded === undefined
          ? null
          : Boolean(row.succeeded),
      lead_seconds: row.lead_seconds === null ? null : Number(row.lead_seconds),
    };
  }

  private toDate(value: unknown): Date {
    return value instanceof Date ? value : new Date(value as number);
  }
}
