import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  OWNER,
  startSystemProductBackend,
} from '../__testUtils__/startSystemProductBackend';

const base = '/api/system-product/entities/system/default/ci-cd-pipeline';
const owner = mockCredentials.user.header(OWNER);
const someone = mockCredentials.user.header('user:default/margaret');

const map = {
  version: 0,
  stages: [
    {
      name: 'Commit',
      touchpoints: [
        { name: 'Open a pull request', expectedMinutes: 5 },
        {
          name: 'Wait for checks',
          expectedMinutes: 25,
          failureModes: ['Flaky tests'],
        },
      ],
    },
    {
      name: 'Release',
      touchpoints: [
        { name: 'Approve deploy', owner: 'group:default/platform-team' },
      ],
    },
  ],
};

describe('journey routes', () => {
  it('serves an empty version-0 journey before the first save', async () => {
    const server = await startSystemProductBackend();
    const res = await request(server)
      .get(`${base}/journey`)
      .set('Authorization', someone);
    expect(res.body).toEqual({
      entityRef: 'system:default/ci-cd-pipeline',
      version: 0,
      stages: [],
    });
  });

  it('saves stages and touchpoints in order and rejects a stale save', async () => {
    const server = await startSystemProductBackend();
    const saved = await request(server)
      .put(`${base}/journey`)
      .set('Authorization', owner)
      .send(map);
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect(
      saved.body.stages.map((s: any) => s.touchpoints.map((t: any) => t.name)),
    ).toEqual([['Open a pull request', 'Wait for checks'], ['Approve deploy']]);
    expect(saved.body.stages[0].touchpoints[1]).toMatchObject({
      expectedMinutes: 25,
      failureModes: ['Flaky tests'],
      owner: null,
      friction: { reports: 0, averageSeverity: null, textsHidden: true },
    });

    const stale = await request(server)
      .put(`${base}/journey`)
      .set('Authorization', owner)
      .send(map);
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('at version 1');
  });

  it('lets any viewer report friction, aggregates it and never names the reporter', async () => {
    const server = await startSystemProductBackend();
    const saved = await request(server)
      .put(`${base}/journey`)
      .set('Authorization', owner)
      .send(map);
    const touchpoint = saved.body.stages[0].touchpoints[1];

    for (const [user, severity] of [
      ['user:default/a', 4],
      ['user:default/b', 5],
    ] as const) {
      const res = await request(server)
        .post(`${base}/friction`)
        .set('Authorization', mockCredentials.user.header(user))
        .send({ touchpointId: touchpoint.id, severity, text: 'Reruns again' });
      expect(res.status).toBe(201);
    }

    const read = await request(server)
      .get(`${base}/journey`)
      .set('Authorization', someone);
    // Two reporters, k = 3: the mean severity would tell one person's severity.
    expect(read.body.stages[0].touchpoints[1].friction).toEqual({
      reports: 2,
      averageSeverity: null,
      reporters: 2,
      minReporters: 3,
      texts: [],
      textsHidden: true,
      meToo: null,
      youSaidMeToo: false,
    });
    expect(JSON.stringify(read.body)).not.toMatch(/user:default\/[ab]\b/);
    expect(JSON.stringify(read.body)).not.toContain('Reruns again');
  });

  it('counts "me too" once per person, shows the count from k people on, and tells only the caller that they said it', async () => {
    const server = await startSystemProductBackend();
    const saved = await request(server)
      .put(`${base}/journey`)
      .set('Authorization', owner)
      .send(map);
    const [open, wait] = saved.body.stages[0].touchpoints;
    const as = (user: string) => mockCredentials.user.header(user);
    const meToo = (user: string, touchpointId = wait.id) =>
      request(server)
        .put(`${base}/touchpoints/${touchpointId}/me-too`)
        .set('Authorization', as(user));
    const frictionAs = async (user: string) =>
      (
        await request(server)
          .get(`${base}/journey`)
          .set('Authorization', as(user))
          .expect(200)
      ).body.stages[0].touchpoints.map((t: any) => t.friction);

    // k = 3. Two people, one of them three times: still two, so no count.
    const first = await meToo('user:default/a');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ meToo: null, youSaidMeToo: true });
    await meToo('user:default/b').expect(200);
    await meToo('user:default/b').expect(200);
    await meToo('user:default/b').expect(200);
    expect((await frictionAs('user:default/a'))[1]).toMatchObject({
      reports: 0,
      meToo: null,
      youSaidMeToo: true,
    });
    expect((await frictionAs('user:default/c'))[1]).toMatchObject({
      meToo: null,
      youSaidMeToo: false,
    });

    // The third person: 3 of 3, and their own answer says they are one.
    expect((await meToo('user:default/c')).body).toMatchObject({
      meToo: 3,
      youSaidMeToo: true,
    });
    const [openSeen, waitSeen] = await frictionAs('user:default/z');
    expect(waitSeen).toMatchObject({ meToo: 3, youSaidMeToo: false });
    expect(openSeen).toMatchObject({ meToo: null, youSaidMeToo: false });

    // Withdrawn: back below k; withdrawing twice changes nothing more.
    for (let i = 0; i < 2; i++) {
      const withdrawn = await request(server)
        .delete(`${base}/touchpoints/${wait.id}/me-too`)
        .set('Authorization', as('user:default/c'));
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({
        meToo: null,
        youSaidMeToo: false,
      });
    }
    expect((await frictionAs('user:default/b'))[1]).toMatchObject({
      meToo: null,
      youSaidMeToo: true,
    });

    // Only for a touchpoint of this entity, and only as a user.
    const unknown = await meToo('user:default/a', 'not-a-touchpoint');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain(
      "no touchpoint 'not-a-touchpoint'",
    );
    const byService = await request(server)
      .put(`${base}/touchpoints/${open.id}/me-too`)
      .set('Authorization', mockCredentials.service.header());
    expect(byService.status).toBe(403);
  });

  it('drops the "me too" of a touchpoint removed from the journey', async () => {
    const server = await startSystemProductBackend();
    const saved = await request(server)
      .put(`${base}/journey`)
      .set('Authorization', owner)
      .send(map);
    const [open, wait] = saved.body.stages[0].touchpoints;
    for (const user of ['a', 'b', 'c']) {
      await request(server)
        .put(`${base}/touchpoints/${wait.id}/me-too`)
        .set(
          'Authorization',
          mockCredentials.user.header(`user:default/${user}`),
        )
        .expect(200);
    }
    // Saved without "Wait for checks", then a new touchpoint of that name.
    const without = await request(server)
      .put(`${base}/journey`)
      .set('Authorization', owner)
      .send({
        version: 1,
        stages: [
          {
            name: 'Commit',
            touchpoints: [
              { id: open.id, name: open.name },
              { name: wait.name },
            ],
          },
        ],
      })
      .expect(200);
    const again = without.body.stages[0].touchpoints[1];
    expect(again.id).not.toBe(wait.id);
    expect(again.friction).toMatchObject({ meToo: null, youSaidMeToo: false });
    await request(server)
      .put(`${base}/touchpoints/${wait.id}/me-too`)
      .set('Authorization', someone)
      .expect(404);
  });

  it('returns what people wrote, newest first, once k different people reported', async () => {
    const server = await startSystemProductBackend();
    const saved = await request(server)
      .put(`${base}/journey`)
      .set('Authorization', owner)
      .send(map);
    const [open, wait] = saved.body.stages[0].touchpoints;
    const send = (user: string, touchpointId: string, text: string) =>
      request(server)
        .post(`${base}/friction`)
        .set('Authorization', mockCredentials.user.header(user))
        .send({ touchpointId, severity: 4, text })
        .expect(201);
    const friction = async () =>
      (
        await request(server)
          .get(`${base}/journey`)
          .set('Authorization', someone)
          .expect(200)
      ).body.stages[0].touchpoints.map((t: any) => t.friction);

    await send('user:default/a', wait.id, 'Checks queue for 20 minutes');
    await send('user:default/b', wait.id, 'Flaky e2e suite');
    // The same person again is not a third reporter.
    await send('user:default/b', wait.id, 'Flaky again');
    await send('user:default/c', open.id, 'Template is outdated');
    expect((await friction())[1]).toMatchObject({
      reports: 3,
      reporters: 2,
      texts: [],
      textsHidden: true,
    });

    await send('user:default/c', wait.id, '  \n ');
    await send('user:default/d', wait.id, '  Logs are cut off  ');
    const [openFriction, waitFriction] = await friction();
    expect(waitFriction).toMatchObject({
      reports: 5,
      reporters: 4,
      minReporters: 3,
      textsHidden: false,
      texts: [
        'Logs are cut off',
        'Flaky again',
        'Flaky e2e suite',
        'Checks queue for 20 minutes',
      ],
    });
    // One reporter on "Open a pull request": its text stays hidden.
    expect(openFriction).toMatchObject({ texts: [], textsHidden: true });
  });

  it('lets a service import friction with an opaque reporter, and users not name one', async () => {
    const server = await startSystemProductBackend();
    const saved = await request(server)
      .put(`${base}/journey`)
      .set('Authorization', owner)
      .send(map);
    const touchpointId = saved.body.stages[1].touchpoints[0].id;
    const service = mockCredentials.service.header();

    const missing = await request(server)
      .post(`${base}/friction`)
      .set('Authorization', service)
      .send({ touchpointId, severity: 2 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('body.reporter: is required');
    const imported = await request(server)
      .post(`${base}/friction`)
      .set('Authorization', service)
      .send({ reporter: 'survey-tool-17', touchpointId, severity: 2 });
    expect(imported.status).toBe(201);
    const named = await request(server)
      .post(`${base}/friction`)
      .set('Authorization', someone)
      .send({ reporter: 'someone-else', touchpointId, severity: 2 });
    expect(named.status).toBe(400);
  });

  it('keeps a touchpoint and its friction when it moves to another stage', async () => {
    const server = await startSystemProductBackend();
    const first = await request(server)
      .put(`${base}/journey`)
      .set('Authorization', owner)
      .send(map);
    const [commit, release] = first.body.stages;
    const moved = commit.touchpoints[1];
    await request(server)
      .post(`${base}/friction`)
      .set('Authorization', someone)
      .send({ touchpointId: moved.id, severity: 3 });

    // Drop the Commit stage, move "Wait for checks" into Release.
    const second = await request(server)
      .put(`${base}/journey`)
      .set('Authorization', owner)
      .send({
        version: 1,
        stages: [
          {
            id: release.id,
            name: 'Release',
            touchpoints: [
              { id: moved.id, name: moved.name },
              ...release.touchpoints.map(({ id, name }: any) => ({ id, name })),
            ],
          },
        ],
      });
    expect(second.status).toBe(200);
    expect(second.body.stages).toHaveLength(1);
    expect(second.body.stages[0].touchpoints[0]).toMatchObject({
      id: moved.id,
      friction: { reports: 1, reporters: 1 },
    });
  });

  it('forbids a non-owner from changing the journey', async () => {
    const server = await startSystemProductBackend();
    const res = await request(server)
      .put(`${base}/journey`)
      .set('Authorization', someone)
      .send(map);
    expect(res.status).toBe(403);
  });

  it.each([
    [{ stages: [] }, 'body.version: is required'],
    [{ version: 0, stages: 'x' }, 'body.stages: must be an array'],
    [
      { version: 0, stages: [{ touchpoints: [] }] },
      'body.stages[0].name: is required',
    ],
    [
      {
        version: 0,
        stages: [
          { name: 'A', touchpoints: [{ name: 'B', expectedMinutes: -1 }] },
        ],
      },
      'body.stages[0].touchpoints[0].expectedMinutes: must be at least 0',
    ],
    [
      {
        version: 0,
        stages: [{ name: 'A', touchpoints: [{ name: 'B', colour: 'red' }] }],
      },
      'body.stages[0].touchpoints[0].colour: is not a known field',
    ],
    [
      { version: 0, stages: [{ id: 'not-ours', name: 'A', touchpoints: [] }] },
      'stage not-ours is not part of this journey',
    ],
  ])(
    'rejects the journey %j with 400 naming the rule',
    async (body, message) => {
      const server = await startSystemProductBackend();
      const res = await request(server)
        .put(`${base}/journey`)
        .set('Authorization', owner)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    },
  );

  it.each([
    [{ severity: 3 }, 'body.touchpointId: is required'],
    [{ touchpointId: 'x' }, 'body.severity: is required'],
    [{ touchpointId: 'x', severity: 6 }, 'body.severity: must be at most 5'],
    [
      { touchpointId: 'unknown', severity: 2 },
      'body.touchpointId: is not a touchpoint',
    ],
  ])('rejects the friction report %j with 400', async (body, message) => {
    const server = await startSystemProductBackend();
    const res = await request(server)
      .post(`${base}/friction`)
      .set('Authorization', someone)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });
});
