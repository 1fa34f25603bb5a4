import {
  SliDefinition,
  SliProblemQuery,
  SliQuery,
  SliRangesQuery,
  SliSource,
} from '@system-product/backstage-plugin-node';
import { EventCountStore, RuleCounts } from '../database/EventCountStore';
import { SliRollupStore, seriesIdOf } from '../database/SliRollupStore';
import {
  EventRule,
  SURVEY_SLICES,
  SliCounts,
  SliceCounts,
  TimeRange,
  countingRuleOf,
  countsOf,
} from './countingRule';
import { piecesOf, slicePiecesOf } from './rollupPieces';

export type { SliCounts, SliceCounts, TimeRange };

const add = (a: RuleCounts, b: RuleCounts): RuleCounts => ({
  total: a.total + b.total,
  matched: a.matched + b.matched,
});

/** The metric source type of the built-in source. */
export const SYSTEM_PRODUCT_SLI_TYPE = 'system-product';

/**
 * The built-in SLI source over the plugin's own delivery events and survey
 * answers, for metric source type `system-product`: an {@link SliSource} like
 * a module's, registered in the backend's SLI source registry when the
 * plugin starts. It derives how it counts from the specs it is handed
 * ({@link countingRuleOf}). With rollups (`rollups` given), an indicator
 * whose series is kept is counted from whole minute and hour buckets and
 * the raw events of the partial minutes at the ends of each range: the
 * same counts as from the raw events alone, at a cost that does not grow
 * with the events in the window. The first count of an indicator fills its series from the
 * stored events (the scheduled evaluation and the creation of an SLO do it
 * ahead of any request).
 */
export class EventSliSource implements SliSource {
  readonly type = SYSTEM_PRODUCT_SLI_TYPE;
  /** Ids of the series known to be kept (a kept series stays kept). */
  private readonly kept = new Set<string>();
  /** Fills under way here, by series id: a series is filled once. */
  private readonly filling = new Map<string, Promise<number>>();

  /**
   * `minResponses` is the survey k: an SLI over survey answers needs at least
   * that many answers in its range, like every other survey aggregate.
   */
  constructor(
    private readonly events: EventCountStore,
    private readonly options: {
      minResponses: number;
      rollups?: SliRollupStore;
    },
  ) {}

  /** Why an SLI cannot be measured from these events, before any event is read. */
  problemOf(query: SliProblemQuery): string | undefined {
    const rule = countingRuleOf(query);
    if (typeof rule === 'string') return rule;
    if (rule.kind === 'survey' && query.budgetingMethod !== 'Occurrences') {
      return SURVEY_SLICES;
    }
    return undefined;
  }

  /**
   * Starts keeping the rollup of the SLI if it is not kept yet (filled
   * from the stored events); returns the events it counted, or undefined
   * when there is nothing to keep (survey answers are kept as counts
   * already, an unmeasurable SLI has no rule).
   */
  async keepRollup(
    entityRef: string,
    sli: SliDefinition,
  ): Promise<number | undefined> {
    const rule = countingRuleOf(sli);
    if (!this.options.rollups || typeof rule === 'string') return undefined;
    if (rule.kind !== 'events') return undefined;
    return this.fill(entityRef, rule);
  }

  /**
   * Fills the rule's series unless it is known to be kept; callers at once
   * share one fill. Returns the events counted (0 when it was kept).
   */
  private fill(entityRef: string, rule: EventRule): Promise<number> {
    const id = seriesIdOf(entityRef, rule);
    if (this.kept.has(id)) return Promise.resolve(0);
    let filling = this.filling.get(id);
    if (!filling) {
      filling = this.options
        .rollups!.backfill(entityRef, rule)
        .then(events => {
          this.kept.add(id);
          return events;
        })
        .finally(() => this.filling.delete(id));
      this.filling.set(id, filling);
    }
    return filling;
  }

  /** Good and total over [from, to). */
  async count(query: SliQuery): Promise<SliCounts> {
    const { from, to, ...rest } = query;
    const [counts] = await this.countRanges({
      ...rest,
      ranges: [{ from, to }],
    });
    if (typeof counts === 'string') throw new Error(counts);
    return counts;
  }

  /**
   * Good and total for each of several ranges (an SLO's window and the
   * windows of its burn-rate alerts): one statement over the raw events,
   * or one over the rollup's buckets and one over the edges. A range can
   * have its own reason, e.g. too few survey answers. An SLI it cannot
   * measure ({@link EventSliSource.problemOf}) throws.
   */
  async countRanges(query: SliRangesQuery): Promise<Array<SliCounts | string>> {
    const { entityRef, ranges } = query;
    const rule = countingRuleOf(query);
    if (typeof rule === 'string') throw new Error(rule);
    if (ranges.length === 0) return [];
    if (rule.kind === 'survey') {
      const k = this.options.minResponses;
      const counted = await this.events.countSurveyRanges(
        entityRef,
        rule,
        ranges,
      );
      return counted.map(c => {
        const result = countsOf(c.total, c.matched, false);
        if (result.total > 0 && result.total < k) {
          return `fewer than ${k} survey answers in this range; survey figures show from ${k} answers`;
        }
        return result;
      });
    }
    const seriesId = await this.keptSeries(entityRef, rule);
    const counted = seriesId
      ? await this.rolledRanges(entityRef, rule, seriesId, ranges)
      : await this.events.countRanges(entityRef, rule, ranges);
    return counted.map(c => countsOf(c.total, c.matched, rule.invert));
  }

  /**
   * Good and total per slice of `sliceMs` over [from, to), the slices counted
   * from `from` (slice k is [from + k × sliceMs, from + (k + 1) × sliceMs)),
   * for the Timeslices budgeting methods; slices without events are left out.
   */
  async countSlices(
    query: SliQuery & { sliceMs: number },
  ): Promise<SliceCounts[]> {
    const { entityRef, sliceMs } = query;
    const range: TimeRange = { from: query.from, to: query.to };
    const rule = countingRuleOf(query);
    if (typeof rule === 'string') throw new Error(rule);
    if (rule.kind === 'survey') throw new Error(SURVEY_SLICES);
    const origin = range.from.getTime();
    const seriesId = await this.keptSeries(entityRef, rule);
    const pieces = seriesId && slicePiecesOf(range.from, range.to, sliceMs);
    let slices;
    if (seriesId && pieces) {
      const [whole, tail] = await Promise.all([
        this.options.rollups!.sumSlices(
          seriesId,
          pieces.spans,
          sliceMs,
          origin,
        ),
        pieces.raw
          ? this.events.countSlices(
              entityRef,
              rule,
              pieces.raw,
              sliceMs,
              range.from,
            )
          : [],
      ]);
      const byIndex = new Map(whole.map(s => [s.index, s]));
      for (const s of tail) {
        const w = byIndex.get(s.index);
        byIndex.set(s.index, w ? { index: s.index, ...add(w, s) } : s);
      }
      slices = [...byIndex.values()].sort((a, b) => a.index - b.index);
    } else {
      slices = await this.events.countSlices(
        entityRef,
        rule,
        range,
        sliceMs,
        range.from,
      );
    }
    return slices.map(s => ({
      start: new Date(origin + s.index * sliceMs),
      ...countsOf(s.total, s.matched, rule.invert),
    }));
  }

  /**
   * The kept series of a rule when rollups are on; the first count of a
   * rule fills it from the stored events (once: a series, once kept, is
   * kept by every write of events, so it is remembered here).
   */
  private async keptSeries(
    entityRef: string,
    rule: EventRule,
  ): Promise<string | undefined> {
    const rollups = this.options.rollups;
    if (!rollups) return undefined;
    const id = seriesIdOf(entityRef, rule);
    if (!this.kept.has(id)) {
      // A series row exists only once filled (in the filling transaction).
      if (await rollups.find(entityRef, rule)) this.kept.add(id);
      else await this.fill(entityRef, rule);
    }
    return id;
  }

  /** Each range as the sum of its whole buckets and its raw edges. */
  private async rolledRanges(
    entityRef: string,
    rule: EventRule,
    seriesId: string,
    ranges: TimeRange[],
  ): Promise<RuleCounts[]> {
    const pieces = ranges.map(piecesOf);
    const edges = pieces.flatMap((p, i) => p.raw.map(r => ({ ...r, i })));
    const [whole, raw] = await Promise.all([
      this.options.rollups!.sumSpans(
        seriesId,
        pieces.map(p => p.spans),
      ),
      this.events.countEdges(entityRef, rule, edges),
    ]);
    edges.forEach((edge, e) => {
      whole[edge.i] = add(whole[edge.i], raw[e]);
    });
    return whole;
  }
}
