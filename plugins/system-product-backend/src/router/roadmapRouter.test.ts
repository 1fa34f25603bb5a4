import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  OWNER,
  startSystemProductBackend,
} from '../__testUtils__/startSystemProductBackend';

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
