import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import {
  OWNER,
  startOnTestDatabase,
  startSystemProductBackend,
} from '../__testUtils__/startSystemProductBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

const path =
  '/api/system-product/entities/system/default/ci-cd-pipeline/roadmap';
const owner = mockCredentials.user.header(OWNER);
const someone = mockCredentials.user.header('user:default/margaret');

const quarantine = {
  title: 'Quarantine flaky tests',
  kind: 'quick-win',
  status: 'planned',
  targetDate: '2026-12-15',
  milestones: [{ title: 'List the 20 flakiest', done: true }],
  painPoints: ['Flaky integration tests'],
  metric: 'deployment-success-ratio',
  metricBefore: 0.93,
};

describe('roadmap routes', () => {
  it('creates an item for the owner and lists it for any viewer', async () => {
    const server = await startSystemProductBackend();
    const created = await request(server)
      .post(path)
      .set('Authorization', owner)
      .send(quarantine);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...quarantine,
      version: 1,
      description: '',
      owner: null,
      shippedAt: null,
      updatedBy: OWNER,
    });
    const list = await request(server).get(path).set('Authorization', someone);
    expect(list.body.items.map((i: any) => i.id)).toEqual([created.body.id]);
  });

  it('ships an item with its after value, then rejects a stale patch', async () => {
    const server = await startSystemProductBackend();
    const created = await request(server)
      .post(path)
      .set('Authorization', owner)
      .send(quarantine);
    const itemPath = `/api/system-product/roadmap/${created.body.id}`;

    const shipped = await request(server)
      .patch(itemPath)
      .set('Authorization', owner)
      .send({ version: 1, status: 'shipped', metricAfter: 0.99 });
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({
      version: 2,
      status: 'shipped',
      metricBefore: 0.93,
      metricAfter: 0.99,
      title: quarantine.title,
    });
    expect(Date.parse(shipped.body.shippedAt)).not.toBeNaN();

    const stale = await request(server)
      .patch(itemPath)
      .set('Authorization', owner)
      .send({ version: 1, title: 'Lost' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('at version 2');
  });

  it('forbids non-owners to create or change items and hides unknown ones', async () => {
    const server = await startSystemProductBackend();
    expect(
      (
        await request(server)
          .post(path)
          .set('Authorization', someone)
          .send(quarantine)
      ).status,
    ).toBe(403);
    const created = await request(server)
      .post(path)
      .set('Authorization', owner)
      .send(quarantine);
    const patched = await request(server)
      .patch(`/api/system-product/roadmap/${created.body.id}`)
      .set('Authorization', someone)
      .send({ version: 1, status: 'dropped' });
    expect(patched.status).toBe(403);
    const unknown = await request(server)
      .patch('/api/system-product/roadmap/nope')
      .set('Authorization', owner)
      .send({ version: 1 });
    expect(unknown.status).toBe(404);
  });

  it('takes the example roadmaps as the demo seeds them, every value with its unit', async () => {
    const dir = join(__dirname, '../../../../examples/system-product/roadmaps');
    const files = readdirSync(dir).filter(f => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const server = await startSystemProductBackend();
    const refused: string[] = [];
    const withoutUnit: string[] = [];
    for (const file of files) {
      const items = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      for (const example of items) {
        const res = await request(server)
          .post(path)
          .set('Authorization', owner)
          .send(example);
        if (res.status !== 201) {
          refused.push(`${file}: ${example.title}: ${res.status}`);
        }
        const { metricBefore, metricAfter, metricUnit } = res.body;
        const hasValue = metricBefore !== null || metricAfter !== null;
        if (hasValue && !metricUnit?.trim()) {
          withoutUnit.push(`${file}: ${example.title}`);
        }
      }
    }
    expect(refused).toEqual([]);
    expect(withoutUnit).toEqual([]);
  });

  it.each([
    [{ kind: 'quick-win' }, 'body.title: is required'],
    [{ title: 'x' }, 'body.kind: is required'],
    [
      { title: 'x', kind: 'someday' },
      'body.kind: must be one of quick-win, strategic',
    ],
    [
      { title: 'x', kind: 'strategic', status: 'done' },
      'body.status: must be one of idea, planned, in-progress, shipped, dropped',
    ],
    [
      { title: 'x', kind: 'strategic', targetDate: '15/12/2026' },
      'body.targetDate: must be a date (YYYY-MM-DD) that exists',
    ],
    [
      { title: 'x', kind: 'strategic', metricBefore: 'high' },
      'body.metricBefore: must be a number or null',
    ],
    [
      { title: 'x', kind: 'strategic', metricUnit: 'builds per week/team' },
      'body.metricUnit: must be at most 16 characters',
    ],
    [
      { title: 'x', kind: 'strategic', metricUnit: ' ' },
      'body.metricUnit: must not be blank',
    ],
    [
      { title: 'x', kind: 'strategic', metricUnit: '' },
      'body.metricUnit: must be at least 1 character',
    ],
    [
      { title: 'x', kind: 'strategic', metricUnit: 24 },
      'body.metricUnit: must be a string or null',
    ],
    [
      { title: 'x', kind: 'strategic', milestones: [{ done: true }] },
      'body.milestones[0].title: is required',
    ],
    [
      { title: 'x', kind: 'strategic', priority: 1 },
      'body.priority: is not a known field',
    ],
  ])('rejects the item %j with 400 naming the rule', async (body, message) => {
    const server = await startSystemProductBackend();
    const res = await request(server)
      .post(path)
      .set('Authorization', owner)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    const list = await request(server).get(path).set('Authorization', owner);
    expect(list.body.items).toEqual([]);
  });
});

describe.each(databases.eachSupportedId())(
  "the unit of an item's metric values, on %s",
  databaseId => {
    it('is kept on create, read and patch like the values, and cleared by null', async () => {
      const { server } = await startOnTestDatabase(databases, databaseId);
      const created = await request(server)
        .post(path)
        .set('Authorization', owner)
        .send({
          title: 'Quarantine the 20 flakiest tests',
          kind: 'quick-win',
          metric: 'p95 commit-to-production lead time',
          metricBefore: 31,
          metricUnit: 'h',
        });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ metricBefore: 31, metricUnit: 'h' });
      const itemPath = `/api/system-product/roadmap/${created.body.id}`;

      // A patch that leaves the unit out keeps it, as it keeps the values.
      const shipped = await request(server)
        .patch(itemPath)
        .set('Authorization', owner)
        .send({ version: 1, status: 'shipped', metricAfter: 19 });
      expect(shipped.status).toBe(200);
      expect(shipped.body).toMatchObject({
        metricBefore: 31,
        metricAfter: 19,
        metricUnit: 'h',
      });

      const renamed = await request(server)
        .patch(itemPath)
        .set('Authorization', owner)
        .send({ version: 2, metricUnit: 'builds/week' });
      expect(renamed.body.metricUnit).toBe('builds/week');

      const cleared = await request(server)
        .patch(itemPath)
        .set('Authorization', owner)
        .send({ version: 3, metricUnit: null, metricBefore: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({
        version: 4,
        metricBefore: null,
        metricAfter: 19,
        metricUnit: null,
      });

      const list = await request(server).get(path).set('Authorization', owner);
      expect(list.body.items).toEqual([
        expect.objectContaining({ id: created.body.id, metricUnit: null }),
      ]);
    });

    it('is null for an item created without one, and refuses one of 17 characters', async () => {
      const { server } = await startOnTestDatabase(databases, databaseId);
      const created = await request(server)
        .post(path)
        .set('Authorization', owner)
        .send(quarantine);
      expect(created.body.metricUnit).toBeNull();
      const tooLong = await request(server)
        .patch(`/api/system-product/roadmap/${created.body.id}`)
        .set('Authorization', owner)
        .send({ version: 1, metricUnit: 'x'.repeat(17) });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.message).toContain(
        'body.metricUnit: must be at most 16 characters',
      );
      const sixteen = await request(server)
        .patch(`/api/system-product/roadmap/${created.body.id}`)
        .set('Authorization', owner)
        .send({ version: 1, metricUnit: 'x'.repeat(16) });
      expect([sixteen.status, sixteen.body.metricUnit]).toEqual([
        200,
        'x'.repeat(16),
      ]);
    });
  },
);
