import {
  MOMENT_SURVEY_TEMPLATE_ID,
  SurveyQuestion,
  SurveyRound,
  SurveyTemplate,
} from '@system-product/backstage-plugin-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { isUniqueViolation, retryTransientConflict, toIso } from './dbValues';
import {
  SurveyTemplateStore,
  parseStoredQuestions,
} from './SurveyTemplateStore';

type RoundRow = {
  id: string;
  entity_ref: string;
  template_id: string;
  template_version: number;
  title: string;
  opens_at: string | Date;
  closes_at: string | Date;
  target_groups: string;
  response_count: number;
  created_by: string;
  created_at: string | Date;
  trigger_id?: string | null;
};

/** An answer split into what is counted and what is kept as text. */
export interface StoredAnswer {
  /** One counted value per question: a score, or a single choice's option index. */
  scored: Record<string, number>;
  text: Record<string, string>;
  /**
   * The option indexes of each multiple-choice question, each counted as a
   * value; the question's respondents are counted apart. Absent in answers
   * stored before there were such questions.
   */
  chosen?: Record<string, number[]>;
}

/** Value counts of one round, as kept current with every answer. */
export interface RoundCounts {
  responses: number;
  /** question id → value → count */
  counts: Record<string, Record<number, number>>;
}

/** Free-text answers a publication keeps per question: the newest ones. */
const PUBLISHED_TEXTS = 50;

/**
 * The results of a round as published: what readers see. They change only
 * when a publication refreshes them (see {@link SurveyStore.answer}).
 */
export interface PublishedResults {
  /** Responses behind the last publication; 0 while never published. */
  responses: number;
  /** When it was published; undefined while never published. */
  publishedAt?: string;
  /**
   * Per question: how many had answered it at the last publication, and how
   * many answers stand behind its published figures (0: none published).
   */
  questions: Record<string, { answered: number; shown: number }>;
  /** Published value counts: question id → value → count. */
  counts: Record<string, Record<number, number>>;
  /** Published free-text answers per question, in alphabetical order. */
  texts: Record<string, string[]>;
  /**
   * The cells of the breakdown by the respondents' groups, by group ref
   * (see {@link SurveyStore.answer} for when they are refreshed and shown).
   */
  groups: PublishedGroupCell[];
}

/**
 * One group's cell of a round's published results: the figures of the
 * answers of those who were direct members of the group when answering.
 */
export interface PublishedGroupCell {
  /** The group's entity ref. */
  group: string;
  /** Respondents behind the published figures; 0 while never published. */
  shown: number;
  /** Whether the guards of the last publication let it show. */
  visible: boolean;
  /** Per question, how many answers stand behind its published figures. */
  questions: Record<string, number>;
  /** Published value counts: question id → value → count. */
  counts: Record<string, Record<number, number>>;
}

/**
 * What the results of a round are made of, read in one statement: the
 * round's entity, response count, closing time and questions, and its
 * published results.
 */
export interface RoundResultsRead {
  entityRef: string;
  responses: number;
  closesAt: string;
  questions: SurveyQuestion[];
  published: PublishedResults;
}

/** Storage of survey rounds, responses and their kept counts. */
export class SurveyStore {
  /**
   * Questions of each template version as parsed last, with the text they
   * were parsed from: a round's read parses its version's questions only
   * once. Frozen, as every round of the version shares them.
   */
  private readonly parsedQuestions = new Map<
    string,
    { json: string; questions: SurveyQuestion[] }
  >();
  private readonly templates: SurveyTemplateStore;

  /**
   * @param options.minResponses - k: a round publishes its results once k
   * responses arrived since the last publication, and a question's figures
   * only with at least k answers behind them. Default 5.
   */
  constructor(
    private readonly db: Knex,
    private readonly options: { minResponses: number } = { minResponses: 5 },
  ) {
    this.templates = new SurveyTemplateStore(db);
  }

  /** A template at its current version (see {@link SurveyTemplateStore}). */
  async getTemplate(id: string): Promise<SurveyTemplate | undefined> {
    return this.templates.get(id);
  }

  /** Opens a round with the questions of the template's version. */
  async createRound(options: {
    entityRef: string;
    template: Pick<SurveyTemplate, 'id' | 'version' | 'questions'>;
    title: string;
    opensAt: Date;
    closesAt: Date;
    targetGroups: string[];
    createdBy: string;
    /** The moment trigger whose answers it collects. */
    triggerId?: string;
  }): Promise<SurveyRound> {
    const row: RoundRow = {
      id: randomUUID(),
      entity_ref: options.entityRef,
      template_id: options.template.id,
      template_version: options.template.version,
      title: options.title,
      opens_at: options.opensAt,
      closes_at: options.closesAt,
      target_groups: JSON.stringify(options.targetGroups),
      response_count: 0,
      created_by: options.createdBy,
      created_at: new Date(),
      ...(options.triggerId && { trigger_id: options.triggerId }),
    };
    await this.db('survey_rounds').insert(row);
    return toRound(row, options.template.questions);
  }

  /**
   * The round of a moment trigger that opens at `opensAt` (a month's start),
   * made on first use; of two made at once, the first stored is kept.
   */
  async momentRound(options: {
    triggerId: string;
    entityRef: string;
    title: string;
    opensAt: Date;
    closesAt: Date;
  }): Promise<SurveyRound> {
    const find = () =>
      this.db('survey_rounds')
        .where({ trigger_id: options.triggerId, opens_at: options.opensAt })
        .first('id');
    const found = (await find()) ?? (await this.createMomentRound(options));
    return (await this.getRound(found.id))!;
  }

  private async createMomentRound(options: {
    triggerId: string;
    entityRef: string;
    title: string;
    opensAt: Date;
    closesAt: Date;
  }): Promise<{ id: string }> {
    const template = (await this.getTemplate(MOMENT_SURVEY_TEMPLATE_ID))!;
    try {
      return await this.createRound({
        ...options,
        template,
        targetGroups: [],
        createdBy: 'system-product',
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return (await this.db('survey_rounds')
        .where({ trigger_id: options.triggerId, opens_at: options.opensAt })
        .first('id'))!;
    }
  }

  async listRounds(entityRef: string): Promise<SurveyRound[]> {
    const rows: (RoundRow & { questions: string })[] = await this.db(
      'survey_rounds as r',
    )
      .join('survey_template_versions as v', joinVersion)
      .where('r.entity_ref', entityRef)
      // Moment rounds are listed with their triggers.
      .whereNull('r.trigger_id')
      .orderBy('r.opens_at', 'desc')
      .select('r.*', 'v.questions');
    return rows.map(row => toRound(row, this.questionsOfRound(row)));
  }

  async getRound(id: string): Promise<SurveyRound | undefined> {
    const row: (RoundRow & { questions: string }) | undefined = await this.db(
      'survey_rounds as r',
    )
      .join('survey_template_versions as v', joinVersion)
      .where('r.id', id)
      .first('r.*', 'v.questions');
    return row && toRound(row, this.questionsOfRound(row));
  }

  private questionsOfRound(row: {
    template_id: string;
    template_version: number;
    questions: string;
  }): SurveyQuestion[] {
    return this.questionsOf(
      row.template_id,
      Number(row.template_version),
      row.questions,
    );
  }

  /**
   * The questions of a template version, parsed once for each text they
   * have (a version does not change; a text edited by hand is parsed again).
   */
  private questionsOf(
    templateId: string,
    version: number,
    json: string,
  ): SurveyQuestion[] {
    const key = `${templateId}\n${version}`;
    const parsed = this.parsedQuestions.get(key);
    if (parsed && parsed.json === json) return parsed.questions;
    const questions = deepFreeze(parseStoredQuestions(json));
    this.parsedQuestions.set(key, { json, questions });
    return questions;
  }

  /**
   * Stores one person's answer to a round, replacing their earlier one, and
   * moves the kept counts (the round's and those of the person's groups) in
   * the same transaction. A new response that makes k since the last
   * publication publishes the round's results, in the same transaction (see
   * {@link SurveyStore.publishIfDue}). Returns whether an earlier answer was
   * replaced.
   */
  async answer(options: {
    roundId: string;
    respondentKey: string;
    answer: StoredAnswer;
    /**
     * Keep the earlier answer's questions that `answer` does not name,
     * except those in `cleared` (withdrawn); otherwise `answer` replaces it.
     */
    merge?: { cleared: string[] };
    /**
     * The refs of the groups the person was a direct member of when
     * answering (never the person's own ref): they replace the earlier
     * answer's. Undefined keeps the earlier answer's (none for a new one).
     */
    groups?: string[];
  }): Promise<{ replaced: boolean }> {
    const { roundId, respondentKey, merge } = options;
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
        const answer =
          merge && before
            ? mergeAnswers(before, options.answer, merge.cleared)
            : options.answer;
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
        // Then the respondents of multiple-choice questions, in question order.
        for (const { questionId, delta } of respondentChanges(before, answer)) {
          await tx('survey_question_respondents')
            .insert({
              round_id: roundId,
              question_id: questionId,
              count: delta,
            })
            .onConflict(['round_id', 'question_id'])
            .merge({
              count: tx.raw('?? + ?', [
                'survey_question_respondents.count',
                delta,
              ]),
            });
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
        await this.moveGroupCounts(tx, {
          roundId,
          responseId,
          before: before && { answer: before },
          answer,
          groups: options.groups,
        });
        // Only new responses count towards the next publication: a person
        // replacing their own answer again and again must not trigger one.
        if (!earlier) await this.publishIfDueIn(tx, roundId);
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
   * Replaces the groups of a response (when `groups` is given) and moves the
   * kept counts of its groups: the replaced answer out of the groups it was
   * counted in, the new one into the groups it has now. After the round's
   * counts, in one order (group, question, value), so concurrent answers
   * wait for each other instead of deadlocking.
   */
  private async moveGroupCounts(
    tx: Knex.Transaction,
    options: {
      roundId: string;
      responseId: number;
      before?: { answer: StoredAnswer };
      answer: StoredAnswer;
      groups?: string[];
    },
  ): Promise<void> {
    const { roundId, responseId, before } = options;
    const earlierGroups: string[] = before
      ? await tx('survey_response_groups')
          .where({ response_id: responseId })
          .orderBy('group_ref')
          .pluck('group_ref')
      : [];
    const groups = options.groups
      ? [...new Set(options.groups)].sort()
      : earlierGroups;
    if (
      options.groups &&
      JSON.stringify(groups) !== JSON.stringify(earlierGroups)
    ) {
      if (earlierGroups.length > 0) {
        await tx('survey_response_groups')
          .where({ response_id: responseId })
          .delete();
      }
      for (const chunk of chunks(groups)) {
        await tx('survey_response_groups').insert(
          chunk.map(group => ({
            response_id: responseId,
            round_id: roundId,
            group_ref: group,
          })),
        );
      }
    }
    const changes = groupCountChanges(
      before && { answer: before.answer, groups: earlierGroups },
      { answer: options.answer, groups },
    );
    // A row a change takes from exists already, so one upsert adds and
    // takes alike.
    for (const chunk of chunks(changes.counts)) {
      await tx('survey_group_answer_counts')
        .insert(
          chunk.map(change => ({
            round_id: roundId,
            group_ref: change.group,
            question_id: change.questionId,
            value: change.value,
            count: change.delta,
          })),
        )
        .onConflict(['round_id', 'group_ref', 'question_id', 'value'])
        .merge({
          count: tx.raw('?? + excluded.??', [
            'survey_group_answer_counts.count',
            'count',
          ]),
        });
    }
    for (const chunk of chunks(changes.answered)) {
      await tx('survey_group_answered')
        .insert(
          chunk.map(change => ({
            round_id: roundId,
            group_ref: change.group,
            question_id: change.questionId,
            count: change.delta,
          })),
        )
        .onConflict(['round_id', 'group_ref', 'question_id'])
        .merge({
          count: tx.raw('?? + excluded.??', [
            'survey_group_answered.count',
            'count',
          ]),
        });
    }
  }

  /** One person's current answer to a round, by their key; undefined if none. */
  async getAnswer(
    roundId: string,
    respondentKey: string,
  ): Promise<{ answer: StoredAnswer; submittedAt: string } | undefined> {
    const row = await this.db('survey_responses')
      .where({ round_id: roundId, respondent_key: respondentKey })
      .first('answers', 'submitted_at');
    return (
      row && {
        answer: JSON.parse(row.answers),
        submittedAt: toIso(row.submitted_at),
      }
    );
  }

  /**
   * Publishes the round's results if k responses arrived since the last
   * publication (for rounds answered before publications existed, or after
   * k was lowered). Returns whether it published.
   */
  async publishIfDue(roundId: string): Promise<boolean> {
    return retryTransientConflict(() =>
      this.db.transaction(tx => this.publishIfDueIn(tx, roundId)),
    );
  }

  /**
   * The differencing rule. Readers see only published results; a round
   * publishes when its responses reach k, and again whenever k more
   * responses arrived, so two published states always differ by at least k
   * responses and no single answer can be isolated by watching. Within a
   * publication, a question's figures (counts, texts) are refreshed only when
   * at least k answers stand behind them and its answer count moved by at
   * least k since its figures were published: a question most people skip
   * must not leak the one answer it got in a step. A round that closes keeps
   * its last publication: the fewer than k answers after it stay out of the
   * figures, as publishing them would isolate them. The breakdown by group
   * is published with it (see {@link SurveyStore.publishGroupsIn}).
   */
  private async publishIfDueIn(
    tx: Knex.Transaction,
    roundId: string,
  ): Promise<boolean> {
    const k = this.options.minResponses;
    const roundQuery = tx('survey_rounds')
      .where({ id: roundId })
      .first('response_count', 'published_responses');
    // One publication at a time per round (SQLite has one writer anyway).
    // NO KEY UPDATE, the lock an answer's increment takes: FOR UPDATE would
    // wait for the key-share locks of other answers' inserts (deadlock).
    if (tx.client.config.client === 'pg') roundQuery.forNoKeyUpdate();
    const round = await roundQuery;
    if (!round) return false;
    const responses = Number(round.response_count);
    if (responses < k || responses - Number(round.published_responses) < k) {
      return false;
    }
    // One after the other: a transaction has one connection.
    const scored = await tx('survey_answer_counts')
      .where({ round_id: roundId })
      .groupBy('question_id')
      .select('question_id')
      .sum({ answered: 'count' });
    const texted = await tx('survey_text_answers')
      .where({ round_id: roundId })
      .groupBy('question_id')
      .select('question_id')
      .count({ answered: '*' });
    // A multiple-choice question's option counts add up to its choices; it
    // was answered by its respondents.
    const chosen = await tx('survey_question_respondents')
      .where({ round_id: roundId })
      .select('question_id', 'count as answered');
    const before = await tx('survey_published_questions')
      .where({ round_id: roundId })
      .select('question_id', 'answered', 'shown');
    const live = new Map<string, number>();
    for (const row of [...scored, ...texted, ...chosen] as Array<{
      question_id: string;
      answered: number | string;
    }>) {
      live.set(row.question_id, Number(row.answered));
    }
    const shownBefore = new Map<string, number>(
      before.map(row => [row.question_id, Number(row.shown)]),
    );
    const questionIds = [...new Set([...live.keys(), ...shownBefore.keys()])];
    for (const questionId of questionIds.sort()) {
      const answered = live.get(questionId) ?? 0;
      let shown = shownBefore.get(questionId) ?? 0;
      if (answered >= k && Math.abs(answered - shown) >= k) {
        await this.publishQuestion(tx, roundId, questionId);
        shown = answered;
      }
      await tx('survey_published_questions')
        .insert({ round_id: roundId, question_id: questionId, answered, shown })
        .onConflict(['round_id', 'question_id'])
        .merge(['answered', 'shown']);
    }
    await this.publishGroupsIn(tx, roundId, responses);
    await tx('survey_rounds')
      .where({ id: roundId })
      .update({ published_responses: responses, published_at: new Date() });
    return true;
  }

  /**
   * The breakdown by group, published with the round (the same differencing
   * rule, per group). A group's cell holds the figures of its respondents
   * (those who were direct members of it when answering; free-text answers
   * never): it is refreshed only when the group has at least k respondents
   * and their number moved by at least k since the cell was published, and
   * within it a question's figures only when at least k of them answered it
   * and that count moved by at least k since they were published (below k a
   * question shows only that it is hidden). Two guards, checked at every
   * publication over the respondents at that moment, hide a cell that has
   * figures, as they could be subtracted from figures shown beside them:
   *
   * - complement: the round's responses less the group's respondents (now,
   *   or behind its figures) is more than 0 and less than k, i.e. the
   *   round's figures minus the cell's would isolate fewer than k people;
   * - subset: the group's respondents are all respondents of another group
   *   with figures too, which has more than 0 and fewer than k respondents
   *   besides them (the bigger cell minus this one would isolate them).
   *
   * Hidden cells show neither figures nor counts, only that they are hidden.
   */
  private async publishGroupsIn(
    tx: Knex.Transaction,
    roundId: string,
    responses: number,
  ): Promise<void> {
    const k = this.options.minResponses;
    const where = { round_id: roundId };
    const live = (await tx('survey_response_groups')
      .where(where)
      .groupBy('group_ref')
      .select('group_ref')
      .count({ respondents: '*' })) as Array<{
      group_ref: string;
      respondents: number | string;
    }>;
    const before = await tx('survey_published_groups')
      .where(where)
      .select('group_ref', 'shown');
    const respondents = new Map<string, number>(
      live.map(row => [row.group_ref, Number(row.respondents)]),
    );
    const shownBefore = new Map<string, number>(
      before.map(row => [row.group_ref, Number(row.shown)]),
    );
    const groups = [
      ...new Set([...respondents.keys(), ...shownBefore.keys()]),
    ].sort();
    const refreshed = new Set(
      groups.filter(group => {
        const count = respondents.get(group) ?? 0;
        return (
          count >= k && Math.abs(count - (shownBefore.get(group) ?? 0)) >= k
        );
      }),
    );
    if (refreshed.size > 0) {
      await this.publishGroupQuestions(tx, roundId, refreshed);
    }
    const shown = new Map<string, number>();
    for (const group of groups) {
      shown.set(
        group,
        refreshed.has(group)
          ? respondents.get(group)!
          : shownBefore.get(group) ?? 0,
      );
    }
    const withFigures = groups.filter(group => shown.get(group)! >= k);
    const hidden = new Set<string>();
    const isolates = (rest: number) => rest > 0 && rest < k;
    for (const group of withFigures) {
      if (
        isolates(responses - (respondents.get(group) ?? 0)) ||
        isolates(responses - shown.get(group)!)
      ) {
        hidden.add(group);
      }
    }
    if (withFigures.length > 1) {
      // Per pair of groups, the respondents they share.
      const shared = (await tx('survey_response_groups as a')
        .join('survey_response_groups as b', 'b.response_id', 'a.response_id')
        .where('a.round_id', roundId)
        .andWhereRaw('?? <> ??', ['a.group_ref', 'b.group_ref'])
        .groupBy('a.group_ref', 'b.group_ref')
        .select('a.group_ref as outer', 'b.group_ref as inner')
        .count({ both: '*' })) as Array<{
        outer: string;
        inner: string;
        both: number | string;
      }>;
      const figured = new Set(withFigures);
      for (const { outer, inner, both } of shared) {
        const innerCount = respondents.get(inner) ?? 0;
        if (
          figured.has(outer) &&
          figured.has(inner) &&
          Number(both) === innerCount &&
          isolates((respondents.get(outer) ?? 0) - innerCount)
        ) {
          hidden.add(inner);
        }
      }
    }
    await tx('survey_published_groups').where(where).delete();
    const rows = groups
      .filter(group => (respondents.get(group) ?? 0) > 0 || shown.get(group)!)
      .map(group => ({
        round_id: roundId,
        group_ref: group,
        respondents: respondents.get(group) ?? 0,
        shown: shown.get(group)!,
        visible: shown.get(group)! >= k && !hidden.has(group),
      }));
    for (const chunk of chunks(rows)) {
      await tx('survey_published_groups').insert(chunk);
    }
  }

  /**
   * Refreshes, in the cells of `groups`, the figures of each question at
   * least k answered whose answer count moved by at least k since they were
   * published; the others keep theirs.
   */
  private async publishGroupQuestions(
    tx: Knex.Transaction,
    roundId: string,
    groups: Set<string>,
  ): Promise<void> {
    const k = this.options.minResponses;
    const where = { round_id: roundId };
    const answered = await tx('survey_group_answered')
      .where(where)
      .select('group_ref', 'question_id', 'count');
    const before = await tx('survey_published_group_questions')
      .where(where)
      .select('group_ref', 'question_id', 'shown');
    const key = (row: { group_ref: string; question_id: string }) =>
      JSON.stringify([row.group_ref, row.question_id]);
    const live = new Map<string, number>(
      answered.map(row => [key(row), Number(row.count)]),
    );
    const shownBefore = new Map<string, number>(
      before.map(row => [key(row), Number(row.shown)]),
    );
    const due = [...live.keys()]
      .filter(cell => groups.has(JSON.parse(cell)[0]))
      .filter(cell => {
        const count = live.get(cell)!;
        return (
          count >= k && Math.abs(count - (shownBefore.get(cell) ?? 0)) >= k
        );
      })
      .sort();
    for (const cell of due) {
      const [group, questionId] = JSON.parse(cell) as [string, string];
      const of = { ...where, group_ref: group, question_id: questionId };
      await tx('survey_published_group_counts').where(of).delete();
      const columns = [
        'round_id',
        'group_ref',
        'question_id',
        'value',
        'count',
      ];
      await tx
        .into(
          tx.raw(`?? (${columns.map(() => '??').join(', ')})`, [
            'survey_published_group_counts',
            ...columns,
          ]),
        )
        .insert(
          tx('survey_group_answer_counts')
            .where(of)
            .andWhere('count', '>', 0)
            .select(columns),
        );
      await tx('survey_published_group_questions')
        .insert({ ...of, shown: live.get(cell)! })
        .onConflict(['round_id', 'group_ref', 'question_id'])
        .merge(['shown']);
    }
  }

  /** Copies a question's current counts and newest texts into the published ones. */
  private async publishQuestion(
    tx: Knex.Transaction,
    roundId: string,
    questionId: string,
  ): Promise<void> {
    const where = { round_id: roundId, question_id: questionId };
    await tx('survey_published_counts').where(where).delete();
    await tx('survey_published_texts').where(where).delete();
    const counts = await tx('survey_answer_counts')
      .where(where)
      .andWhere('count', '>', 0)
      .select('value', 'count');
    if (counts.length > 0) {
      await tx('survey_published_counts').insert(
        counts.map(row => ({ ...where, value: row.value, count: row.count })),
      );
    }
    const texts: string[] = await tx('survey_text_answers')
      .where(where)
      .orderBy('id', 'desc')
      .limit(PUBLISHED_TEXTS)
      .pluck('text');
    if (texts.length > 0) {
      await tx('survey_published_texts').insert(
        texts.map(text => ({ ...where, text })),
      );
    }
  }

  /** The published results of a round. */
  async getPublished(roundId: string): Promise<PublishedResults> {
    const read = await this.getRoundResults(roundId);
    return (
      read?.published ?? {
        responses: 0,
        questions: {},
        counts: {},
        texts: {},
        groups: [],
      }
    );
  }

  /**
   * What the results of a round are made of (see {@link RoundResultsRead}),
   * or undefined for no such round. One statement, so in PostgreSQL one
   * snapshot: the round's publication count and time and the published
   * figures are always of one publication, which replaces them in one
   * transaction. One row for the round, then one per published question,
   * value count and text.
   */
  async getRoundResults(
    roundId: string,
  ): Promise<RoundResultsRead | undefined> {
    const db = this.db;
    const where = { round_id: roundId };
    const none = (column: string) => db.raw(`null as ${column}`);
    const rows: Array<{
      kind: 'c' | 'g' | 'gc' | 'gq' | 'q' | 'r' | 't';
      question_id: string;
      a: number | string | null;
      b: number | string | null;
      t: string | null;
      template_id: string | null;
      template_version: number | string | null;
      closes_at: string | Date | null;
      published_at: string | Date | null;
    }> = await db('survey_rounds as r')
      .join('survey_template_versions as v', joinVersion)
      .where('r.id', roundId)
      .select(
        db.raw("'r' as kind"),
        'r.entity_ref as question_id',
        'r.response_count as a',
        'r.published_responses as b',
        'v.questions as t',
        'r.template_id as template_id',
        'r.template_version as template_version',
        'r.closes_at as closes_at',
        'r.published_at as published_at',
      )
      .unionAll([
        db('survey_published_questions')
          .where(where)
          .select(
            db.raw("'q' as kind"),
            'question_id',
            'answered as a',
            'shown as b',
            none('t'),
            none('template_id'),
            none('template_version'),
            none('closes_at'),
            none('published_at'),
          ),
        db('survey_published_counts')
          .where(where)
          .select(
            db.raw("'c' as kind"),
            'question_id',
            'value as a',
            'count as b',
            none('t'),
            none('template_id'),
            none('template_version'),
            none('closes_at'),
            none('published_at'),
          ),
        db('survey_published_texts')
          .where(where)
          .select(
            db.raw("'t' as kind"),
            'question_id',
            none('a'),
            none('b'),
            'text as t',
            none('template_id'),
            none('template_version'),
            none('closes_at'),
            none('published_at'),
          ),
        // The group cells: the group in question_id; their figures with the
        // group in t.
        db('survey_published_groups')
          .where(where)
          .select(
            db.raw("'g' as kind"),
            'group_ref as question_id',
            'shown as a',
            db.raw('case when visible then 1 else 0 end as b'),
            none('t'),
            none('template_id'),
            none('template_version'),
            none('closes_at'),
            none('published_at'),
          ),
        db('survey_published_group_questions')
          .where(where)
          .select(
            db.raw("'gq' as kind"),
            'question_id',
            'shown as a',
            none('b'),
            'group_ref as t',
            none('template_id'),
            none('template_version'),
            none('closes_at'),
            none('published_at'),
          ),
        db('survey_published_group_counts')
          .where(where)
          .select(
            db.raw("'gc' as kind"),
            'question_id',
            'value as a',
            'count as b',
            'group_ref as t',
            none('template_id'),
            none('template_version'),
            none('closes_at'),
            none('published_at'),
          ),
      ])
      // Texts alphabetical: the order must not tell which text came last.
      .orderBy(['kind', 'question_id', 't']);
    const round = rows.find(row => row.kind === 'r');
    if (!round) return undefined;
    const published: PublishedResults = {
      responses: Number(round.b ?? 0),
      publishedAt: round.published_at ? toIso(round.published_at) : undefined,
      questions: {},
      counts: {},
      texts: {},
      groups: [],
    };
    // Rows come by kind: a group's cell ('g') before its figures.
    const cells = new Map<string, PublishedGroupCell>();
    for (const row of rows) {
      const cell = row.t === null ? undefined : cells.get(row.t);
      if (row.kind === 'g') {
        cells.set(row.question_id, {
          group: row.question_id,
          shown: Number(row.a),
          visible: Number(row.b) === 1,
          questions: {},
          counts: {},
        });
      } else if (row.kind === 'gq') {
        if (cell) cell.questions[row.question_id] = Number(row.a);
      } else if (row.kind === 'gc') {
        if (cell) {
          (cell.counts[row.question_id] ??= {})[Number(row.a)] = Number(row.b);
        }
      } else if (row.kind === 'q') {
        published.questions[row.question_id] = {
          answered: Number(row.a),
          shown: Number(row.b),
        };
      } else if (row.kind === 'c') {
        (published.counts[row.question_id] ??= {})[Number(row.a)] = Number(
          row.b,
        );
      } else if (row.kind === 't') {
        (published.texts[row.question_id] ??= []).push(row.t as string);
      }
    }
    published.groups = [...cells.values()];
    return {
      entityRef: round.question_id,
      responses: Number(round.a),
      closesAt: toIso(round.closes_at!),
      questions: this.questionsOf(
        round.template_id!,
        Number(round.template_version),
        round.t!,
      ),
      published,
    };
  }

  /**
   * Published value counts of every round of an entity, for trends across
   * rounds: per round, the questions whose published figures have at least
   * `minShown` answers behind them.
   */
  async getPublishedCountsByRound(
    entityRef: string,
    minShown: number,
  ): Promise<Map<string, RoundCounts>> {
    const rows = await this.db('survey_rounds as r')
      .join('survey_published_questions as q', 'q.round_id', 'r.id')
      .join('survey_published_counts as c', function onQuestion() {
        this.on('c.round_id', '=', 'q.round_id').andOn(
          'c.question_id',
          '=',
          'q.question_id',
        );
      })
      .where('r.entity_ref', entityRef)
      .whereNull('r.trigger_id')
      .andWhere('q.shown', '>=', minShown)
      .select(
        'r.id',
        'r.published_responses',
        'c.question_id',
        'c.value',
        'c.count',
      );
    const byRound = new Map<string, RoundCounts>();
    for (const row of rows) {
      const entry = byRound.get(row.id) ?? {
        responses: Number(row.published_responses),
        counts: {},
      };
      byRound.set(row.id, entry);
      (entry.counts[row.question_id] ??= {})[row.value] = Number(row.count);
    }
    return byRound;
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
    // A moment round closes every month; its owners are not told each time.
    const due = this.db('survey_rounds')
      .where('closes_at', '<=', now)
      .whereNull('closed_notice_at')
      .whereNull('trigger_id')
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

  /**
   * The live kept counts of a round, behind the published ones: reading them
   * never touches the responses. Never shown to readers as they are.
   */
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

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Joins a round (`r`) with its template version (`v`). */
function joinVersion(this: Knex.JoinClause) {
  this.on('v.template_id', '=', 'r.template_id').andOn(
    'v.version',
    '=',
    'r.template_version',
  );
}

function toRound(row: RoundRow, questions: SurveyQuestion[]): SurveyRound {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    templateId: row.template_id,
    templateVersion: Number(row.template_version),
    title: row.title,
    opensAt: toIso(row.opens_at),
    closesAt: toIso(row.closes_at),
    targetGroups: JSON.parse(row.target_groups),
    responseCount: Number(row.response_count),
    questions,
    ...(row.trigger_id && { triggerId: row.trigger_id }),
  };
}

/**
 * An earlier answer with a new one laid over it: the new one's questions
 * replace theirs, `cleared` questions go, the rest stay.
 */
export function mergeAnswers(
  before: StoredAnswer,
  after: StoredAnswer,
  cleared: string[],
): StoredAnswer {
  const keep = <T>(values: Record<string, T>) =>
    Object.fromEntries(
      Object.entries(values).filter(([id]) => !cleared.includes(id)),
    );
  const chosen = { ...keep(before.chosen ?? {}), ...(after.chosen ?? {}) };
  return {
    scored: { ...keep(before.scored), ...after.scored },
    text: { ...keep(before.text), ...after.text },
    ...(Object.keys(chosen).length > 0 && { chosen }),
  };
}

/**
 * How one person's answer moves the kept counts: minus one for each value of
 * the answer it replaces, plus one for each new value (each chosen option of
 * a multiple-choice question is a value), netted, without unchanged values,
 * sorted by question and value.
 */
export function countChanges(
  before: StoredAnswer | undefined,
  after: StoredAnswer,
): { questionId: string; value: number; delta: number }[] {
  const deltas = new Map<
    string,
    { questionId: string; value: number; delta: number }
  >();
  const move = (answer: StoredAnswer, by: number) => {
    const values = [
      ...Object.entries(answer.scored),
      ...Object.entries(answer.chosen ?? {}).flatMap(([questionId, indexes]) =>
        indexes.map(index => [questionId, index] as const),
      ),
    ];
    for (const [questionId, value] of values) {
      const key = JSON.stringify([questionId, value]);
      const change = deltas.get(key) ?? { questionId, value, delta: 0 };
      change.delta += by;
      deltas.set(key, change);
    }
  };
  if (before) move(before, -1);
  move(after, 1);
  return [...deltas.values()]
    .filter(change => change.delta !== 0)
    .sort((a, b) =>
      a.questionId === b.questionId
        ? a.value - b.value
        : Number(a.questionId > b.questionId) -
          Number(a.questionId < b.questionId),
    );
}

/**
 * How one person's answer moves the respondent counts of multiple-choice
 * questions: minus one for each such question the replaced answer answered,
 * plus one for each the new one answers, netted, sorted by question.
 */
export function respondentChanges(
  before: StoredAnswer | undefined,
  after: StoredAnswer,
): { questionId: string; delta: number }[] {
  const deltas = new Map<string, number>();
  for (const id of Object.keys(before?.chosen ?? {})) {
    deltas.set(id, (deltas.get(id) ?? 0) - 1);
  }
  for (const id of Object.keys(after.chosen ?? {})) {
    deltas.set(id, (deltas.get(id) ?? 0) + 1);
  }
  return [...deltas.entries()]
    .filter(([, delta]) => delta !== 0)
    .map(([questionId, delta]) => ({ questionId, delta }))
    .sort(
      (a, b) =>
        Number(a.questionId > b.questionId) -
        Number(a.questionId < b.questionId),
    );
}

/** Rows a multi-row statement writes at most (within SQLite's variable limit). */
const ROWS_PER_STATEMENT = 200;

function chunks<T>(rows: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    result.push(rows.slice(i, i + ROWS_PER_STATEMENT));
  }
  return result;
}

function compareText(a: string, b: string): number {
  return Number(a > b) - Number(a < b);
}

/**
 * How one person's answer moves the kept counts of their groups: the replaced
 * answer's values and answered questions out of the groups it was counted
 * in, the new answer's into the groups the person has now (each chosen
 * option of a multiple-choice question is a value; free texts are never
 * counted), netted, without unchanged ones, sorted by group, question and
 * value.
 */
export function groupCountChanges(
  before: { answer: StoredAnswer; groups: string[] } | undefined,
  after: { answer: StoredAnswer; groups: string[] },
): {
  counts: { group: string; questionId: string; value: number; delta: number }[];
  answered: { group: string; questionId: string; delta: number }[];
} {
  const counts = new Map<
    string,
    { group: string; questionId: string; value: number; delta: number }
  >();
  const answered = new Map<
    string,
    { group: string; questionId: string; delta: number }
  >();
  const move = ({ answer, groups }: typeof after, by: number) => {
    const values = [
      ...Object.entries(answer.scored),
      ...Object.entries(answer.chosen ?? {}).flatMap(([questionId, indexes]) =>
        indexes.map(index => [questionId, index] as const),
      ),
    ];
    const questions = [
      ...Object.keys(answer.scored),
      ...Object.keys(answer.chosen ?? {}),
    ];
    for (const group of groups) {
      for (const [questionId, value] of values) {
        const key = JSON.stringify([group, questionId, value]);
        const change = counts.get(key) ?? {
          group,
          questionId,
          value,
          delta: 0,
        };
        change.delta += by;
        counts.set(key, change);
      }
      for (const questionId of questions) {
        const key = JSON.stringify([group, questionId]);
        const change = answered.get(key) ?? { group, questionId, delta: 0 };
        change.delta += by;
        answered.set(key, change);
      }
    }
  };
  if (before) move(before, -1);
  move(after, 1);
  const byCell = (
    a: { group: string; questionId: string },
    b: { group: string; questionId: string },
  ) => compareText(a.group, b.group) || compareText(a.questionId, b.questionId);
  return {
    counts: [...counts.values()]
      .filter(change => change.delta !== 0)
      .sort((a, b) => byCell(a, b) || a.value - b.value),
    answered: [...answered.values()]
      .filter(change => change.delta !== 0)
      .sort(byCell),
  };
}
