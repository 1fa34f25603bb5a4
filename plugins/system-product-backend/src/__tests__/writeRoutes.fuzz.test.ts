import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { emptyCanvasContent } from '@system-product/backstage-plugin-common';
import fc from 'fast-check';
import { Knex } from 'knex';
import { Server } from 'node:http';
import request from 'supertest';
import {
  OWNER,
  startOnTestDatabase,
} from '../__testUtils__/startSystemProductBackend';
import { leadTimeSlo } from '../__testUtils__/leadTimeSlo';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';

jest.setTimeout(180_000);

const BASE = '/api/system-product';
const ENTITY = `${BASE}/entities/system/default/ci-cd-pipeline`;
const owner = mockCredentials.user.header(OWNER);
/** Examples per route and database; each is one request (SP_FUZZ_RUNS for a deeper run). */
const RUNS = Number(process.env.SP_FUZZ_RUNS ?? 25);

const TABLES = [
  'canvases',
  'canvas_revisions',
  'journeys',
  'journey_stages',
  'touchpoints',
  'friction_reports',
  'survey_rounds',
  'survey_responses',
  'survey_answer_counts',
  'survey_text_answers',
  'roadmap_items',
  'delivery_events',
  'slo_definitions',
  'slo_status_history',
  'slo_status_latest',
  'plugin_settings',
];

/** Every row of every table, order-independent: what a rejected write must not change. */
async function snapshot(db: Knex): Promise<string> {
  const tables = await Promise.all(
    TABLES.map(async table =>
      (await db(table).select()).map(row => JSON.stringify(row)).sort(),
    ),
  );
  return JSON.stringify(tables);
}

interface Fixture {
  server: Server;
  roundId: string;
  itemId: string;
}

interface WriteRoute {
  name: string;
  method: 'put' | 'post' | 'patch';
  url: (f: Fixture) => string;
  /** A body the route accepts, as of now (versions move). */
  valid: (f: Fixture) => Promise<unknown> | unknown;
}

const current = async (f: Fixture, url: string) =>
  (await request(f.server).get(url).set('Authorization', owner)).body;

let eventCounter = 0;

/** A touchpoint of the journey, put back when an accepted fuzzed journey removed them all. */
async function touchpoint(f: Fixture): Promise<string> {
  const journey = await current(f, `${ENTITY}/journey`);
  const existing = journey.stages.flatMap((s: any) => s.touchpoints)[0];
  if (existing) return existing.id;
  const saved = await request(f.server)
    .put(`${ENTITY}/journey`)
    .set('Authorization', owner)
    .send({
      version: journey.version,
      stages: [{ name: 'Build', touchpoints: [{ name: 'CI' }] }],
    });
  return saved.body.stages[0].touchpoints[0].id;
}

const routes: WriteRoute[] = [
  {
    name: 'PUT …/canvas',
    method: 'put',
    url: () => `${ENTITY}/canvas`,
    valid: async f => ({
      version: (await current(f, `${ENTITY}/canvas`)).version,
      content: emptyCanvasContent(),
    }),
  },
  {
    name: 'PUT …/journey',
    method: 'put',
    url: () => `${ENTITY}/journey`,
    valid: async f => {
      const journey = await current(f, `${ENTITY}/journey`);
      return {
        version: journey.version,
        stages: [
          {
            id: journey.stages[0]?.id,
            name: 'Build',
            touchpoints: [{ name: 'CI', failureModes: [] }],
          },
        ],
      };
    },
  },
  {
    name: 'POST …/friction',
    method: 'post',
    url: () => `${ENTITY}/friction`,
    valid: async f => ({
      touchpointId: await touchpoint(f),
      severity: 3,
      text: 'Slow',
    }),
  },
  {
    name: 'POST …/surveys',
    method: 'post',
    url: () => `${ENTITY}/surveys`,
    valid: () => ({
      title: 'Pulse',
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
  },
  {
    name: 'POST /surveys/:roundId/responses',
    method: 'post',
    url: f => `${BASE}/surveys/${f.roundId}/responses`,
    valid: () => ({ answers: { nps: 7, csat: 4, complex: 'Reviews' } }),
  },
  {
    name: 'POST …/slos',
    method: 'post',
    url: () => `${ENTITY}/slos`,
    valid: () => leadTimeSlo(`fuzz-${eventCounter++}`),
  },
  {
    name: 'POST …/roadmap',
    method: 'post',
    url: () => `${ENTITY}/roadmap`,
    valid: () => ({ title: 'Cache builds', kind: 'quick-win' }),
  },
  {
    name: 'PATCH /roadmap/:itemId',
    method: 'patch',
    url: f => `${BASE}/roadmap/${f.itemId}`,
    valid: async f => {
      const { items } = await current(f, `${ENTITY}/roadmap`);
      const item = items.find((i: { id: string }) => i.id === f.itemId);
      return { version: item.version, status: 'planned', milestones: [] };
    },
  },
  {
    name: 'POST /events',
    method: 'post',
    url: () => `${BASE}/events`,
    valid: () => ({
      events: [
        {
          id: `fuzz-${eventCounter++}`,
          type: 'deployment',
          entityRef: 'system:default/ci-cd-pipeline',
          commitSha: 'abc',
          commitTime: '2026-11-20T10:00:00Z',
          deployTime: '2026-11-20T11:00:00Z',
          environment: 'production',
          succeeded: true,
        },
      ],
    }),
  },
];

/** JSON of every shape, with strings of any code point, NUL included. */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }),
  fc.jsonValue({ maxDepth: 3, stringUnit: 'binary-ascii' }),
);

type Mutation = {
  steps: number[];
  op: 'replace' | 'delete' | 'add';
  key: string;
  value: unknown;
};

/** One change to a valid body: a value replaced, a field removed or one added. */
const mutation: fc.Arbitrary<Mutation> = fc.record({
  steps: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
  op: fc.constantFrom<Mutation['op']>('replace', 'delete', 'add'),
  key: fc.string({ maxLength: 12 }),
  value: anyJson,
});

/** Applies a mutation to a copy of `body`, walking down by the steps. */
function mutate(body: unknown, change: Mutation): unknown {
  const holder: any = { root: JSON.parse(JSON.stringify(body)) };
  let parent: any = holder;
  let key: string | number = 'root';
  for (const step of change.steps) {
    const node: any = parent[key];
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    parent = node;
    key = Array.isArray(node) ? step % node.length : keys[step % keys.length];
  }
  if (change.op === 'delete' && parent !== holder) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (
    change.op === 'add' &&
    parent[key] !== null &&
    typeof parent[key] === 'object' &&
    !Array.isArray(parent[key])
  ) {
    parent[key][change.key] = change.value;
  } else {
    parent[key] = change.value;
  }
  return holder.root;
}

const databases = TestDatabases.create({ ids: testDatabaseIds() });

describe.each(databases.eachSupportedId())('write routes on %s', databaseId => {
  let db: Knex;
  let fixture: Fixture;

  beforeAll(async () => {
    const started = await startOnTestDatabase(databases, databaseId);
    db = started.db;
    const server = started.server;
    const as = (method: 'put' | 'post', url: string, body: object) =>
      request(server)[method](url).set('Authorization', owner).send(body);
    const round = await as('post', `${ENTITY}/surveys`, {
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const item = await as('post', `${ENTITY}/roadmap`, {
      title: 'Faster CI',
      kind: 'quick-win',
    });
    fixture = {
      server,
      roundId: round.body.id,
      itemId: item.body.id,
    };
  });

  it.each(routes.map(route => [route.name, route]))(
    '%s never answers 5xx to any JSON body and leaves nothing behind when it refuses',
    async (_name, route) => {
      // Accepted once as is: the mutations below start from a body that works.
      const baseline = await request(fixture.server)
        [route.method](route.url(fixture))
        .set('Authorization', owner)
        .send((await route.valid(fixture)) as object);
      expect(baseline.status).toBeLessThan(300);

      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            anyJson.map(value => ({ raw: value })),
            mutation.map(change => ({ change })),
          ),
          async input => {
            const body =
              'raw' in input
                ? input.raw
                : mutate(await route.valid(fixture), input.change);
            const before = await snapshot(db);
            const res = await request(fixture.server)
              [route.method](route.url(fixture))
              .set('Authorization', owner)
              .set('Content-Type', 'application/json')
              .send(JSON.stringify(body));
            const after = await snapshot(db);
            expect(res.status).toBeLessThan(500);
            // A refused write leaves every table as it was.
            expect(res.status >= 400 && after !== before).toBe(false);
          },
        ),
        { numRuns: RUNS },
      );
    },
  );
});
