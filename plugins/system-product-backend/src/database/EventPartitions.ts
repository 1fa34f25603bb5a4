import { Knex } from 'knex';

/** Months whose partitions are made ahead, after the current one. */
export const MONTHS_AHEAD = 3;
/** The partition of events whose month has no partition (yet). */
export const DEFAULT_PARTITION = 'delivery_events_default';

const PARENT = 'delivery_events';
const MONTH_PARTITION = /^delivery_events_p(\d{4})(\d{2})$/;
/** A month partition retention detached, until its ids are deleted and it is dropped. */
const RETIRED = /^delivery_events_retired_p\d{6}$/;
/**
 * Serializes the plugin's changes of partitions across replicas. A 64-bit
 * key: never one of the rollups' two-key advisory locks.
 */
const PARTITION_LOCK = 0x53504550; // "SPEP"
/** How long a partition change waits for a lock before it gives up (and is tried again later). */
const LOCK_TIMEOUT = "set local lock_timeout = '10s'";
/** Rows a statement when events are deleted. */
const BATCH = 10_000;

/** An event's month, UTC, numbered year × 12 + month index. */
export const monthOf = (t: Date): number =>
  t.getUTCFullYear() * 12 + t.getUTCMonth();

/** The first instant of a month (see {@link monthOf}). */
export const monthStart = (month: number): Date =>
  new Date(Date.UTC(Math.floor(month / 12), month % 12, 1));

/** The month partition's name: `delivery_events_p202611`. */
export function partitionName(month: number): string {
  const mm = String((month % 12) + 1).padStart(2, '0');
  return `delivery_events_p${Math.floor(month / 12)}${mm}`;
}

/** Months get a partition only in years of four digits, which their names fit. */
const nameable = (month: number) => month >= 1000 * 12 && month < 10000 * 12;

/** The month of `occurred_at` in SQL, as {@link monthOf} numbers it. */
const MONTH_SQL =
  "(extract(year from occurred_at at time zone 'UTC') * 12 + extract(month from occurred_at at time zone 'UTC') - 1)::int";

/** A month's bounds as SQL literals (DDL takes no bound values); ISO text only. */
const bounds = (month: number) =>
  `from ('${monthStart(month).toISOString()}') to ('${monthStart(
    month + 1,
  ).toISOString()}')`;

/** What {@link EventPartitions.maintain} did. */
export interface PartitionMaintenance {
  /** The partitions it made, oldest first. */
  made: string[];
  /** Events it moved from the default partition into them. */
  moved: number;
}

/** What {@link EventPartitions.deleteBefore} deleted. */
export interface DeletedEvents {
  /** Month partitions dropped whole (PostgreSQL). */
  partitions: string[];
  /** Events deleted, in those partitions and elsewhere. */
  events: number;
}

/**
 * The layout of `delivery_events` over time. On PostgreSQL (migration
 * `20261208100000_partitioned_events`) it is partitioned by range of
 * `occurred_at`, one partition a UTC month, with a default partition for
 * the rest; `maintain` makes the months ahead, and `deleteBefore` drops
 * whole months. SQLite keeps one table: `maintain` does nothing there and
 * `deleteBefore` deletes rows.
 */
export class EventPartitions {
  constructor(private readonly db: Knex) {}

  /**
   * Makes the partitions of the current month and the {@link MONTHS_AHEAD}
   * after it, and of every month up to then that has events in the default
   * partition (from `notBefore`'s month on, when given: retention deletes
   * older ones), moving those events in. Each partition in its own
   * transaction: made apart, its events copied in and deleted from the
   * default partition, then attached. Safe to run on several replicas at
   * once.
   */
  async maintain(
    options: { now?: Date; notBefore?: Date } = {},
  ): Promise<PartitionMaintenance> {
    const done: PartitionMaintenance = { made: [], moved: 0 };
    if (!(await this.isPartitioned())) return done;
    const current = monthOf(options.now ?? new Date());
    const horizon = current + MONTHS_AHEAD;
    const floor = options.notBefore ? monthOf(options.notBefore) : -Infinity;
    const existing = await this.monthPartitions(this.db);
    const waiting = await this.db(DEFAULT_PARTITION)
      .distinct(this.db.raw(`${MONTH_SQL} as month`))
      .then(rows => rows.map(r => Number(r.month)));
    const months = new Set(waiting.filter(m => m >= floor && m <= horizon));
    for (let m = current; m <= horizon; m++) months.add(m);
    const toMake = [...months]
      .filter(m => nameable(m) && !existing.has(m))
      .sort((a, b) => a - b);
    for (const month of toMake) {
      const moved = await this.make(month);
      if (moved === undefined) continue;
      done.made.push(partitionName(month));
      done.moved += moved;
    }
    return done;
  }

  /**
   * Deletes every event that occurred before `before`, the start of a UTC
   * month: on PostgreSQL by detaching the month partitions before it (one
   * short transaction), then deleting their ids in batches and dropping
   * them, and deleting such events from the default partition; on SQLite in
   * batches of rows.
   */
  async deleteBefore(before: Date): Promise<DeletedEvents> {
    if (monthStart(monthOf(before)).getTime() !== before.getTime()) {
      throw new Error(
        `Events are deleted in whole months, not before ${before.toISOString()}`,
      );
    }
    if (this.db.client.config.client !== 'pg') {
      return { partitions: [], events: await this.deleteRows(before) };
    }
    if (!(await this.isPartitioned())) {
      throw new Error(
        'delivery_events is not partitioned: apply the migration 20261208100000_partitioned_events',
      );
    }
    const boundary = monthOf(before);
    const partitions = await this.db.transaction(async tx => {
      await tx.raw(LOCK_TIMEOUT);
      await tx.raw('select pg_advisory_xact_lock(?)', [PARTITION_LOCK]);
      const old = [...(await this.monthPartitions(tx))]
        .filter(([month]) => month < boundary)
        .sort(([a], [b]) => a - b)
        .map(([, name]) => name);
      for (const name of old) {
        await tx.raw(`alter table ${PARENT} detach partition ??`, [name]);
        await tx.raw('alter table ?? rename to ??', [
          name,
          name.replace(/^delivery_events_/, 'delivery_events_retired_'),
        ]);
      }
      return old;
    });
    let events = 0;
    // Also those of a run that stopped before it was through.
    for (const table of await this.retiredTables()) {
      events += await this.dropRetired(table, before);
    }
    events += await this.deleteFromDefault(before);
    return { partitions, events };
  }

  /** Whether `delivery_events` is partitioned: on PostgreSQL, once migrated. */
  async isPartitioned(): Promise<boolean> {
    if (this.db.client.config.client !== 'pg') return false;
    const { rows } = await this.db.raw(
      'select relkind from pg_class where oid = to_regclass(?)',
      [PARENT],
    );
    return rows[0]?.relkind === 'p';
  }

  /** The month partitions attached to `delivery_events`, by month. */
  async monthPartitions(db: Knex = this.db): Promise<Map<number, string>> {
    const { rows } = await db.raw(
      `select c.relname as name from pg_inherits i
       join pg_class c on c.oid = i.inhrelid
       where i.inhparent = to_regclass(?)`,
      [PARENT],
    );
    const months = new Map<number, string>();
    for (const { name } of rows as Array<{ name: string }>) {
      const m = MONTH_PARTITION.exec(name);
      if (m) months.set(Number(m[1]) * 12 + Number(m[2]) - 1, name);
    }
    return months;
  }

  /**
   * Makes one month's partition (undefined when another replica made it
   * meanwhile) and returns how many events it moved in from the default
   * partition. The default partition is locked first, so that no event
   * lands there meanwhile, and for as long as the transaction lasts (short:
   * it holds only what no partition was made for).
   */
  private async make(month: number): Promise<number | undefined> {
    const name = partitionName(month);
    const from = monthStart(month);
    const to = monthStart(month + 1);
    return this.db.transaction(async tx => {
      await tx.raw(LOCK_TIMEOUT);
      await tx.raw('select pg_advisory_xact_lock(?)', [PARTITION_LOCK]);
      const { rows } = await tx.raw('select to_regclass(?) as oid', [name]);
      if (rows[0]?.oid) return undefined;
      await tx.raw('lock table ?? in access exclusive mode', [
        DEFAULT_PARTITION,
      ]);
      await tx.raw(
        `create table ?? (like ${PARENT} including defaults including constraints including storage)`,
        [name],
      );
      const moved = await tx.raw(
        'insert into ?? select * from ?? where occurred_at >= ? and occurred_at < ?',
        [name, DEFAULT_PARTITION, from, to],
      );
      if (moved.rowCount > 0) {
        await tx(DEFAULT_PARTITION)
          .where('occurred_at', '>=', from)
          .andWhere('occurred_at', '<', to)
          .delete();
      }
      await tx.raw(
        `alter table ${PARENT} attach partition ?? for values ${bounds(month)}`,
        [name],
      );
      return Number(moved.rowCount);
    });
  }

  /** Tables of month partitions retention detached and did not drop yet. */
  private async retiredTables(): Promise<string[]> {
    const { rows } = await this.db.raw(
      `select tablename from pg_tables
       where schemaname = current_schema() and tablename like 'delivery\\_events\\_retired\\_%'
       order by tablename`,
    );
    return (rows as Array<{ tablename: string }>)
      .map(r => r.tablename)
      .filter(t => RETIRED.test(t));
  }

  /**
   * Deletes the ids of a detached month's events, a batch a statement in
   * the order of its primary key, then drops it: how many events it held.
   * An id whose event moved on (stored again after the detaching, at a
   * later time) stays.
   */
  private async dropRetired(table: string, before: Date): Promise<number> {
    let events = 0;
    let after: [string, string] = ['', ''];
    for (;;) {
      const { rows } = await this.db.raw(
        `with batch as (
          select entity_ref, event_id from ?? where (entity_ref, event_id) > (?, ?)
          order by entity_ref, event_id limit ?
        ), gone as (
          delete from delivery_event_ids i using batch b
          where i.entity_ref = b.entity_ref and i.event_id = b.event_id
            and i.occurred_at < ?
        )
        select entity_ref, event_id, (select count(*) from batch)::int as n
        from batch order by entity_ref desc, event_id desc limit 1`,
        [table, ...after, BATCH, before],
      );
      if (rows.length === 0) break;
      events += rows[0].n;
      after = [rows[0].entity_ref, rows[0].event_id];
      if (rows[0].n < BATCH) break;
    }
    await this.db.schema.dropTable(table);
    return events;
  }

  /** Deletes the events before `before` from the default partition, with their ids, in batches. */
  private async deleteFromDefault(before: Date): Promise<number> {
    let events = 0;
    for (;;) {
      const { rows } = await this.db.raw(
        `with gone as (
          delete from ?? where ctid = any(array(
            select ctid from ?? where occurred_at < ? limit ?
          ))
          returning entity_ref, event_id, occurred_at
        ), ids as (
          delete from delivery_event_ids i using gone g
          where i.entity_ref = g.entity_ref and i.event_id = g.event_id
            and i.occurred_at = g.occurred_at
        )
        select count(*)::int as n from gone`,
        [DEFAULT_PARTITION, DEFAULT_PARTITION, before, BATCH],
      );
      events += rows[0].n;
      if (rows[0].n === 0) return events;
    }
  }

  /** One table (SQLite): deletes the events before `before`, in batches. */
  private async deleteRows(before: Date): Promise<number> {
    let events = 0;
    for (;;) {
      const n = await this.db(PARENT)
        .whereRaw(
          'rowid in (select rowid from ?? where occurred_at < ? limit ?)',
          [PARENT, before, BATCH],
        )
        .delete();
      events += n;
      if (n === 0) return events;
    }
  }
}
