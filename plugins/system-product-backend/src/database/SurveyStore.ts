import {
  SurveyQuestion,
  SurveyRound,
  SurveyTemplate,
} from '@system-product/backstage-plugin-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { isUniqueViolation, retryTransientConflict, toIso } from './dbValues';

type RoundRow = {
  id: string;
  entity_ref: string;
  template_id: string;
  title: string;
  opens_at: string | Date;
  closes_at: string | Date;
  target_groups: string;
  response_count: number;
  created_by: string;
  created_at: string | Date;
};

/** An answer split into what is counted and what is kept as text. */
export interface StoredAnswer {
  scored: Record<string, number>;
  text: Record<string, string>;
}

/** Value counts of one round, as kept current with every answer. */
export interface RoundCounts {
  responses: number;
  /** question id → value → count */
  counts: Record<string, Record<number, number>>;
}

/** Storage of survey templates, rounds, responses and their kept counts. */
export class SurveyStore {
  constructor(private readonly db: Knex) {}

  async getTemplate(id: string): Promise<SurveyTemplate | undefined> {
    const row = await this.db('survey_templates').where({ id }).first();
    return (
      row && {
        id: row.id,
        title: row.title,
        questions: JSON.parse(row.questions),
      }
    );
  }

  async createRound(options: {
    entityRef: string;
    template: SurveyTemplate;
    title: string;
    opensAt: Date;
    closesAt: Date;
    targetGroups: string[];
    createdBy: string;
  }): Promise<SurveyRound> {
    const row: RoundRow = {
      id: randomUUID(),
      entity_ref: options.entityRef,
      template_id: options.template.id,
      title: options.title,
      opens_at: options.opensAt,
      closes_at: options.closesAt,
      target_groups: JSON.stringify(options.targetGroups),
      response_count: 0,
      created_by: options.createdBy,
      created_at: new Date(),
    };
    await this.db('survey_rounds').insert(row);
    return toRound(row, options.template.questions);
  }

  async listRounds(entityRef: string): Promise<SurveyRound[]> {
    const rows: (RoundRow & { questions: string })[] = await this.db(
      'survey_rounds as r',
    )
      .join('survey_templates as t', 't.id', 'r.template_id')
      .where('r.entity_ref', entityRef)
      .orderBy('r.opens_at', 'desc')
      .select('r.*', 't.questions');
    return rows.map(row => toRound(row, JSON.parse(row.questions)));
  }

  async getRound(id: string): Promise<SurveyRound | undefined> {
    const row: (RoundRow & { questions: string }) | undefined = await this.db(
      'survey_rounds as r',
    )
      .join('survey_templates as t', 't.id', 'r.template_id')
      .where('r.id', id)
      .first('r.*', 't.questions');
    return row && toRound(row, JSON.parse(row.questions));
  }

  /**
   * Stores one person's answer to a round, replacing their earlier one, and
   * moves the kept counts in the same transaction. Returns whether an earlier
   * answer was replaced.
   */
  async answer(options: {
    roundId: string;
    respondentKey: string;
    answer: StoredAnswer;
  }): Promise<{ replaced: boolean }> {
    const { roundId, respondentKey, answer } = options;
    const attempt = () =>
      this.db.transaction(async tx => {
        const earlierQuery = tx('survey_responses')
          .where({ round_id: roundId, respondent_key: respondentKey })
          .first('id', 'answers');
        // Two answers of one person at once (a double click, a retry) must
        // replace one after the other: each takes back the counts of the
        // answer it replaces, so it must read the one committed last. SQLite
        // runs one write transaction at a time anyway.
        if (tx.client.config.client === 'pg') earlierQuery.forUpdate();
        const earlier = await earlierQuery;
        const now = new Date();
        let responseId: number;
        const before: StoredAnswer | undefined =
          earlier && JSON.parse(earlier.answers);
        if (earlier) {
          await tx('survey_text_answers')
            .where({ response_id: earlier.id })
            .delete();
          await tx('survey_responses')
            .where({ id: earlier.id })
            .update({ answers: JSON.stringify(answer), submitted_at: now });
          responseId = earlier.id;
        } else {
          const [inserted] = await tx('survey_responses')
            .insert({
              round_id: roundId,
              respondent_key: respondentKey,
              answers: JSON.stringify(answer),
              submitted_at: now,
            })
            .returning('id');
          responseId = typeof inserted === 'object' ? inserted.id : inserted;
          await tx('survey_rounds')
            .where({ id: roundId })
            .increment('response_count', 1);
        }
        // Every answer touches the kept counts in one order (question, then
        // value), so concurrent answers of a round wait for each other
        // instead of deadlocking.
        for (const { questionId, value, delta } of countChanges(
          before,
          answer,
        )) {
          if (delta < 0) {
            await tx('survey_answer_counts')
              .where({ round_id: roundId, question_id: questionId, value })
              .decrement('count', -delta);
          } else {
            await tx('survey_answer_counts')
              .insert({
                round_id: roundId,
                question_id: questionId,
                value,
                count: delta,
              })
              .onConflict(['round_id', 'question_id', 'value'])
              .merge({
                count: tx.raw('?? + ?', ['survey_answer_counts.count', delta]),
              });
          }
        }
        const texts = Object.entries(answer.text)
          .filter(([, text]) => text.trim().length > 0)
          .map(([questionId, text]) => ({
            response_id: responseId,
            round_id: roundId,
            question_id: questionId,
            text,
          }));
        if (texts.length > 0) {
          await tx('survey_text_answers').insert(texts);
        }
        return { replaced: Boolean(earlier) };
      });
    try {
      return await retryTransientConflict(attempt);
    } catch (error) {
      // The same person answered twice at once: the second becomes a replacement.
      if (isUniqueViolation(error)) {
        return retryTransientConflict(attempt);
      }
      throw error;
    }
  }

  /**
   * Claims the rounds that closed by `now` and whose owners were not told
   * yet (at most `limit`): each is marked told here, so of several replicas
   * running the job only one tells.
   */
  async claimClosedRounds(
    now: Date,
    limit = 100,
  ): Promise<
    Array<{
      id: string;
      entityRef: string;
      title: string;
      closesAt: string;
      responses: number;
    }>
  > {
    const due = this.db('survey_rounds')
      .where('closes_at', '<=', now)
      .whereNull('closed_notice_at')
      .orderBy('closes_at')
      .limit(limit)
      .select('id');
    // One statement marks and returns them; a replica that marked one first
    // (the IS NULL re-checked under the row lock) keeps it.
    const rows = await this.db('survey_rounds')
      .whereIn('id', due)
      .whereNull('closed_notice_at')
      .update({ closed_notice_at: now }, [
        'id',
        'entity_ref',
        'title',
        'closes_at',
        'response_count',
      ]);
    return rows
      .map(row => ({
        id: row.id,
        entityRef: row.entity_ref,
        title: row.title,
        closesAt: toIso(row.closes_at),
        responses: Number(row.response_count),
      }))
      .sort((a, b) => a.closesAt.localeCompare(b.closesAt));
  }

  /** The kept counts of a round: reading them never touches the responses. */
  async getCounts(roundId: string): Promise<RoundCounts> {
    const round = await this.db('survey_rounds')
      .where({ id: roundId })
      .first('response_count');
    const rows = await this.db('survey_answer_counts')
      .where({ round_id: roundId })
      .andWhere('count', '>', 0)
      .select('question_id', 'value', 'count');
    const counts: RoundCounts['counts'] = {};
    for (const row of rows) {
      (counts[row.question_id] ??= {})[row.value] = Number(row.count);
    }
    return { responses: Number(round?.response_count ?? 0), counts };
  }

  /** Kept counts of every round of an entity, for trends across rounds. */
  async getCountsByRound(entityRef: string): Promise<Map<string, RoundCounts>> {
    const rows = await this.db('survey_rounds as r')
      .leftJoin('survey_answer_counts as c', 'c.round_id', 'r.id')
      .where('r.entity_ref', entityRef)
      .select(
        'r.id',
        'r.response_count',
        'c.question_id',
        'c.value',
        'c.count',
      );
    const byRound = new Map<string, RoundCounts>();
    for (const row of rows) {
      const entry = byRound.get(row.id) ?? {
        responses: Number(row.response_count),
        counts: {},
      };
      byRound.set(row.id, entry);
      if (row.question_id && Number(row.count) > 0) {
        (entry.counts[row.question_id] ??= {})[row.value] = Number(row.count);
      }
    }
    return byRound;
  }

  /** Free-text answers of a round's text questions, the newest `limit` of each. */
  async getTextAnswers(
    roundId: string,
    questionIds: string[],
    limit: number,
  ): Promise<Record<string, string[]>> {
    const lists = await Promise.all(
      questionIds.map(questionId =>
        this.db('survey_text_answers')
          .where({ round_id: roundId, question_id: questionId })
          .orderBy('id', 'desc')
          .limit(limit)
          .pluck('text'),
      ),
    );
    return Object.fromEntries(
      questionIds
        .map((id, i) => [id, lists[i]])
        .filter(([, list]) => list.length > 0),
    );
  }
}

function toRound(row: RoundRow, questions: SurveyQuestion[]): SurveyRound {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    templateId: row.template_id,
    title: row.title,
    opensAt: toIso(row.opens_at),
    closesAt: toIso(row.closes_at),
    targetGroups: JSON.parse(row.target_groups),
    responseCount: Number(row.response_count),
    questions,
  };
}

/**
 * How one person's answer moves the kept counts: minus one for each value of
 * the answer it replaces, plus one for each new value, netted, without
 * unchanged values, sorted by question and value.
 */
export function countChanges(
  before: StoredAnswer | undefined,
  after: StoredAnswer,
): { questionId: string; value: number; delta: number }[] {
  const deltas = new Map<
    string,
    { questionId: string; value: number; delta: number }
  >();
  const move = (scored: Record<string, number>, by: number) => {
    for (const [questionId, value] of Object.entries(scored)) {
      const key = JSON.stringify([questionId, value]);
      const change = deltas.get(key) ?? { questionId, value, delta: 0 };
      change.delta += by;
      deltas.set(key, change);
    }
  };
  if (before) move(before.scored, -1);
  move(after.scored, 1);
  return [...deltas.values()]
    .filter(change => change.delta !== 0)
    .sort((a, b) =>
      a.questionId === b.questionId
        ? a.value - b.value
        : Number(a.questionId > b.questionId) -
          Number(a.questionId < b.questionId),
    );
}
