import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import request from 'supertest';
import {
  OWNER,
  startOnTestDatabase,
  testSystem,
} from '../__testUtils__/startSystemProductBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const BASE = '/api/system-product';
const MOBILE = 'group:default/mobile';

function member(name: string, groups: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: groups },
    relations: groups.map(targetRef => ({ type: 'memberOf', targetRef })),
  };
}

// k = 3 in the test backend.
describe.each(databases.eachSupportedId())(
  'survey results by group on %s',
  databaseId => {
    it('returns the groups of the published results, filed by group only', async () => {
      const { db, server } = await startOnTestDatabase(databases, databaseId, [
        testSystem,
        member('a', [MOBILE, 'group:default/web']),
        member('b', [MOBILE, 'group:default/web']),
        member('c', [MOBILE]),
      ]);
      const opened = await request(server)
        .post(`${BASE}/entities/system/default/ci-cd-pipeline/surveys`)
        .set('Authorization', mockCredentials.user.header(OWNER))
        .send({ closesAt: new Date(Date.now() + 86_400_000).toISOString() })
        .expect(201);
      const roundId = opened.body.id;
      const results = async () =>
        (
          await request(server)
            .get(`${BASE}/surveys/${roundId}/results`)
            .set(
              'Authorization',
              mockCredentials.user.header('user:default/margaret'),
            )
            .expect(200)
        ).body;
      const answer = (name: string, nps: number) =>
        request(server)
          .post(`${BASE}/surveys/${roundId}/responses`)
          .set(
            'Authorization',
            mockCredentials.user.header(`user:default/${name}`),
          )
          .send({ answers: { nps } })
          .expect(200);
      await answer('a', 10);
      await answer('b', 9);
      expect(await results()).not.toHaveProperty('groups');
      for (const [i, name] of ['c', 'd', 'e', 'f'].entries()) {
        await answer(name, 8 - i);
      }

      // Published at 6: mobile a, b, c (with 3 others); web only a and b.
      const body = await results();
      expect(body.groups).toEqual([
        {
          group: MOBILE,
          visible: true,
          responses: 3,
          scored: expect.arrayContaining([
            expect.objectContaining({
              questionId: 'nps',
              answered: 3,
              visible: true,
              distribution: { 8: 1, 9: 1, 10: 1 },
            }),
            { questionId: 'csat', kind: 'csat', visible: false },
          ]),
          choice: [],
        },
        // Web's cell is hidden (2 respondents) and does not name web.
        { visible: false },
      ]);
      expect(JSON.stringify(body)).not.toContain('group:default/web');
      const rows = await db('survey_response_groups').select();
      expect(rows).toHaveLength(5);
      expect(JSON.stringify([rows, body])).not.toContain('user:');
    });
  },
);
