import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { isUnstorableValue } from '../router/createRouter';
import {
  OWNER,
  startOnTestDatabase,
} from '../__testUtils__/startSystemProductBackend';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';

jest.setTimeout(60_000);

const ENTITY = '/api/system-product/entities/system/default/ci-cd-pipeline';
const owner = mockCredentials.user.header(OWNER);
const databases = TestDatabases.create({ ids: testDatabaseIds() });

describe.each(databases.eachSupportedId())(
  'values a database may not store, on %s',
  databaseId => {
    it('never answers 500 for a NUL character or a number out of range', async () => {
      const { server } = await startOnTestDatabase(databases, databaseId);
      const item = await request(server)
        .post(`${ENTITY}/roadmap`)
        .set('Authorization', owner)
        .send({ title: 'Cache builds', kind: 'quick-win' });
      expect(item.status).toBe(201);

      const nul = await request(server)
        .post(`${ENTITY}/roadmap`)
        .set('Authorization', owner)
        .send({ title: 'Cache\u0000builds', kind: 'quick-win' });
      const huge = await request(server)
        .patch(`/api/system-product/roadmap/${item.body.id}`)
        .set('Authorization', owner)
        .send({ version: 1, metric: 'Build minutes', metricBefore: 1e300 });
      const event = await request(server)
        .post('/api/system-product/events')
        .set('Authorization', owner)
        .send({
          events: [
            {
              id: 'build\u00001',
              type: 'build',
              entityRef: 'system:default/ci-cd-pipeline',
              finished: '2026-11-20T10:00:00Z',
              succeeded: true,
              durationSeconds: 60,
            },
          ],
        });
      // PostgreSQL refuses both values (the metrics are single precision),
      // so the request is at fault; SQLite stores them as given.
      const expected = databaseId.startsWith('POSTGRES')
        ? {
            statuses: [400, 400, 400],
            nul: 'The request holds a value the database cannot store, such as a NUL character or a number out of range (22021)',
            huge: 'The request holds a value the database cannot store, such as a NUL character or a number out of range (22003)',
          }
        : {
            statuses: [201, 200, 200],
            nul: undefined,
            huge: undefined,
          };
      expect({
        statuses: [nul.status, huge.status, event.status],
        nul: nul.body.error?.message,
        huge: huge.body.error?.message,
      }).toEqual(expected);
      const items = await request(server)
        .get(`${ENTITY}/roadmap`)
        .set('Authorization', owner);
      const first = items.body.items.find((i: any) => i.id === item.body.id);
      expect(first).toMatchObject(
        databaseId.startsWith('POSTGRES')
          ? { version: 1, metricBefore: null }
          : { version: 2, metricBefore: 1e300 },
      );
    });

    it('refuses a version beyond what versions are stored as, on every route that takes one', async () => {
      const { server } = await startOnTestDatabase(databases, databaseId);
      const item = await request(server)
        .post(`${ENTITY}/roadmap`)
        .set('Authorization', owner)
        .send({ title: 'Cache builds', kind: 'quick-win' });
      // The counterexample fast-check found: 1e21 is an integer to
      // JavaScript, and PostgreSQL could not compare it with a version.
      const answers = await Promise.all([
        request(server)
          .patch(`/api/system-product/roadmap/${item.body.id}`)
          .set('Authorization', owner)
          .send({ version: 1e21, status: 'planned' }),
        request(server)
          .put(`${ENTITY}/journey`)
          .set('Authorization', owner)
          .send({ version: 2147483648, stages: [] }),
        request(server)
          .put(`${ENTITY}/canvas`)
          .set('Authorization', owner)
          .send({ version: 2147483648, content: {} }),
      ]);
      expect(answers.map(a => a.status)).toEqual([400, 400, 400]);
      expect(
        answers.map(a => a.body.error.message.includes('version')),
      ).toEqual([true, true, true]);
    });
  },
);

describe('isUnstorableValue', () => {
  it.each(['22001', '22003', '22007', '22008', '22021', '22P05'])(
    'treats PostgreSQL data exception %s as a value from the request',
    code => {
      expect(isUnstorableValue({ code })).toBe(true);
    },
  );

  it.each(['23505', '57P01', '42P01', undefined])(
    'does not treat %s as a value from the request',
    code => {
      expect(isUnstorableValue({ code })).toBe(false);
    },
  );
});
