import {
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { emptyCanvasContent } from '@system-product/backstage-plugin-common';
import request from 'supertest';
import {
  OWNER,
  startSystemProductBackend,
} from '../__testUtils__/startSystemProductBackend';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';

jest.setTimeout(60_000);

const ENTITY = '/api/system-product/entities/system/default/ci-cd-pipeline';
const owner = mockCredentials.user.header(OWNER);
const databases = TestDatabases.create({ ids: testDatabaseIds() });

describe.each(databases.eachSupportedId())('concurrent writes on %s', id => {
  async function start() {
    const db = await databases.init(id);
    const server = await startSystemProductBackend([
      mockServices.database.factory({ knex: db }),
    ]);
    return { db, server };
  }

  it('gives eight simultaneous saves of one canvas version exactly one winner and seven 409s', async () => {
    const { server } = await start();
    for (let version = 0; version < 3; version++) {
      const statuses = await Promise.all(
        Array.from({ length: 8 }, async (_, writer) => {
          const content = emptyCanvasContent();
          content.valueProposition.value = `writer ${writer}`;
          const res = await request(server)
            .put(`${ENTITY}/canvas`)
            .set('Authorization', owner)
            .send({ version, content });
          return res.status;
        }),
      );
      expect(statuses.sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    }
    const revisions = await request(server)
      .get(`${ENTITY}/canvas/revisions`)
      .set('Authorization', owner);
    expect(revisions.body.items.map((r: any) => r.version)).toEqual([3, 2, 1]);
  });

  it('keeps one response and consistent counts when one person answers twice at once', async () => {
    const { db, server } = await start();
    const round = await request(server)
      .post(`${ENTITY}/surveys`)
      .set('Authorization', owner)
      .send({ closesAt: new Date(Date.now() + 86_400_000).toISOString() });
    const answers = await Promise.all(
      [3, 9, 10, 0].map(nps =>
        request(server)
          .post(`/api/system-product/surveys/${round.body.id}/responses`)
          .set('Authorization', mockCredentials.user.header('user:default/ann'))
          .send({ answers: { nps } }),
      ),
    );
    expect(answers.map(a => a.status)).toEqual([200, 200, 200, 200]);
    const [{ responses }] = await db('survey_responses')
      .where({ round_id: round.body.id })
      .count({ responses: '*' });
    const stored = JSON.parse(
      (
        await db('survey_responses')
          .where({ round_id: round.body.id })
          .first('answers')
      ).answers,
    );
    const counts = await db('survey_answer_counts')
      .where({ round_id: round.body.id, question_id: 'nps' })
      .andWhere('count', '<>', 0)
      .select('value', 'count');
    const [{ kept }] = await db('survey_rounds')
      .where({ id: round.body.id })
      .select({ kept: 'response_count' });
    // The kept counts say exactly what the one stored answer says.
    expect({
      responses: Number(responses),
      kept: Number(kept),
      counts: counts.map(c => [Number(c.value), Number(c.count)]),
    }).toEqual({
      responses: 1,
      kept: 1,
      counts: [[stored.scored.nps, 1]],
    });
  });
});
