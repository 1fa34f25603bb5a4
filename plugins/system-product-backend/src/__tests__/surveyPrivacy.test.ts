import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { Server } from 'node:http';
import request from 'supertest';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import {
  OWNER,
  startOnTestDatabase,
} from '../__testUtils__/startSystemProductBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const BASE = '/api/system-product';
const SURVEYS = `${BASE}/entities/system/default/ci-cd-pipeline/surveys`;
const reader = mockCredentials.user.header('user:default/margaret');

// k = 3 in the test backend.
describe.each(databases.eachSupportedId())(
  'survey results privacy on %s',
  databaseId => {
    let db: Knex;
    let server: Server;
    let roundId: string;

    beforeEach(async () => {
      ({ db, server } = await startOnTestDatabase(databases, databaseId));
      const round = await request(server)
        .post(SURVEYS)
        .set('Authorization', mockCredentials.user.header(OWNER))
        .send({ closesAt: new Date(Date.now() + 86_400_000).toISOString() });
      roundId = round.body.id;
    });

    const answer = async (who: string, answers: object) => {
      const res = await request(server)
        .post(`${BASE}/surveys/${roundId}/responses`)
        .set(
          'Authorization',
          mockCredentials.user.header(`user:default/${who}`),
        )
        .send({ answers });
      expect(res.status).toBe(200);
    };
    const results = async () =>
      (
        await request(server)
          .get(`${BASE}/surveys/${roundId}/results`)
          .set('Authorization', reader)
          .expect(200)
      ).body;
    const question = (body: any, id: string) =>
      [...body.scored, ...body.text].find((q: any) => q.questionId === id);

    it('changes published results only once k new responses arrived, so one answer cannot be told by watching', async () => {
      await answer('a', { nps: 10 });
      await answer('b', { nps: 9 });
      await answer('c', { nps: 8 });
      const first = await results();
      expect(first).toMatchObject({
        visible: true,
        responses: 3,
        publishedResponses: 3,
        nextUpdateAfter: 3,
      });
      expect(question(first, 'nps').distribution).toEqual({
        8: 1,
        9: 1,
        10: 1,
      });

      // A known person answers: nothing a reader sees tells their answer.
      await answer('d', { nps: 0 });
      const watched = await results();
      expect(watched).toEqual({
        ...first,
        responses: 4,
        nextUpdateAfter: 2,
      });

      await answer('e', { nps: 0 });
      await answer('f', { nps: 0 });
      const next = await results();
      expect(next).toMatchObject({
        responses: 6,
        publishedResponses: 6,
        nextUpdateAfter: 3,
      });
      expect(question(next, 'nps')).toMatchObject({
        answered: 6,
        distribution: { 0: 3, 8: 1, 9: 1, 10: 1 },
      });
    });

    it('does not republish when a person replaces their answer, however often', async () => {
      for (const who of ['a', 'b', 'c']) await answer(who, { nps: 9 });
      const first = await results();
      for (const nps of [0, 1, 2, 3]) await answer('a', { nps });
      expect(await results()).toEqual(first);
    });

    it('shows only a count for a question fewer than k answered, while the round shows results', async () => {
      await answer('a', { nps: 9, csat: 5, complex: 'Flaky tests' });
      await answer('b', { nps: 9, csat: 4 });
      await answer('c', { nps: 9 });
      const body = await results();
      expect(question(body, 'nps')).toMatchObject({ visible: true });
      expect(question(body, 'csat')).toEqual({
        questionId: 'csat',
        kind: 'csat',
        answered: 2,
        visible: false,
      });
      expect(question(body, 'complex')).toEqual({
        questionId: 'complex',
        answered: 1,
        visible: false,
        answers: [],
      });
      expect(JSON.stringify(body)).not.toContain('Flaky tests');
      const rounds = await request(server)
        .get(SURVEYS)
        .set('Authorization', reader);
      expect(rounds.body.items[0].scores).toEqual({
        nps: 100,
        csat: null,
        ease: null,
        knowledge: null,
      });
    });

    it("keeps a question's figures when fewer than k of a step's responses answered it", async () => {
      for (const who of ['a', 'b', 'c']) await answer(who, { nps: 9, csat: 4 });
      const first = await results();
      // Three new responses, only one of which answers nps.
      await answer('d', { nps: 0, csat: 1 });
      await answer('e', { csat: 1 });
      await answer('f', { csat: 1 });
      const next = await results();
      expect(next.publishedResponses).toBe(6);
      expect(question(next, 'nps')).toEqual(question(first, 'nps'));
      expect(question(next, 'csat')).toMatchObject({
        answered: 6,
        distribution: { 1: 3, 4: 3 },
      });
    });

    it('publishes texts in steps too, in alphabetical order, never in the order they came', async () => {
      await answer('a', { complex: 'Zero docs' });
      await answer('b', { complex: 'Approvals' });
      await answer('c', { complex: 'Merge queue' });
      await answer('d', { complex: 'Later text' });
      expect(question(await results(), 'complex')).toEqual({
        questionId: 'complex',
        answered: 3,
        visible: true,
        answers: ['Approvals', 'Merge queue', 'Zero docs'],
      });
    });

    it('keeps the last publication of a closed round: the fewer than k answers after it stay out', async () => {
      for (const who of ['a', 'b', 'c', 'd']) await answer(who, { nps: 9 });
      await db('survey_rounds')
        .where({ id: roundId })
        .update({ closes_at: new Date(Date.now() - 1000) });
      expect(await results()).toMatchObject({
        responses: 4,
        publishedResponses: 3,
        nextUpdateAfter: null,
      });
    });

    it('publishes a round answered before publications existed on its next read', async () => {
      for (const who of ['a', 'b', 'c']) await answer(who, { nps: 9 });
      await db('survey_published_questions')
        .where({ round_id: roundId })
        .delete();
      await db('survey_published_counts').where({ round_id: roundId }).delete();
      await db('survey_rounds')
        .where({ id: roundId })
        .update({ published_responses: 0, published_at: null });
      expect(await results()).toMatchObject({
        visible: true,
        publishedResponses: 3,
      });
    });
  },
);
