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
