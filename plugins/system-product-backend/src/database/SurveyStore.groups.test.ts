import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { migrateClient } from './migrations';
import { PublishedGroupCell, SurveyStore } from './SurveyStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

const A = 'group:default/a';
const B = 'group:default/b';

// k = 3 throughout: the round publishes at 3, 6, 9, ... responses.
describe.each(databases.eachSupportedId())(
  'SurveyStore results by group on %s',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      await migrateClient(knex);
      const store = new SurveyStore(knex, { minResponses: 3 });
      const template = (await store.getTemplate('platform-pulse'))!;
      const round = await store.createRound({
        entityRef: 'system:default/ci-cd-pipeline',
        template,
        title: 'Q4 pulse',
        opensAt: new Date(Date.now() - 1000),
        closesAt: new Date(Date.now() + 86_400_000),
        targetGroups: [],
        createdBy: 'user:default/ada',
      });
      let next = 0;
      /** A new respondent of `groups` answers nps (and csat, if given). */
      const answer = (groups: string[], nps: number, csat?: number) =>
        store.answer({
          roundId: round.id,
          respondentKey: `p${++next}`,
          answer: {
            scored: { nps, ...(csat !== undefined && { csat }) },
            text: { complex: `text ${next}` },
          },
          groups,
        });
      const cell = async (group: string) =>
        (await store.getPublished(round.id)).groups.find(
          c => c.group === group,
        );
      return { knex, store, round, answer, cell };
    }

    it('publishes a group cell only once k of its members answered', async () => {
      const { answer, cell, store, round } = await setup();
      await answer([A], 9);
      await answer([A], 10);
      await answer([], 0);
      // Published at 3 responses; A has 2 of them: no figures, hidden.
      await expect(cell(A)).resolves.toEqual({
        group: A,
        shown: 0,
        visible: false,
        questions: {},
        counts: {},
      });

      await answer([A], 6);
      await answer([], 0);
      await answer([], 0);
      // Published at 6; A's 3 (9, 10, 6); the 3 others stay apart from it.
      await expect(cell(A)).resolves.toEqual<PublishedGroupCell>({
        group: A,
        shown: 3,
        visible: true,
        questions: { nps: 3 },
        counts: { nps: { 6: 1, 9: 1, 10: 1 } },
      });
      // Free texts are never broken down.
      expect((await store.getPublished(round.id)).texts.complex).toHaveLength(
        6,
      );
    });

    it('keeps a cell as it was when one more member answers, and refreshes it after k more', async () => {
      const { answer, cell } = await setup();
      for (const nps of [9, 10, 6]) await answer([A], nps);
      await answer([], 0);
      await answer([], 0);
      await answer([], 0);
      const first = await cell(A);
      expect(first).toMatchObject({ shown: 3, visible: true });

      // One more member, then the round's next publication (at 9).
      await answer([A], 0);
      await answer([], 5);
      await answer([], 5);
      await expect(cell(A)).resolves.toEqual(first);

      // Two more members make 3 since the cell was published: at 12.
      await answer([A], 10);
      await answer([A], 10);
      await answer([], 5);
      await expect(cell(A)).resolves.toEqual({
        group: A,
        shown: 6,
        visible: true,
        questions: { nps: 6 },
        counts: { nps: { 0: 1, 6: 1, 9: 1, 10: 3 } },
      });
    });

    it('hides within a cell a question fewer than k of the group answered', async () => {
      const { answer, cell } = await setup();
      await answer([A], 9, 5);
      await answer([A], 10, 4);
      await answer([A], 6);
      await answer([], 0);
      await answer([], 0);
      await answer([], 0);
      // csat: 2 of A answered it; only nps has figures.
      await expect(cell(A)).resolves.toEqual({
        group: A,
        shown: 3,
        visible: true,
        questions: { nps: 3 },
        counts: { nps: { 6: 1, 9: 1, 10: 1 } },
      });
    });

    it.each([
      [5, false],
      [4, false],
      [3, true],
    ])(
      'shows a group holding %i of the round’s 6 respondents only when the others are k or more (visible: %s)',
      async (members, visible) => {
        const { answer, cell } = await setup();
        for (let i = 0; i < 6 - members; i++) await answer([], 1);
        for (let i = 0; i < members; i++) await answer([A], 8);
        // Published at 6: the round's figures minus A's would be the answers
        // of the 6 - members others.
        expect(await cell(A)).toMatchObject({ shown: members, visible });
      },
    );

    it('hides a group whose respondents all belong to another, bigger by fewer than k', async () => {
      const { answer, cell } = await setup();
      for (let i = 0; i < 4; i++) await answer([], 1);
      await answer([A], 7);
      for (let i = 0; i < 4; i++) await answer([A, B], 9);
      // Published at 9: A 5, B 4, B within A: A's figures minus B's would be
      // the one answer of A's fifth member.
      expect(await cell(A)).toMatchObject({ shown: 5, visible: true });
      expect(await cell(B)).toMatchObject({ shown: 4, visible: false });
    });

    it('shows a group within another when the other has k or more besides it', async () => {
      const { answer, cell } = await setup();
      for (let i = 0; i < 3; i++) await answer([], 1);
      for (let i = 0; i < 3; i++) await answer([A], 7);
      // Published at 6: A's 3 with 3 others.
      expect(await cell(A)).toMatchObject({ shown: 3, visible: true });
      for (let i = 0; i < 3; i++) await answer([A, B], 9);
      // Published at 9: A 6 (moved by 3), B 3, 3 of A besides B.
      expect(await cell(A)).toMatchObject({ shown: 6, visible: true });
      expect(await cell(B)).toEqual({
        group: B,
        shown: 3,
        visible: true,
        questions: { nps: 3 },
        counts: { nps: { 9: 3 } },
      });
    });

    it('moves a changed answer to the groups it has now, keeps them when none are given, and stores no person', async () => {
      const { knex, store, round } = await setup();
      const groupsOf = async (key: string) =>
        knex('survey_response_groups as g')
          .join('survey_responses as r', 'r.id', 'g.response_id')
          .where({ 'r.respondent_key': key })
          .orderBy('g.group_ref')
          .pluck('g.group_ref');
      const give = (groups?: string[], nps = 5) =>
        store.answer({
          roundId: round.id,
          respondentKey: 'p1',
          answer: { scored: { nps }, text: {} },
          ...(groups && { groups }),
        });
      await give([B, A, A]);
      await expect(groupsOf('p1')).resolves.toEqual([A, B]);
      await give([B], 7);
      await expect(groupsOf('p1')).resolves.toEqual([B]);
      // An answer that names no groups (a moment's) keeps them.
      await give(undefined, 8);
      await expect(groupsOf('p1')).resolves.toEqual([B]);
      const counts = await knex('survey_group_answer_counts')
        .where({ round_id: round.id })
        .andWhere('count', '>', 0)
        .select('group_ref', 'question_id', 'value', 'count');
      expect(counts).toEqual([
        { group_ref: B, question_id: 'nps', value: 8, count: 1 },
      ]);
      const answered = await knex('survey_group_answered')
        .where({ round_id: round.id })
        .andWhere('count', '>', 0)
        .select('group_ref', 'question_id', 'count');
      expect(answered).toEqual([
        { group_ref: B, question_id: 'nps', count: 1 },
      ]);
      const rows = await knex('survey_response_groups').select();
      expect(Object.keys(rows[0]).sort()).toEqual([
        'group_ref',
        'response_id',
        'round_id',
      ]);
      expect(JSON.stringify(rows)).not.toContain('user:');
    });

    it('keeps group counts equal to a recount after many answers, replacements and changed groups', async () => {
      const { knex, store, round } = await setup();
      let state = 7;
      const next = (n: number) => {
        state = (state * 1103515245 + 12345) % 2147483648;
        // The high bits: the low ones of this generator repeat quickly.
        return Math.floor(state / 65536) % n;
      };
      const all = [A, B, 'group:default/c'];
      for (let i = 0; i < 120; i++) {
        await store.answer({
          roundId: round.id,
          respondentKey: `person-${next(15)}`,
          answer: {
            scored: next(4) === 0 ? {} : { nps: next(11) },
            text: {},
            ...(next(2) === 0 && { chosen: { tools: [next(2), 2] } }),
          },
          groups: all.filter(() => next(2) === 0),
          merge: { cleared: next(4) === 0 ? ['nps'] : [] },
        });
      }
      const rows: Array<{ answers: string; group: string | null }> = await knex(
        'survey_responses as r',
      )
        .join('survey_response_groups as g', 'g.response_id', 'r.id')
        .where('r.round_id', round.id)
        .select('r.answers', 'g.group_ref as group');
      const counts: Record<string, number> = {};
      const answered: Record<string, number> = {};
      const add = (into: Record<string, number>, key: string) => {
        into[key] = (into[key] ?? 0) + 1;
      };
      for (const row of rows) {
        const { scored, chosen = {} } = JSON.parse(row.answers);
        for (const [id, value] of Object.entries(scored)) {
          add(counts, `${row.group} ${id} ${value}`);
          add(answered, `${row.group} ${id}`);
        }
        for (const [id, values] of Object.entries(chosen)) {
          for (const value of values as number[]) {
            add(counts, `${row.group} ${id} ${value}`);
          }
          add(answered, `${row.group} ${id}`);
        }
      }
      const keptCounts = await knex('survey_group_answer_counts')
        .where({ round_id: round.id })
        .andWhere('count', '>', 0)
        .select('group_ref', 'question_id', 'value', 'count');
      const keptAnswered = await knex('survey_group_answered')
        .where({ round_id: round.id })
        .andWhere('count', '>', 0)
        .select('group_ref', 'question_id', 'count');
      expect(
        Object.fromEntries(
          keptCounts.map(row => [
            `${row.group_ref} ${row.question_id} ${row.value}`,
            Number(row.count),
          ]),
        ),
      ).toEqual(counts);
      expect(
        Object.fromEntries(
          keptAnswered.map(row => [
            `${row.group_ref} ${row.question_id}`,
            Number(row.count),
          ]),
        ),
      ).toEqual(answered);
      expect(Object.keys(counts).length).toBeGreaterThan(10);
    });

    it('removes the groups of a round deleted', async () => {
      const { knex, answer, round, cell } = await setup();
      for (let i = 0; i < 3; i++) await answer([A], 9);
      expect(await cell(A)).toMatchObject({ shown: 3, visible: true });
      await knex('survey_rounds').where({ id: round.id }).delete();
      for (const table of [
        'survey_response_groups',
        'survey_group_answer_counts',
        'survey_group_answered',
        'survey_published_groups',
        'survey_published_group_questions',
        'survey_published_group_counts',
      ]) {
        const [{ n }] = await knex(table).count({ n: '*' });
        expect(Number(n)).toBe(0);
      }
    });
  },
);
