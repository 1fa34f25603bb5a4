import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { EventRule, RuleFields, contribution } from '../slo/countingRule';
import {
  BucketSpan,
  ROLLUP_RESOLUTIONS,
  bucketStart,
} from '../slo/rollupPieces';
import { epochSpan } from './dbValues';
import {
  EventCountStore,
  RuleCounts,
  SliceRuleCounts,
} from './EventCountStore';

/** A stored event as the rollups see it: its rule fields, entity and time. */
export type RolledEvent = RuleFields & {
  entity_ref: string;
  occurred_at: Date;
};

/** One event stored, changed (`before` and `after`) or removed. */
export interface EventChange {
  before?: RolledEvent;
  after?: RolledEvent;
}

/** A counting rule whose counts are kept, for one entity. */
export interface RollupSeries {
  seriesId: string;
  entityRef: string;
  rule: EventRule;
}

/**
 * Bucket rows a statement: 5 values each, SQLite allows 999 bound values a
 * statement, PostgreSQL 65,535.
 */
const chunkOf = (db: Knex) => (db.client.config.client === 'pg' ? 10_000 : 150);
/** Namespace of the plugin's advisory locks on PostgreSQL ("SP"). */
const LOCK_CLASS = 0x5350;

/** A stable 32-bit key of an entity ref for an advisory lock. */
function lockKey(entityRef: string): number {
  return createHash('sha256').update(entityRef).digest().readInt32BE(0);
}

/** The id of an entity's series of a rule: the same rule, the same series. */
export function seriesIdOf(entityRef: string, rule: EventRule): string {
  // Keys in one order at every level, however the rule was built.
  const keys = [...new Set([...Object.keys(rule), ...Object.keys(rule.match)])];
  const canonical = JSON.stringify([entityRef, rule], keys.sort());
  return createHash('sha256').update(canonical).digest('hex').slice(0, 48);
}

/**
 * Rollups of SLIs: per entity and counting rule, the events and matches per
 * minute and per hour. They are kept in the transaction that stores an
 * event (`apply`), filled once from the stored events (`backfill`), and
 * read as sums of whole buckets (`sumRanges`, `sumSlices`).
 *
 * On PostgreSQL a backfill holds an exclusive advisory lock on its entity
 * and every ingesting transaction a shared one on each entity it writes,
 * taken before it reads the series: an event is counted either by the
 * backfill or by the transaction that stores it, never by both or neither.
 * SQLite runs one writing transaction at a time.
 */
export class SliRollupStore {
  constructor(private readonly db: Knex) {}

  private isPg(db: Knex = this.db): boolean {
    return db.client.config.client === 'pg';
  }

  /** The series of these entities (and event types), within a transaction that will change their events. */
  async lockAndList(
    tx: Knex.Transaction,
    entityRefs: string[],
  ): Promise<RollupSeries[]> {
    const refs = [...new Set(entityRefs)].sort();
    if (refs.length === 0) return [];
    if (this.isPg(tx)) {
      const keys = [...new Set(refs.map(lockKey))].sort((a, b) => a - b);
      await tx.raw(
        'select count(pg_advisory_xact_lock_shared(?, k)) from unnest(?::int[]) as k',
        [LOCK_CLASS, keys],
      );
    }
    const rows = await tx('sli_rollup_series')
      .whereIn('entity_ref', refs)
      .select('series_id', 'entity_ref', 'rule');
    return rows.map(toSeries);
  }

  /**
   * Adds what changed events add to (and take from) the buckets of the
   * given series, in the caller's transaction.
   */
  async apply(
    tx: Knex.Transaction,
    series: RollupSeries[],
    changes: EventChange[],
  ): Promise<void> {
    if (series.length === 0 || changes.length === 0) return;
    const byEntity = new Map<string, RollupSeries[]>();
    for (const s of series) {
      byEntity.set(s.entityRef, [...(byEntity.get(s.entityRef) ?? []), s]);
    }
    const deltas = new Map<
      string,
      {
        series_id: string;
        resolution_ms: number;
        bucket_start: number;
        total: number;
        matched: number;
      }
    >();
    const add = (s: RollupSeries, event: RolledEvent, sign: 1 | -1) => {
      const counted = contribution(s.rule, event);
      if (!counted) return;
      for (const resolution of ROLLUP_RESOLUTIONS) {
        const start = bucketStart(event.occurred_at.getTime(), resolution);
        const k = `${s.seriesId}\n${resolution}\n${start}`;
        const d = deltas.get(k) ?? {
          series_id: s.seriesId,
          resolution_ms: resolution,
          bucket_start: start,
          total: 0,
          matched: 0,
        };
        d.total += sign * counted.total;
        d.matched += sign * counted.matched;
        deltas.set(k, d);
      }
    };
    for (const change of changes) {
      const entityRef = (change.after ?? change.before)!.entity_ref;
      for (const s of byEntity.get(entityRef) ?? []) {
        if (change.before) add(s, change.before, -1);
        if (change.after) add(s, change.after, 1);
      }
    }
    const rows = [...deltas.values()]
      .filter(d => d.total !== 0 || d.matched !== 0)
      // One order of rows for every transaction, so they wait, not deadlock.
      .sort(
        (a, b) =>
          Number(a.series_id > b.series_id) -
            Number(a.series_id < b.series_id) ||
          a.resolution_ms - b.resolution_ms ||
          a.bucket_start - b.bucket_start,
      );
    const chunk = chunkOf(tx);
    for (let i = 0; i < rows.length; i += chunk) {
      await tx('sli_rollup_buckets')
        .insert(rows.slice(i, i + chunk))
        .onConflict(['series_id', 'resolution_ms', 'bucket_start'])
        .merge({
          total: tx.raw('?? + ??', [
            'sli_rollup_buckets.total',
            'excluded.total',
          ]),
          matched: tx.raw('?? + ??', [
            'sli_rollup_buckets.matched',
            'excluded.matched',
          ]),
        });
    }
  }

  /**
   * Deletes the buckets of every series that start before `before` (epoch
   * ms), as retention deletes the events before it, one statement a series:
   * how many it deleted.
   */
  async deleteBefore(before: number): Promise<number> {
    const series: string[] = await this.db('sli_rollup_series').pluck(
      'series_id',
    );
    let deleted = 0;
    for (const seriesId of series) {
      deleted += await this.db('sli_rollup_buckets')
        .where('series_id', seriesId)
        .whereIn('resolution_ms', ROLLUP_RESOLUTIONS)
        .andWhere('bucket_start', '<', before)
        .delete();
    }
    return deleted;
  }

  /** The entity's series of a rule, if it is kept. */
  async find(
    entityRef: string,
    rule: EventRule,
  ): Promise<RollupSeries | undefined> {
    const row = await this.db('sli_rollup_series')
      .where('series_id', seriesIdOf(entityRef, rule))
      .first('series_id', 'entity_ref', 'rule');
    return row ? toSeries(row) : undefined;
  }

  /**
   * Starts keeping the entity's series of a rule: fills its buckets from
   * every stored event, in one transaction, and returns how many events it
   * counted. A series kept already is left as it is (0).
   */
  async backfill(entityRef: string, rule: EventRule): Promise<number> {
    const seriesId = seriesIdOf(entityRef, rule);
    return this.db.transaction(async tx => {
      if (this.isPg(tx)) {
        await tx.raw('select pg_advisory_xact_lock(?, ?)', [
          LOCK_CLASS,
          lockKey(entityRef),
        ]);
      }
      const existing = await tx('sli_rollup_series')
        .where('series_id', seriesId)
        .first('series_id');
      if (existing) return 0;
      const now = new Date();
      await tx('sli_rollup_series').insert({
        series_id: seriesId,
        entity_ref: entityRef,
        event_type: rule.type,
        rule: JSON.stringify(rule),
        created_at: now,
        ready_at: now,
      });
      // Minute buckets straight from the events, hour buckets from the
      // minutes: two INSERT ... SELECT statements, nothing through Node.
      // (The resolutions are the module's integer constants.)
      const counts = new EventCountStore(tx);
      const match = counts.matchSql(rule);
      const [hour, minute] = ROLLUP_RESOLUTIONS;
      const into =
        'insert into sli_rollup_buckets (series_id, resolution_ms, bucket_start, total, matched)';
      const events = counts
        .events(entityRef, rule)
        .select(
          epochSpan(tx, 'occurred_at', minute).wrap('(', ') as span'),
          tx.raw(
            `case when ${match.sql} then 1 else 0 end as m`,
            match.bindings,
          ),
        );
      await tx.raw(
        `${into} select ?, ${minute}, e.span * ${minute}, count(*), sum(e.m) from ? as e group by e.span`,
        [seriesId, events],
      );
      const minutes = tx('sli_rollup_buckets')
        .where({ series_id: seriesId, resolution_ms: minute })
        .select(
          'total',
          'matched',
          tx.raw(`(bucket_start / ${hour}) * ${hour} as hour_start`),
        );
      await tx.raw(
        `${into} select ?, ${hour}, h.hour_start, sum(h.total), sum(h.matched) from ? as h group by h.hour_start`,
        [seriesId, minutes],
      );
      const [row] = await tx('sli_rollup_buckets')
        .where({ series_id: seriesId, resolution_ms: minute })
        .sum({ counted: 'total' });
      return Number(row?.counted ?? 0);
    });
  }

  /**
   * Sums of whole buckets for each of several sets of spans, in one
   * statement: entry i is the total and matches over the spans `spans[i]`.
   */
  async sumSpans(
    seriesId: string,
    spans: BucketSpan[][],
  ): Promise<RuleCounts[]> {
    const all = spans.flat();
    if (all.length === 0) return spans.map(() => ({ total: 0, matched: 0 }));
    const inSpans = (set: BucketSpan[]) =>
      set.length === 0
        ? { sql: '1 = 0', bindings: [] as number[] }
        : {
            sql: set
              .map(
                () =>
                  '(resolution_ms = ? and bucket_start >= ? and bucket_start < ?)',
              )
              .join(' or '),
            bindings: set.flatMap(s => [s.resolution, s.from, s.to]),
          };
    // Only the buckets some set needs, each merged span a range of the
    // primary key (series, resolution, start): the read does not grow with
    // the series' history.
    const [row] = await this.db('sli_rollup_buckets')
      .where('series_id', seriesId)
      .andWhere(q => {
        for (const span of mergeSpans(all)) {
          q.orWhere(w =>
            w
              .where('resolution_ms', span.resolution)
              .andWhere('bucket_start', '>=', span.from)
              .andWhere('bucket_start', '<', span.to),
          );
        }
      })
      .select(
        spans.flatMap((set, i) => {
          const c = inSpans(set);
          return [
            this.db.raw(
              `coalesce(sum(case when ${c.sql} then total else 0 end), 0) as ??`,
              [...c.bindings, `total_${i}`],
            ),
            this.db.raw(
              `coalesce(sum(case when ${c.sql} then matched else 0 end), 0) as ??`,
              [...c.bindings, `matched_${i}`],
            ),
          ];
        }),
      );
    return spans.map((_, i) => ({
      total: Number(row?.[`total_${i}`] ?? 0),
      matched: Number(row?.[`matched_${i}`] ?? 0),
    }));
  }

  /**
   * Sums of the buckets in `spans` per slice of `sliceMs` from `origin`
   * (each bucket lies within one slice); slices without events left out.
   */
  async sumSlices(
    seriesId: string,
    spans: BucketSpan[],
    sliceMs: number,
    origin: number,
  ): Promise<SliceRuleCounts[]> {
    if (spans.length === 0) return [];
    const index = this.isPg()
      ? this.db.raw('((bucket_start - ?::bigint) / ?::bigint)', [
          origin,
          sliceMs,
        ])
      : this.db.raw('cast((bucket_start - ?) / ? as integer)', [
          origin,
          sliceMs,
        ]);
    const rows = await this.db('sli_rollup_buckets')
      .where('series_id', seriesId)
      .andWhere(q => {
        for (const s of spans) {
          q.orWhere(w =>
            w
              .where('resolution_ms', s.resolution)
              .andWhere('bucket_start', '>=', s.from)
              .andWhere('bucket_start', '<', s.to),
          );
        }
      })
      .select(
        index.wrap('(', ') as slice'),
        this.db.raw('sum(total) as total'),
        this.db.raw('sum(matched) as matched'),
      )
      .groupBy('slice');
    return rows
      .map((r: any) => ({
        index: Number(r.slice),
        total: Number(r.total),
        matched: Number(r.matched),
      }))
      .filter(s => s.total !== 0);
  }
}

/** The spans as few as they cover: overlapping or touching spans of one resolution joined. */
function mergeSpans(spans: BucketSpan[]): BucketSpan[] {
  const sorted = [...spans].sort(
    (a, b) => a.resolution - b.resolution || a.from - b.from,
  );
  const merged: BucketSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.resolution === span.resolution && span.from <= last.to) {
      last.to = Math.max(last.to, span.to);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

function toSeries(row: any): RollupSeries {
  return {
    seriesId: row.series_id,
    entityRef: row.entity_ref,
    rule: JSON.parse(row.rule),
  };
}
