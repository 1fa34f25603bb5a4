import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { isUnstorableValue } from '../router/createRouter';
import { fieldHolding } from '../router/requestProblems';
import {
  OWNER,
  startOnTestDatabase,
} from '../__testUtils__/startSystemProductBackend';

jest.setTimeout(60_000);

const ENTITY = '/api/system-product/entities/system/default/ci-cd-pipeline';
const owner = mockCredentials.user.header(OWNER);
const databases = TestDatabases.create({ ids: testDatabaseIds() });

describe.each(databases.eachSupportedId())(
  'values a database may not store, on %s',
  databaseId => {
    it('refuses text it cannot store as given with 400 naming the field, and stores nothing', async () => {
      const { db, server } = await startOnTestDatabase(databases, databaseId);
      const nul = await request(server)
        .post(`${ENTITY}/roadmap`)
        .set('Authorization', owner)
        .send({ title: 'Cache\u0000builds', kind: 'quick-win' });
      const surrogate = await request(server)
        .post(`${ENTITY}/roadmap`)
        .set('Authorization', owner)
        .send({
          title: 'Cache builds',
          kind: 'quick-win',
          // A pair is one character (kept); half of one cannot be encoded.
          painPoints: ['Slow \uD83D\uDE80 builds', 'Half \uD83D of a pair'],
        });
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
      // The same on both engines: PostgreSQL would refuse the NUL, and
      // either would store the half pair as U+FFFD.
      expect([nul.status, surrogate.status, event.status]).toEqual([
        400, 400, 400,
      ]);
      expect(nul.body.error.message).toBe(
        'body.title: must not contain a NUL character or half of a UTF-16 surrogate pair (text that cannot be stored as given)',
      );
      expect(surrogate.body.error.message).toMatch(/^body\.painPoints\[1\]: /);
      expect(event.body.error.rejected).toEqual([
        expect.objectContaining({ index: 0, field: 'id' }),
      ]);
      expect(Number((await db('roadmap_items').count({ n: '*' }))[0].n)).toBe(
        0,
      );
      expect(Number((await db('delivery_events').count({ n: '*' }))[0].n)).toBe(
        0,
      );
    });

    it('keeps roadmap metric numbers exactly as given', async () => {
      const { server } = await startOnTestDatabase(databases, databaseId);
      const created = await request(server)
        .post(`${ENTITY}/roadmap`)
        .set('Authorization', owner)
        .send({
          title: 'Cache builds',
          kind: 'quick-win',
          metric: 'Build minutes',
          metricBefore: 1234.5678,
          metricAfter: 0.1 + 0.2,
        });
      const patched = await request(server)
        .patch(`/api/system-product/roadmap/${created.body.id}`)
        .set('Authorization', owner)
        .send({ version: 1, metricBefore: 1e300, metricAfter: -1.5e-300 });
      // Beyond a double: JSON reads it as Infinity, which is no number.
      const infinite = await request(server)
        .patch(`/api/system-product/roadmap/${created.body.id}`)
        .set('Authorization', owner)
        .set('Content-Type', 'application/json')
        .send('{"version":2,"metricBefore":1e400}');
      const year0 = await request(server)
        .patch(`/api/system-product/roadmap/${created.body.id}`)
        .set('Authorization', owner)
        .send({ version: 2, targetDate: '0000-01-01' });
      expect([created.status, patched.status]).toEqual([201, 200]);
      expect([infinite.status, infinite.body.error.message]).toEqual([
        400,
        'body.metricBefore: must be a number or null',
      ]);
      expect([year0.status, year0.body.error.message]).toEqual([
        400,
        'body.targetDate: must be a day of year 1 or later',
      ]);
      const { items } = (
        await request(server)
          .get(`${ENTITY}/roadmap`)
          .set('Authorization', owner)
      ).body;
      const before = { metricBefore: 1234.5678, metricAfter: 0.1 + 0.2 };
      expect(created.body).toMatchObject(before);
      expect(items).toEqual([
        expect.objectContaining({
          version: 2,
          metricBefore: 1e300,
          metricAfter: -1.5e-300,
        }),
      ]);
      const again = await request(server)
        .post(`${ENTITY}/roadmap`)
        .set('Authorization', owner)
        .send({ title: 'Again', kind: 'quick-win', ...before });
      const read = (
        await request(server)
          .get(`${ENTITY}/roadmap`)
          .set('Authorization', owner)
      ).body.items.find((i: { id: string }) => i.id === again.body.id);
      expect(read).toMatchObject(before);
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

describe('fieldHolding', () => {
  it('names the field whose value the database quoted when it refused it', () => {
    expect(
      fieldHolding(
        { title: 'x', milestones: [{ title: '0000-01-01' }] },
        '0000-01-01',
      ),
    ).toBe('body.milestones[0].title');
    expect(fieldHolding({ title: 'x' }, 'y')).toBeUndefined();
  });
});
