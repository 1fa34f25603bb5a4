import { Knex } from 'knex';
import { EventPartitions, monthOf, monthStart } from './EventPartitions';
import { SliRollupStore } from './SliRollupStore';

const DAY_MS = 86_400_000;
/** Rows a statement when commits are deleted. */
const BATCH = 10_000;

/**
 * The first instant retention keeps: the start of the UTC month that holds
 * `now` − `retentionDays`. Whole months, on both engines alike (PostgreSQL
 * drops month partitions), so at least `retentionDays` are kept, and at
 * most a month more.
 */
export function retentionBoundary(now: Date, retentionDays: number): Date {
  return monthStart(monthOf(new Date(now.getTime() - retentionDays * DAY_MS)));
}

/** What a retention run deleted. */
export interface RetentionRun {
  /** Everything before this went. */
  before: Date;
  /** Month partitions dropped (PostgreSQL). */
  partitions: string[];
  /** Delivery events deleted. */
  events: number;
  /** SLI rollup buckets deleted. */
  buckets: number;
  /** Commit times deleted (commits made before the boundary). */
  commits: number;
}

/**
 * Retention of delivery events (`systemProduct.events.retentionDays`):
 * every event before {@link retentionBoundary} goes, and with it the SLI
 * rollup buckets and the commit times before it, so that an SLO counts the
 * same from its rollups as from the events.
 *
 * The steps follow each other in short transactions (events, then buckets,
 * then commits): an event that occurred before the boundary and is stored
 * while a run deletes may stay, or stay counted in a bucket, until the
 * next run.
 */
export class EventRetention {
  constructor(
    private readonly db: Knex,
    private readonly partitions: EventPartitions,
    private readonly rollups: SliRollupStore,
  ) {}

  async run(retentionDays: number, now = new Date()): Promise<RetentionRun> {
    const before = retentionBoundary(now, retentionDays);
    const { partitions, events } = await this.partitions.deleteBefore(before);
    const buckets = await this.rollups.deleteBefore(before.getTime());
    let commits = 0;
    for (;;) {
      const n = await this.db('delivery_commits')
        .whereIn(
          ['scope', 'sha'],
          this.db('delivery_commits')
            .where('committed_at', '<', before)
            .limit(BATCH)
            .select('scope', 'sha'),
        )
        .delete();
      commits += n;
      if (n === 0) break;
    }
    return { before, partitions, events, buckets, commits };
  }
}
