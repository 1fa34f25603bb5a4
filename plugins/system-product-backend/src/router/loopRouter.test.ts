import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { eventually } from '@internal/system-product-test-utils';
import { notificationService } from '@backstage/plugin-notifications-node';
import request from 'supertest';
import {
  OWNER,
  startSystemProductBackend,
} from '../__testUtils__/startSystemProductBackend';
import { promptedBuild } from '../__testUtils__/promptedBuild';

const BASE = '/api/system-product';
const ENTITY = `${BASE}/entities/system/default/ci-cd-pipeline`;
const owner = mockCredentials.user.header(OWNER);
const service = mockCredentials.service.header();
const as = (user: string) => mockCredentials.user.header(user);

describe('closing the loop', () => {
  async function setup() {
    const send = jest.fn().mockResolvedValue(undefined);
    const notifications = createServiceFactory({
      service: notificationService,
      deps: {},
      factory: () => ({ send }),
    });
    const server = await startSystemProductBackend([notifications]);
    const journey = await request(server)
      .put(`${ENTITY}/journey`)
      .set('Authorization', owner)
      .send({
        version: 0,
        stages: [
          {
            name: 'Build',
            touchpoints: [{ name: 'Wait for checks' }, { name: 'Review' }],
          },
        ],
      })
      .expect(200);
    const [checks, review] = journey.body.stages[0].touchpoints.map(
      (t: any) => t.id,
    );
    return { server, send, checks, review };
  }

  it('tells the people behind the friction once when an item addressing it ships, and owners only how many', async () => {
    const { server, send, checks, review } = await setup();
    // a reports twice, b says "me too", c answers a moment about the
    // checks, d reports on the other touchpoint, e reports and opted out,
    // and a service imports a report for someone it cannot name.
    const report = (user: string, touchpointId: string) =>
      request(server)
        .post(`${ENTITY}/friction`)
        .set('Authorization', as(user))
        .send({ touchpointId, severity: 4 })
        .expect(201);
    await report('user:default/a', checks);
    await report('user:default/a', checks);
    await request(server)
      .put(`${ENTITY}/touchpoints/${checks}/me-too`)
      .set('Authorization', as('user:default/b'))
      .expect(200);
    await request(server)
      .post(`${ENTITY}/moments`)
      .set('Authorization', owner)
      .send({
        eventType: 'build',
        touchpointId: checks,
        question: 'How was this build?',
        sampleRate: 1,
        cooldownDays: 1,
      })
      .expect(201);
    const promptId = await promptedBuild(server, {
      poster: service,
      actor: 'user:default/c',
      actorAuth: as('user:default/c'),
      eventId: 'loop-build',
    });
    await request(server)
      .post(`${BASE}/prompts/${promptId}/answer`)
      .set('Authorization', as('user:default/c'))
      .send({ score: 4 })
      .expect(200);
    await report('user:default/d', review);
    await report('user:default/e', checks);
    await request(server)
      .put(`${BASE}/me/loop-notifications`)
      .set('Authorization', as('user:default/e'))
      .send({ enabled: false })
      .expect(200, { enabled: false });
    expect(
      (
        await request(server)
          .get(`${BASE}/me/loop-notifications`)
          .set('Authorization', as('user:default/e'))
      ).body,
    ).toEqual({ enabled: false });
    await request(server)
      .post(`${ENTITY}/friction`)
      .set('Authorization', service)
      .send({ touchpointId: checks, severity: 5, reporter: 'imported-1' })
      .expect(201);
    send.mockClear();

    const item = await request(server)
      .post(`${ENTITY}/roadmap`)
      .set('Authorization', owner)
      .send({
        title: 'Cache dependencies',
        kind: 'quick-win',
        status: 'in-progress',
        touchpointIds: [checks],
        metric: 'Build time',
        metricBefore: 30,
        metricAfter: 12,
        metricUnit: 'min',
      })
      .expect(201);
    expect(item.body).not.toHaveProperty('loopNotified');
    const shipped = await request(server)
      .patch(`${BASE}/roadmap/${item.body.id}`)
      .set('Authorization', owner)
      .send({ version: item.body.version, status: 'shipped' })
      .expect(200);

    const roadmap = () =>
      request(server).get(`${ENTITY}/roadmap`).set('Authorization', owner);
    await eventually(async () => {
      expect((await roadmap()).body.items[0].loopNotified).toBe(3);
    });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0]).toEqual({
      recipients: {
        type: 'entity',
        entityRef: ['user:default/a', 'user:default/b', 'user:default/c'],
      },
      payload: expect.objectContaining({
        title: 'Shipped on ci-cd-pipeline: Cache dependencies',
        link: '/catalog/default/system/ci-cd-pipeline',
        topic: 'system-product-loop',
      }),
    });
    expect(send.mock.calls[0][0].payload.description).toContain(
      'It addresses Wait for checks, where you reported friction, said "me too" or answered a question. Build time: 30 → 12 min (before → after).',
    );
    // Nothing the owners read names anyone.
    const journey = await request(server)
      .get(`${ENTITY}/journey`)
      .set('Authorization', owner);
    expect(
      JSON.stringify([shipped.body, (await roadmap()).body, journey.body]),
    ).not.toMatch(/user:default\/[a-e]\b/);

    // Shipped again after a step back: everyone was told already.
    const back = await request(server)
      .patch(`${BASE}/roadmap/${item.body.id}`)
      .set('Authorization', owner)
      .send({ version: shipped.body.version, status: 'in-progress' })
      .expect(200);
    await request(server)
      .patch(`${BASE}/roadmap/${item.body.id}`)
      .set('Authorization', owner)
      .send({ version: back.body.version, status: 'shipped' })
      .expect(200);
    await eventually(async () => {
      expect((await roadmap()).body.items[0].loopNotified).toBe(0);
    });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('forgets a withdrawn "me too" and takes opt-outs from users only', async () => {
    const { server, send, checks } = await setup();
    const path = `${ENTITY}/touchpoints/${checks}/me-too`;
    await request(server)
      .put(path)
      .set('Authorization', as('user:default/b'))
      .expect(200);
    await request(server)
      .delete(path)
      .set('Authorization', as('user:default/b'))
      .expect(200);
    const item = await request(server)
      .post(`${ENTITY}/roadmap`)
      .set('Authorization', owner)
      .send({
        title: 'Faster checks',
        kind: 'quick-win',
        touchpointIds: [checks],
      })
      .expect(201);
    await request(server)
      .patch(`${BASE}/roadmap/${item.body.id}`)
      .set('Authorization', owner)
      .send({ version: item.body.version, status: 'shipped' })
      .expect(200);
    await eventually(async () => {
      const list = await request(server)
        .get(`${ENTITY}/roadmap`)
        .set('Authorization', owner);
      expect(list.body.items[0].loopNotified).toBe(0);
    });
    expect(send).not.toHaveBeenCalled();
    await request(server)
      .put(`${BASE}/me/loop-notifications`)
      .set('Authorization', service)
      .send({ enabled: false })
      .expect(403);
  });
});
