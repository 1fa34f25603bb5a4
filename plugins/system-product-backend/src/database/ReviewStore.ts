import {
  ReviewCadence,
  ReviewDigest,
  ReviewSummary,
} from '@system-product/backstage-plugin-common';
import { Knex } from 'knex';
import { isUniqueViolation, toIso } from './dbValues';

/** Friction of one touchpoint in a period, as counted. */
export interface PeriodFriction {
  touchpointId: string;
  reports: number;
  reporters: number;
  averageSeverity: number;
}

/** A round open in a period, with its published counts. */
export interface PeriodRound {
  id: string;
  title: string;
  templateId: string;
  triggerId: string | null;
  opensAt: string;
  publishedResponses: number;
  /** question id → its kind (nps, csat, likert, text), from the template. */
  kinds: Record<string, string>;
  /** question id → value → count, of questions shown (k answers or more). */
  counts: Record<string, Record<number, number>>;
}

/** Review settings and past reviews, and what a review reads of a period. */
export class ReviewStore {
  constructor(private readonly db: Knex) {}

  async getCadence(entityRef: string): Promise<ReviewCadence> {
    const row = await this.db('review_settings')
      .where({ entity_ref: entityRef })
      .first('cadence');
    return row?.cadence ?? 'off';
  }

  async setCadence(
    entityRef: string,
    cadence: ReviewCadence,
    by: string,
  ): Promise<void> {
    await this.db('review_settings')
      .insert({
        entity_ref: entityRef,
        cadence,
        updated_by: by,
        updated_at: new Date(),
      })
      .onConflict('entity_ref')
      .merge();
  }

  /** Every entity with reviews on, and how often. */
  async scheduled(): Promise<
    Array<{ entityRef: string; cadence: ReviewCadence }>
  > {
    const rows = await this.db('review_settings')
      .whereNot({ cadence: 'off' })
      .select('entity_ref', 'cadence');
    return rows.map(r => ({ entityRef: r.entity_ref, cadence: r.cadence }));
  }

  /**
   * Stores a review; false when one of the same period was stored already
   * (two replicas at once).
   */
  async insert(review: ReviewDigest): Promise<boolean> {
    try {
      await this.db('review_digests').insert({
        id: review.id,
        entity_ref: review.entityRef,
        cadence: review.cadence,
        period_from: new Date(review.from),
        period_to: new Date(review.to),
        created_at: new Date(review.createdAt),
        digest: JSON.stringify(review),
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async exists(entityRef: string, cadence: string, to: Date): Promise<boolean> {
    const row = await this.db('review_digests')
      .where({ entity_ref: entityRef, cadence, period_to: to })
      .first('id');
    return Boolean(row);
  }

  async list(entityRef: string): Promise<ReviewSummary[]> {
    const rows = await this.db('review_digests')
      .where({ entity_ref: entityRef })
      .orderBy([
        { column: 'period_to', order: 'desc' },
        { column: 'created_at', order: 'desc' },
      ])
      .select(
        'id',
        'entity_ref',
        'cadence',
        'period_from',
        'period_to',
        'created_at',
      );
    return rows.map(r => ({
      id: r.id,
      entityRef: r.entity_ref,
      cadence: r.cadence,
      from: toIso(r.period_from),
      to: toIso(r.period_to),
      createdAt: toIso(r.created_at),
    }));
  }

  async get(entityRef: string, id: string): Promise<ReviewDigest | undefined> {
    const row = await this.db('review_digests')
      .where({ entity_ref: entityRef, id })
      .first('digest');
    return row && JSON.parse(row.digest);
  }

  /** Friction reports per touchpoint created in [from, to). */
  async frictionIn(
    entityRef: string,
    from: Date,
    to: Date,
  ): Promise<Map<string, PeriodFriction>> {
    const rows: any[] = await this.db('friction_reports')
      .where({ entity_ref: entityRef })
      .andWhere('created_at', '>=', from)
      .andWhere('created_at', '<', to)
      .groupBy('touchpoint_id')
      .select('touchpoint_id')
      .count({ reports: '*' })
      .countDistinct({ reporters: 'reporter_key' })
      .avg({ average: 'severity' });
    return new Map(
      rows.map(r => [
        r.touchpoint_id,
        {
          touchpointId: r.touchpoint_id,
          reports: Number(r.reports),
          reporters: Number(r.reporters),
          averageSeverity: Number(r.average),
        },
      ]),
    );
  }

  /**
   * The entity's rounds (survey and moment) open at some time in
   * [from, to), and for each the round before it of the same template and
   * trigger, with their published counts of the questions shown.
   */
  async roundsWithPrevious(
    entityRef: string,
    from: Date,
    to: Date,
    minShown: number,
  ): Promise<Array<{ round: PeriodRound; previous?: PeriodRound }>> {
    const rounds: any[] = await this.db('survey_rounds as r')
      // The questions of the version each round was opened with.
      .join('survey_template_versions as t', function onVersion() {
        this.on('t.template_id', '=', 'r.template_id').andOn(
          't.version',
          '=',
          'r.template_version',
        );
      })
      .where('r.entity_ref', entityRef)
      .orderBy('r.opens_at')
      .select(
        'r.id',
        'r.title',
        'r.template_id',
        'r.trigger_id',
        'r.opens_at',
        'r.closes_at',
        'r.published_responses',
        't.questions',
      );
    if (rounds.length === 0) return [];
    const counts: any[] = await this.db('survey_published_questions as q')
      .join('survey_published_counts as c', function onQuestion() {
        this.on('c.round_id', '=', 'q.round_id').andOn(
          'c.question_id',
          '=',
          'q.question_id',
        );
      })
      .whereIn(
        'q.round_id',
        rounds.map(r => r.id),
      )
      .andWhere('q.shown', '>=', minShown)
      .select('q.round_id', 'c.question_id', 'c.value', 'c.count');
    const byRound = new Map<string, PeriodRound['counts']>();
    for (const c of counts) {
      const of = byRound.get(c.round_id) ?? {};
      (of[c.question_id] ??= {})[Number(c.value)] = Number(c.count);
      byRound.set(c.round_id, of);
    }
    const toRound = (r: any): PeriodRound => ({
      id: r.id,
      title: r.title,
      templateId: r.template_id,
      triggerId: r.trigger_id ?? null,
      opensAt: toIso(r.opens_at),
      publishedResponses: Number(r.published_responses ?? 0),
      kinds: Object.fromEntries(
        (JSON.parse(r.questions) as Array<{ id: string; kind: string }>).map(
          q => [q.id, q.kind],
        ),
      ),
      counts: byRound.get(r.id) ?? {},
    });
    const result: Array<{ round: PeriodRound; previous?: PeriodRound }> = [];
    rounds.forEach((r, i) => {
      const opens = new Date(r.opens_at).getTime();
      const closes = new Date(r.closes_at).getTime();
      if (!(opens < to.getTime() && closes > from.getTime())) return;
      const previous = rounds
        .slice(0, i)
        .reverse()
        .find(
          p =>
            p.template_id === r.template_id &&
            (p.trigger_id ?? null) === (r.trigger_id ?? null),
        );
      result.push({
        round: toRound(r),
        previous: previous && toRound(previous),
      });
    });
    return result;
  }
}
