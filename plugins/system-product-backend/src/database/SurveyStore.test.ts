import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { migrateClient } from './migrations';
import { StoredAnswer, SurveyStore } from './SurveyStore';
import { SurveyTemplateStore } from './SurveyTemplateStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

// A small deterministic generator, so a failure can be replayed.
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

describe.each(databases.eachSupportedId())('SurveyStore on %s', databaseId => {
  async function setup() {
    const knex = await databases.init(databaseId);
    await migrateClient(knex);
    const store = new SurveyStore(knex);
    const template = (await store.getTemplate('platform-pulse'))!;
    const round = await store.createRound({
      entityRef: 'system:default/ci-cd-pipeline',
      template,
      title: 'Q4 pulse',
      opensAt: new Date(Date.now() - 1000),
      closesAt: new Date(Date.now() + 86_400_000),
      targetGroups: ['group:default/mobile'],
      createdBy: 'user:default/ada',
    });
    return { knex, store, round };
  }

  it('ships the platform pulse template with the article research questions', async () => {
    const { store } = await setup();
    const template = await store.getTemplate('platform-pulse');
    expect(template?.questions.map(q => q.kind)).toEqual([
      'text',
      'text',
      'text',
      'text',
      'nps',
      'csat',
      'likert',
      'likert',
    ]);
  });

  it('replaces a repeated answer of the same person and moves its counts', async () => {
    const { store, round } = await setup();
    const first: StoredAnswer = {
      scored: { nps: 3 },
      text: { complex: 'Flaky tests' },
    };
    const second: StoredAnswer = { scored: { nps: 9 }, text: {} };
    await expect(
      store.answer({ roundId: round.id, respondentKey: 'k1', answer: first }),
    ).resolves.toEqual({ replaced: false });
    await expect(
      store.answer({ roundId: round.id, respondentKey: 'k1', answer: second }),
    ).resolves.toEqual({ replaced: true });

    await expect(store.getCounts(round.id)).resolves.toEqual({
      responses: 1,
      counts: { nps: { 9: 1 } },
    });
    await expect(
      store.getTextAnswers(round.id, ['complex'], 10),
    ).resolves.toEqual({});
  });

  it('keeps counts equal to a full recount after many answers and replacements', async () => {
    const { knex, store, round } = await setup();
    const next = random(42);
    for (let i = 0; i < 300; i++) {
      const answer: StoredAnswer = {
        scored: { nps: next(11), csat: 1 + next(5) },
        text: {},
      };
      if (next(3) === 0) answer.scored.knowledge = 1 + next(5);
      // 40 people, so most answers replace an earlier one.
      await store.answer({
        roundId: round.id,
        respondentKey: `person-${next(40)}`,
        answer,
      });
    }

    const rows = await knex('survey_responses')
      .where({ round_id: round.id })
      .select('answers');
    const recount: Record<string, Record<number, number>> = {};
    for (const row of rows) {
      const { scored } = JSON.parse(row.answers) as StoredAnswer;
      for (const [question, value] of Object.entries(scored)) {
        (recount[question] ??= {})[value] =
          (recount[question]?.[value] ?? 0) + 1;
      }
    }
    const kept = await store.getCounts(round.id);
    expect(kept.responses).toBe(rows.length);
    expect(kept.counts).toEqual(recount);
  });

  it('reads what the results need in one statement, texts alphabetically', async () => {
    const { knex, store, round } = await setup();
    const texts = ['slow builds', 'flaky tests', 'approvals', 'docs', 'merges'];
    for (let i = 0; i < 6; i++) {
      await store.answer({
        roundId: round.id,
        respondentKey: `p${i}`,
        answer: {
          scored: { nps: i % 2 ? 9 : 10 },
          text: i < 5 ? { complex: texts[i] } : {},
        },
      });
    }
    const statements: string[] = [];
    const onQuery = (query: { sql: string }) => statements.push(query.sql);
    knex.on('query', onQuery);
    const read = await store.getRoundResults(round.id);
    knex.off('query', onQuery);
    expect(statements).toHaveLength(1);

    // Published at the fifth response (k = 5); the sixth waits for k more.
    expect(read).toEqual({
      entityRef: 'system:default/ci-cd-pipeline',
      responses: 6,
      closesAt: round.closesAt,
      questions: round.questions,
      published: {
        responses: 5,
        publishedAt: expect.any(String),
        questions: {
          complex: { answered: 5, shown: 5 },
          nps: { answered: 5, shown: 5 },
        },
        counts: { nps: { 9: 2, 10: 3 } },
        texts: { complex: [...texts].sort() },
        groups: [],
      },
    });
    await expect(store.getPublished(round.id)).resolves.toEqual(
      read!.published,
    );
    await expect(store.getRoundResults('no-such-round')).resolves.toBe(
      undefined,
    );
    await expect(store.getPublished('no-such-round')).resolves.toEqual({
      responses: 0,
      questions: {},
      counts: {},
      texts: {},
      groups: [],
    });
  });

  it('reads a round never published as such', async () => {
    const { store, round } = await setup();
    await store.answer({
      roundId: round.id,
      respondentKey: 'p1',
      answer: { scored: { nps: 7 }, text: { complex: 'waiting' } },
    });
    await expect(store.getRoundResults(round.id)).resolves.toEqual({
      entityRef: 'system:default/ci-cd-pipeline',
      responses: 1,
      closesAt: round.closesAt,
      questions: round.questions,
      published: {
        responses: 0,
        questions: {},
        counts: {},
        texts: {},
        groups: [],
      },
    });
  });

  it('parses a template once and shares its questions, frozen, between rounds', async () => {
    const { store, round } = await setup();
    const [a, b] = await Promise.all([
      store.getRound(round.id),
      store.getRound(round.id),
    ]);
    expect(a!.questions).toBe(b!.questions);
    expect(Object.isFrozen(a!.questions[0])).toBe(true);
    expect(a!.questions.map(q => q.id)).toContain('nps');
  });

  it('lets concurrent answers of different people all count', async () => {
    const { store, round } = await setup();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.answer({
          roundId: round.id,
          respondentKey: `p${i}`,
          answer: { scored: { csat: 5 }, text: {} },
        }),
      ),
    );
    await expect(store.getCounts(round.id)).resolves.toEqual({
      responses: 10,
      counts: { csat: { 5: 10 } },
    });
  });

  describe('with choice questions', () => {
    /** A round of a template with one single and one multiple question. */
    async function choiceRound(minResponses = 3) {
      const knex = await databases.init(databaseId);
      await migrateClient(knex);
      const templates = new SurveyTemplateStore(knex);
      await templates.syncConfigTemplate({
        id: 'tools',
        title: 'Tools',
        questions: [
          {
            id: 'os',
            kind: 'single',
            prompt: 'Which OS do you build on?',
            options: ['Linux', 'macOS', 'Windows'],
          },
          {
            id: 'pains',
            kind: 'multiple',
            prompt: 'What slows you down?',
            options: ['Builds', 'Reviews', 'Flaky tests', 'Docs'],
          },
        ],
      });
      const store = new SurveyStore(knex, { minResponses });
      const round = await store.createRound({
        entityRef: 'system:default/ci-cd-pipeline',
        template: (await templates.get('tools'))!,
        title: 'Tools',
        opensAt: new Date(Date.now() - 1000),
        closesAt: new Date(Date.now() + 86_400_000),
        targetGroups: [],
        createdBy: 'user:default/ada',
      });
      return { knex, store, round };
    }

    const respondents = (knex: any, roundId: string) =>
      knex('survey_question_respondents')
        .where({ round_id: roundId })
        .select('question_id', 'count')
        .then((rows: any[]) =>
          Object.fromEntries(rows.map(r => [r.question_id, Number(r.count)])),
        );

    it('counts every chosen option and the respondents of a multiple question apart, and moves both on a replacement', async () => {
      const { knex, store, round } = await choiceRound();
      await store.answer({
        roundId: round.id,
        respondentKey: 'k1',
        answer: { scored: { os: 0 }, text: {}, chosen: { pains: [0, 2] } },
      });
      await store.answer({
        roundId: round.id,
        respondentKey: 'k2',
        answer: { scored: { os: 0 }, text: {}, chosen: { pains: [2] } },
      });
      await expect(store.getCounts(round.id)).resolves.toEqual({
        responses: 2,
        counts: { os: { 0: 2 }, pains: { 0: 1, 2: 2 } },
      });
      await expect(respondents(knex, round.id)).resolves.toEqual({ pains: 2 });

      // k1 changes their mind: Reviews and Docs, on macOS.
      await store.answer({
        roundId: round.id,
        respondentKey: 'k1',
        answer: { scored: { os: 1 }, text: {}, chosen: { pains: [1, 3] } },
      });
      await expect(store.getCounts(round.id)).resolves.toEqual({
        responses: 2,
        counts: { os: { 0: 1, 1: 1 }, pains: { 1: 1, 2: 1, 3: 1 } },
      });
      await expect(respondents(knex, round.id)).resolves.toEqual({ pains: 2 });

      // k2 withdraws their choices: one respondent of the question is left.
      await store.answer({
        roundId: round.id,
        respondentKey: 'k2',
        answer: { scored: {}, text: {} },
        merge: { cleared: ['pains'] },
      });
      await expect(store.getCounts(round.id)).resolves.toEqual({
        responses: 2,
        counts: { os: { 0: 1, 1: 1 }, pains: { 1: 1, 3: 1 } },
      });
      await expect(respondents(knex, round.id)).resolves.toEqual({ pains: 1 });
      await expect(store.getAnswer(round.id, 'k2')).resolves.toMatchObject({
        answer: { scored: { os: 0 }, text: {} },
      });
    });

    it('publishes a multiple question once k people answered it, however many options they chose', async () => {
      const { store, round } = await choiceRound(3);
      // Two people choose 3 options each: 6 choices, but 2 respondents.
      for (const key of ['a', 'b']) {
        await store.answer({
          roundId: round.id,
          respondentKey: key,
          answer: { scored: {}, text: {}, chosen: { pains: [0, 1, 2] } },
        });
      }
      // The third response answers only the single question.
      await store.answer({
        roundId: round.id,
        respondentKey: 'c',
        answer: { scored: { os: 2 }, text: {} },
      });
      const published = await store.getPublished(round.id);
      expect(published.responses).toBe(3);
      expect(published.questions).toEqual({
        os: { answered: 1, shown: 0 },
        pains: { answered: 2, shown: 0 },
      });
      expect(published.counts).toEqual({});
    });

    it('keeps counts and respondents equal to a full recount after many answers and replacements', async () => {
      const { knex, store, round } = await choiceRound();
      const next = random(7);
      for (let i = 0; i < 200; i++) {
        const picked = [0, 1, 2, 3].filter(() => next(2) === 0);
        const answer: StoredAnswer = { scored: { os: next(3) }, text: {} };
        if (picked.length > 0) answer.chosen = { pains: picked };
        await store.answer({
          roundId: round.id,
          respondentKey: `person-${next(25)}`,
          answer,
        });
      }
      const rows = await knex('survey_responses')
        .where({ round_id: round.id })
        .select('answers');
      const recount: Record<string, Record<number, number>> = {};
      let answeredPains = 0;
      for (const row of rows) {
        const { scored, chosen } = JSON.parse(row.answers) as StoredAnswer;
        const values = [
          ...Object.entries(scored),
          ...(chosen?.pains ?? []).map(v => ['pains', v] as const),
        ];
        for (const [question, value] of values) {
          (recount[question] ??= {})[value] =
            (recount[question]?.[value] ?? 0) + 1;
        }
        if (chosen?.pains) answeredPains += 1;
      }
      await expect(store.getCounts(round.id)).resolves.toEqual({
        responses: rows.length,
        counts: recount,
      });
      await expect(respondents(knex, round.id)).resolves.toEqual({
        pains: answeredPains,
      });
    });
  });
});
