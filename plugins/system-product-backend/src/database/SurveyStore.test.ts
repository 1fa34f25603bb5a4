import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { migrateClient } from './migrations';
import { StoredAnswer, SurveyStore } from './SurveyStore';

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
      published: { responses: 0, questions: {}, counts: {}, texts: {} },
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
});
