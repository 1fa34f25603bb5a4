import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { Server } from 'node:http';
import request from 'supertest';
import { spec } from '../schema/openapi.generated';
import { promptedBuild } from '../__testUtils__/promptedBuild';
import {
  OWNER,
  startSystemProductBackend,
} from '../__testUtils__/startSystemProductBackend';

const NON_OWNER = 'user:default/margaret';
const BASE = '/api/system-product';
const ENTITY = `${BASE}/entities/system/default/ci-cd-pipeline`;

type Who = 'none' | 'nonOwner' | 'owner' | 'service';
const WHO: Who[] = ['none', 'nonOwner', 'owner', 'service'];
const AUTH: Record<Who, string> = {
  none: mockCredentials.none.header(),
  nonOwner: mockCredentials.user.header(NON_OWNER),
  owner: mockCredentials.user.header(OWNER),
  service: mockCredentials.service.header(),
};

/** An SLO as the portal sends it, over the deployments' lead time. */
const portalSlo = (name: string, measure = 'lead-time-seconds') => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name },
  spec: {
    budgetingMethod: 'Occurrences',
    timeWindow: [{ duration: '28d', isRolling: true }],
    objectives: [
      { op: measure === 'nps' ? 'gte' : 'lte', value: 9, target: 0.5 },
    ],
    indicator: {
      metadata: { name: `${name}-indicator` },
      spec: {
        thresholdMetric: {
          metricSource: {
            type: 'system-product',
            spec: {
              event: measure === 'nps' ? 'survey' : 'deployment',
              measure,
            },
          },
        },
      },
    },
  },
});

interface Fixture {
  server: Server;
  db: Knex;
  roundId: string;
  touchpointId: string;
  itemId: string;
  /** A moment trigger to delete (made again before each caller). */
  triggerId: string;
  /** A moment prompt that went to NON_OWNER. */
  promptId: string;
  /** A review (made again before each caller). */
  reviewId: string;
}

interface Row {
  method: 'get' | 'put' | 'post' | 'patch' | 'delete';
  /** The path as the OpenAPI document names it. */
  path: string;
  url: (f: Fixture) => string;
  body?: (f: Fixture, who: Who) => Promise<object> | object;
  /** Runs before each caller's request, e.g. to recreate what was deleted. */
  prepare?: (f: Fixture) => Promise<void>;
  /** Status for: no credentials, signed-in non-owner, owner, service. */
  expected: [number, number, number, number];
  /** The callers it takes at all (others are refused before any lookup). */
  onlyFor?: Who[];
}

const asOwner = (f: Fixture, method: 'get' | 'post', url: string) =>
  request(f.server)[method](url).set('Authorization', AUTH.owner);

/** A moment trigger on builds, prompting everyone it can. */
const momentTrigger = {
  eventType: 'build',
  question: 'How was this build?',
  sampleRate: 1,
  cooldownDays: 1,
};

/** An owner template's content. */
const matrixTemplate = {
  title: 'Matrix pulse',
  questions: [{ id: 'mood', kind: 'csat', prompt: 'How is it going?' }],
};

const rows: Row[] = [
  {
    method: 'get',
    path: '/health',
    url: () => `${BASE}/health`,
    expected: [200, 200, 200, 200],
  },
  {
    method: 'get',
    path: '/portfolio',
    url: () => `${BASE}/portfolio`,
    expected: [401, 200, 200, 200],
  },
  {
    method: 'post',
    path: '/events',
    url: () => `${BASE}/events`,
    body: (_f, who) => ({
      events: [
        {
          id: `matrix-${who}`,
          type: 'build',
          entityRef: 'system:default/ci-cd-pipeline',
          finished: new Date().toISOString(),
          succeeded: true,
          durationSeconds: 60,
        },
      ],
    }),
    // A caller without the SLO permission has the batch refused (400, the
    // event named, nothing stored); see the next test.
    expected: [401, 400, 200, 200],
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/canvas',
    url: () => `${ENTITY}/canvas`,
    expected: [401, 200, 200, 200],
  },
  {
    method: 'put',
    path: '/entities/{kind}/{namespace}/{name}/canvas',
    url: () => `${ENTITY}/canvas`,
    body: async f => {
      const current = await asOwner(f, 'get', `${ENTITY}/canvas`);
      return { version: current.body.version, content: current.body.content };
    },
    expected: [401, 403, 200, 200],
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/canvas/revisions',
    url: () => `${ENTITY}/canvas/revisions`,
    expected: [401, 200, 200, 200],
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/journey',
    url: () => `${ENTITY}/journey`,
    expected: [401, 200, 200, 200],
  },
  {
    method: 'put',
    path: '/entities/{kind}/{namespace}/{name}/journey',
    url: () => `${ENTITY}/journey`,
    body: async f => {
      const current = await asOwner(f, 'get', `${ENTITY}/journey`);
      const stages = current.body.stages.map((stage: any) => ({
        id: stage.id,
        name: stage.name,
        touchpoints: stage.touchpoints.map((t: any) => ({
          id: t.id,
          name: t.name,
        })),
      }));
      return { version: current.body.version, stages };
    },
    expected: [401, 403, 200, 200],
  },
  {
    method: 'post',
    path: '/entities/{kind}/{namespace}/{name}/friction',
    url: () => `${ENTITY}/friction`,
    body: (f, who) => ({
      touchpointId: f.touchpointId,
      severity: 3,
      ...(who === 'service' ? { reporter: 'imported-reporter-1' } : {}),
    }),
    expected: [401, 201, 201, 201],
  },
  ...(['put', 'delete'] as const).map(
    (method): Row => ({
      method,
      path: '/entities/{kind}/{namespace}/{name}/touchpoints/{touchpointId}/me-too',
      url: f => `${ENTITY}/touchpoints/${f.touchpointId}/me-too`,
      // A user's own word; a service has nobody to say it for.
      expected: [401, 200, 200, 403],
      onlyFor: ['nonOwner', 'owner'],
    }),
  ),
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/surveys',
    url: () => `${ENTITY}/surveys`,
    expected: [401, 200, 200, 200],
  },
  {
    method: 'post',
    path: '/entities/{kind}/{namespace}/{name}/surveys',
    url: () => `${ENTITY}/surveys`,
    body: () => ({
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
    expected: [401, 403, 201, 201],
  },
  {
    method: 'get',
    path: '/survey-templates',
    url: () =>
      `${BASE}/survey-templates?entityRef=system:default/ci-cd-pipeline`,
    expected: [401, 200, 200, 200],
  },
  {
    method: 'post',
    path: '/survey-templates',
    url: () => `${BASE}/survey-templates`,
    body: (_f, who) => ({
      ...matrixTemplate,
      entityRef: 'system:default/ci-cd-pipeline',
      id: `matrix-${who}`,
    }),
    expected: [401, 403, 201, 201],
  },
  {
    method: 'get',
    path: '/survey-templates/{templateId}',
    url: () => `${BASE}/survey-templates/matrix-pulse`,
    expected: [401, 200, 200, 200],
  },
  {
    method: 'put',
    path: '/survey-templates/{templateId}',
    url: () => `${BASE}/survey-templates/matrix-pulse`,
    body: (_f, who) => ({ ...matrixTemplate, title: `Changed by ${who}` }),
    expected: [401, 403, 200, 200],
  },
  {
    method: 'post',
    path: '/surveys/{roundId}/responses',
    url: f => `${BASE}/surveys/${f.roundId}/responses`,
    body: (_f, who) => ({
      answers: { nps: 8 },
      ...(who === 'service' ? { respondent: 'imported-respondent-1' } : {}),
    }),
    expected: [401, 200, 200, 200],
  },
  {
    // Each user's own answer (they answer first); a service has none.
    method: 'get',
    path: '/surveys/{roundId}/responses/mine',
    url: f => `${BASE}/surveys/${f.roundId}/responses/mine`,
    prepare: async f => {
      for (const who of ['nonOwner', 'owner'] as const) {
        await request(f.server)
          .post(`${BASE}/surveys/${f.roundId}/responses`)
          .set('Authorization', AUTH[who])
          .send({ answers: { csat: 4 } });
      }
    },
    expected: [401, 200, 200, 403],
    onlyFor: ['nonOwner', 'owner'],
  },
  {
    method: 'get',
    path: '/surveys/{roundId}/results',
    url: f => `${BASE}/surveys/${f.roundId}/results`,
    expected: [401, 200, 200, 200],
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/slos',
    url: () => `${ENTITY}/slos`,
    expected: [401, 200, 200, 200],
  },
  {
    method: 'post',
    path: '/entities/{kind}/{namespace}/{name}/slos',
    url: () => `${ENTITY}/slos`,
    body: (_f, who) => portalSlo(`made-by-${who.toLowerCase()}`),
    expected: [401, 403, 201, 201],
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/slos/export',
    url: () => `${ENTITY}/slos/export`,
    expected: [401, 200, 200, 200],
  },
  {
    method: 'delete',
    path: '/entities/{kind}/{namespace}/{name}/slos/{sloName}',
    url: () => `${ENTITY}/slos/to-delete`,
    prepare: async f => {
      await asOwner(f, 'post', `${ENTITY}/slos`).send(portalSlo('to-delete'));
    },
    expected: [401, 403, 204, 204],
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/slos/{sloName}/status',
    url: () => `${ENTITY}/slos/matrix-slo/status`,
    expected: [401, 200, 200, 200],
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/dora',
    url: () => `${ENTITY}/dora?days=90`,
    expected: [401, 200, 200, 200],
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/roadmap',
    url: () => `${ENTITY}/roadmap`,
    expected: [401, 200, 200, 200],
  },
  {
    method: 'post',
    path: '/entities/{kind}/{namespace}/{name}/roadmap',
    url: () => `${ENTITY}/roadmap`,
    body: () => ({ title: 'Faster CI', kind: 'quick-win' }),
    expected: [401, 403, 201, 201],
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/moments',
    url: () => `${ENTITY}/moments`,
    expected: [401, 200, 200, 200],
  },
  {
    method: 'post',
    path: '/entities/{kind}/{namespace}/{name}/moments',
    url: () => `${ENTITY}/moments`,
    body: () => momentTrigger,
    expected: [401, 403, 201, 201],
  },
  {
    method: 'delete',
    path: '/entities/{kind}/{namespace}/{name}/moments/{triggerId}',
    url: f => `${ENTITY}/moments/${f.triggerId}`,
    prepare: async f => {
      const made = await asOwner(f, 'post', `${ENTITY}/moments`).send(
        momentTrigger,
      );
      f.triggerId = made.body.id;
    },
    expected: [401, 403, 204, 204],
  },
  {
    method: 'get',
    path: '/me/loop-notifications',
    url: () => `${BASE}/me/loop-notifications`,
    expected: [401, 200, 200, 403],
    onlyFor: ['nonOwner', 'owner'],
  },
  {
    method: 'put',
    path: '/me/loop-notifications',
    url: () => `${BASE}/me/loop-notifications`,
    body: () => ({ enabled: true }),
    expected: [401, 200, 200, 403],
    onlyFor: ['nonOwner', 'owner'],
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/review-settings',
    url: () => `${ENTITY}/review-settings`,
    expected: [401, 200, 200, 200],
  },
  {
    method: 'put',
    path: '/entities/{kind}/{namespace}/{name}/review-settings',
    url: () => `${ENTITY}/review-settings`,
    body: () => ({ cadence: 'weekly' }),
    expected: [401, 403, 200, 200],
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/reviews',
    url: () => `${ENTITY}/reviews`,
    expected: [401, 200, 200, 200],
  },
  {
    method: 'post',
    path: '/entities/{kind}/{namespace}/{name}/reviews',
    url: () => `${ENTITY}/reviews`,
    expected: [401, 403, 201, 201],
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/reviews/{reviewId}',
    url: f => `${ENTITY}/reviews/${f.reviewId}`,
    prepare: async f => {
      const made = await asOwner(f, 'post', `${ENTITY}/reviews`);
      f.reviewId = made.body.id;
    },
    expected: [401, 200, 200, 200],
  },
  // A prompt is its person's own: another user is answered as if it did not
  // exist, a service is refused.
  {
    method: 'get',
    path: '/prompts',
    url: () => `${BASE}/prompts`,
    expected: [401, 200, 200, 403],
    onlyFor: ['nonOwner', 'owner'],
  },
  {
    method: 'get',
    path: '/prompts/{promptId}',
    url: f => `${BASE}/prompts/${f.promptId}`,
    expected: [401, 200, 404, 403],
  },
  {
    method: 'post',
    path: '/prompts/{promptId}/answer',
    url: f => `${BASE}/prompts/${f.promptId}/answer`,
    body: () => ({ score: 4 }),
    expected: [401, 200, 404, 403],
  },
  {
    method: 'get',
    path: '/page-moments',
    url: () => `${BASE}/page-moments`,
    expected: [401, 200, 200, 403],
    onlyFor: ['nonOwner', 'owner'],
  },
  {
    method: 'post',
    path: '/page-moments/visits',
    url: () => `${BASE}/page-moments/visits`,
    body: () => ({ path: '/catalog' }),
    expected: [401, 200, 200, 403],
    onlyFor: ['nonOwner', 'owner'],
  },
  {
    method: 'patch',
    path: '/roadmap/{itemId}',
    url: f => `${BASE}/roadmap/${f.itemId}`,
    body: async f => {
      const list = await asOwner(f, 'get', `${ENTITY}/roadmap`);
      const item = list.body.items.find((i: any) => i.id === f.itemId);
      return { version: item.version, status: 'planned' };
    },
    expected: [401, 403, 200, 200],
  },
];

/** Starts the plugin on an in-memory SQLite database the test can read. */
async function startFixture(): Promise<Fixture> {
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
  const server = await startSystemProductBackend([
    mockServices.database.factory({ knex: db }),
  ]);
  const owner = (method: 'put' | 'post', url: string, body: object) =>
    request(server)[method](url).set('Authorization', AUTH.owner).send(body);
  const journey = await owner('put', `${ENTITY}/journey`, {
    version: 0,
    stages: [{ name: 'Build', touchpoints: [{ name: 'CI pipeline' }] }],
  });
  const round = await owner('post', `${ENTITY}/surveys`, {
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const item = await owner('post', `${ENTITY}/roadmap`, {
    title: 'Cache dependencies',
    kind: 'quick-win',
  });
  const slo = await owner('post', `${ENTITY}/slos`, portalSlo('matrix-slo'));
  const trigger = await owner('post', `${ENTITY}/moments`, momentTrigger);
  const template = await owner('post', `${BASE}/survey-templates`, {
    ...matrixTemplate,
    entityRef: 'system:default/ci-cd-pipeline',
    id: 'matrix-pulse',
  });
  expect([
    journey.status,
    round.status,
    item.status,
    slo.status,
    trigger.status,
    template.status,
  ]).toEqual([200, 201, 201, 201, 201, 201]);
  // A pipeline's build by NON_OWNER prompts them.
  const promptId = await promptedBuild(server, {
    poster: AUTH.service,
    actor: NON_OWNER,
    actorAuth: AUTH.nonOwner,
    eventId: 'matrix-prompted',
  });
  return {
    server,
    db,
    roundId: round.body.id,
    touchpointId: journey.body.stages[0].touchpoints[0].id,
    itemId: item.body.id,
    triggerId: trigger.body.id,
    promptId,
    reviewId: 'none-yet',
  };
}

describe('authorization matrix', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await startFixture();
  });
  afterAll(async () => {
    await fixture.db.destroy();
  });

  it('has a row for every route of the OpenAPI document', () => {
    const documented = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter(key => ['get', 'put', 'post', 'patch', 'delete'].includes(key))
        .map(method => `${method.toUpperCase()} ${path}`),
    );
    const covered = rows.map(r => `${r.method.toUpperCase()} ${r.path}`);
    expect(covered.sort()).toEqual(documented.sort());
  });

  it.each(rows.map(row => [`${row.method.toUpperCase()} ${row.path}`, row]))(
    '%s answers each caller as expected',
    async (_name, row) => {
      const got: number[] = [];
      for (const who of WHO) {
        await row.prepare?.(fixture);
        let req = request(fixture.server)[row.method](row.url(fixture));
        req = req.set('Authorization', AUTH[who]);
        if (row.body) req = req.send(await row.body(fixture, who));
        const res = await req;
        got.push(res.status);
      }
      expect(Object.fromEntries(WHO.map((w, i) => [w, got[i]]))).toEqual(
        Object.fromEntries(WHO.map((w, i) => [w, row.expected[i]])),
      );
    },
  );

  it('stores events only from callers who may post SLO data for the entity', async () => {
    const accepted: Record<string, number> = {};
    for (const who of ['nonOwner', 'owner', 'service'] as Who[]) {
      const res = await request(fixture.server)
        .post(`${BASE}/events`)
        .set('Authorization', AUTH[who])
        .send({
          events: [
            {
              id: `stored-${who}`,
              type: 'build',
              entityRef: 'system:default/ci-cd-pipeline',
              finished: new Date().toISOString(),
              succeeded: true,
              durationSeconds: 60,
            },
          ],
        });
      accepted[who] = res.status === 200 ? res.body.accepted : 0;
    }
    expect(accepted).toEqual({ nonOwner: 0, owner: 1, service: 1 });
  });

  it('answers 404 on every entity route for an entity the caller cannot see', async () => {
    const hidden = `${BASE}/entities/system/default/secret-system`;
    for (const row of rows.filter(r => r.path.startsWith('/entities/'))) {
      const url = row.url(fixture).replace(ENTITY, hidden);
      for (const who of ['nonOwner', 'owner', 'service'] as Who[]) {
        let req = request(fixture.server)[row.method](url);
        req = req.set('Authorization', AUTH[who]);
        if (row.body) req = req.send(await row.body(fixture, who));
        const res = await req;
        expect([row.method, url, who, res.status]).toEqual([
          row.method,
          url,
          who,
          !row.onlyFor || row.onlyFor.includes(who) ? 404 : 403,
        ]);
      }
    }
  });
});

describe('survey privacy', () => {
  let fixture: Fixture;
  const bodies: string[] = [];
  const respondents = ['user:default/ann', 'user:default/bob'];
  const imported = 'imported-respondent-x';

  const answer = async (who: string, body: object) => {
    const res = await request(fixture.server)
      .post(`${BASE}/surveys/${fixture.roundId}/responses`)
      .set('Authorization', who)
      .send(body);
    expect(res.status).toBe(200);
    bodies.push(res.text);
  };
  /** Every GET route, read by every caller; the bodies are kept. */
  const readEverything = async () => {
    const read: Record<string, any> = {};
    for (const row of rows.filter(r => r.method === 'get')) {
      for (const who of WHO) {
        const res = await request(fixture.server)
          .get(row.url(fixture))
          .set('Authorization', AUTH[who]);
        bodies.push(res.text);
        if (who === 'nonOwner') read[row.path] = res.body;
      }
    }
    return read;
  };

  beforeAll(async () => {
    fixture = await startFixture();
    await request(fixture.server)
      .post(`${ENTITY}/slos`)
      .set('Authorization', AUTH.owner)
      .send(portalSlo('nps-slo', 'nps'))
      .expect(201);
    for (const user of respondents) {
      await answer(mockCredentials.user.header(user), {
        answers: { nps: 9, complex: 'Builds wait too long' },
      });
    }
    await request(fixture.server)
      .post(`${ENTITY}/friction`)
      .set('Authorization', mockCredentials.user.header(respondents[0]))
      .send({
        touchpointId: fixture.touchpointId,
        severity: 5,
        text: 'Checks hang on Mondays',
      })
      .expect(201);
  });
  afterAll(async () => {
    await fixture.db.destroy();
  });

  it('shows no aggregate of a round below k responses on any route', async () => {
    const read = await readEverything();
    expect(read['/surveys/{roundId}/results']).toEqual({
      roundId: fixture.roundId,
      responses: 2,
      minResponses: 3,
      visible: false,
      moreNeeded: 1,
    });
    const round = read[
      '/entities/{kind}/{namespace}/{name}/surveys'
    ].items.find((r: any) => r.id === fixture.roundId);
    expect(round.scores).toBeNull();
    const entry = read['/portfolio'].items[0];
    expect(entry.survey).toMatchObject({ nps: null, csat: null });
    // One person reported friction: what they wrote stays hidden everywhere.
    const friction = read['/entities/{kind}/{namespace}/{name}/journey'].stages
      .flatMap((s: any) => s.touchpoints)
      .find((t: any) => t.id === fixture.touchpointId).friction;
    expect(friction).toMatchObject({
      reporters: 1,
      texts: [],
      textsHidden: true,
    });
    expect(bodies.join('\n')).not.toContain('Checks hang on Mondays');
  });

  it('shows no SLO over a survey measure below k responses', async () => {
    const res = await request(fixture.server)
      .get(`${ENTITY}/slos/nps-slo/status`)
      .set('Authorization', AUTH.nonOwner);
    expect(res.status).toBe(200);
    expect(res.body.slo.evaluation.sli).toBeNull();
  });

  it('never returns who answered or reported, nor their stored keys', async () => {
    await answer(AUTH.service, { respondent: imported, answers: { nps: 3 } });
    const read = await readEverything();
    expect(read['/surveys/{roundId}/results'].visible).toBe(true);
    const keys: string[] = [
      ...(await fixture.db('survey_responses').pluck('respondent_key')),
      ...(await fixture.db('friction_reports').pluck('reporter_key')),
    ];
    expect(keys).toHaveLength(4);
    const everything = bodies.join('\n');
    for (const secret of [...respondents, imported, ...keys]) {
      expect(everything).not.toContain(secret);
    }
  });
});
