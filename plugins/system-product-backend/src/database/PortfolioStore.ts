import { Knex } from 'knex';

/** Headline aggregates of many entities at once, each computed by the database. */
export interface EntityHeadlines {
  friction: Map<string, { reports: number; averageSeverity: number }>;
  latestRounds: Map<string, { roundId: string; responses: number }>;
  /** round id → question id → value → count, for the latest rounds. */
  roundCounts: Map<string, Record<string, Record<number, number>>>;
  roadmap: Map<string, Record<string, number>>;
}

/** Reads the portfolio's figures for a set of entities in a fixed number of queries. */
export class PortfolioStore {
  constructor(private readonly db: Knex) {}

  async headlines(entityRefs: string[]): Promise<EntityHeadlines> {
    const result: EntityHeadlines = {
      friction: new Map(),
      latestRounds: new Map(),
      roundCounts: new Map(),
      roadmap: new Map(),
    };
    if (entityRefs.length === 0) return result;

    const friction = await this.db('friction_reports')
      .whereIn('entity_ref', entityRefs)
      .groupBy('entity_ref')
      .select('entity_ref')
      .count({ reports: '*' })
      .avg({ average: 'severity' });
    for (const row of friction as any[]) {
      result.friction.set(row.entity_ref, {
        reports: Number(row.reports),
        averageSeverity: Number(row.average),
      });
    }

    // The newest round of each entity (by opening time).
    // Survey rounds only: a moment trigger's monthly rounds are not one.
    const latest = await this.db('survey_rounds as r')
      .whereIn('r.entity_ref', entityRefs)
      .whereNull('r.trigger_id')
      .whereNotExists(
        this.db('survey_rounds as newer')
          .whereRaw('newer.entity_ref = r.entity_ref')
          .whereNull('newer.trigger_id')
          .andWhereRaw('newer.opens_at > r.opens_at')
          .select(this.db.raw('1')),
      )
      .select('r.entity_ref', 'r.id', 'r.response_count');
    for (const row of latest) {
      result.latestRounds.set(row.entity_ref, {
        roundId: row.id,
        responses: Number(row.response_count),
      });
    }
    const roundIds = latest.map(row => row.id);
    if (roundIds.length > 0) {
      const counts = await this.db('survey_answer_counts')
        .whereIn('round_id', roundIds)
        .andWhere('count', '>', 0)
        .select('round_id', 'question_id', 'value', 'count');
      for (const row of counts) {
        const byQuestion = result.roundCounts.get(row.round_id) ?? {};
        (byQuestion[row.question_id] ??= {})[row.value] = Number(row.count);
        result.roundCounts.set(row.round_id, byQuestion);
      }
    }

    const roadmap = await this.db('roadmap_items')
      .whereIn('entity_ref', entityRefs)
      .groupBy('entity_ref', 'status')
      .select('entity_ref', 'status')
      .count({ items: '*' });
    for (const row of roadmap as any[]) {
      const byStatus = result.roadmap.get(row.entity_ref) ?? {};
      byStatus[row.status] = Number(row.items);
      result.roadmap.set(row.entity_ref, byStatus);
    }
    return result;
  }
}
