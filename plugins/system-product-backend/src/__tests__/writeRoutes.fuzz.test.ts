import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { emptyCanvasContent } from '@system-product/backstage-plugin-common';
import fc from 'fast-check';
import { Knex } from 'knex';
import { Server } from 'node:http';
import request from 'supertest';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import {
  OWNER,
  startOnTestDatabase,
} from '../__testUtils__/startSystemProductBackend';
import { leadTimeSlo } from '../__testUtils__/leadTimeSlo';
import { promptedBuild } from '../__testUtils__/promptedBuild';
import { spec } from '../schema/openapi.generated';

jest.setTimeout(180_000);

const BASE = '/api/system-product';
const ENTITY = `${BASE}/entities/system/default/ci-cd-pipeline`;
const owner = mockCredentials.user.header(OWNER);
/** Examples per route and database; each is one request (SP_FUZZ_RUNS for a deeper run). */
const RUNS = Number(process.env.SP_FUZZ_RUNS ?? 25);

/** Every table of the plugin (the migrations' own bookkeeping left out). */
async function pluginTables(db: Knex): Promise<string[]> {
  const names: string[] =
    db.client.config.client === 'pg'
      ? (
          await db('information_schema.tables')
            .where({ table_schema: 'public' })
            .select('table_name')
        ).map((row: { table_name: string }) => row.table_name)
      : (await db('sqlite_master').where({ type: 'table' }).select('name')).map(
          (row: { name: string }) => row.name,
        );
  // slo_evaluations is refreshed in the background after earlier writes.
  return names
    .filter(name => !/^knex_migrations|^sqlite_|^slo_evaluations$/.test(name))
    .sort();
}

/** Every row of every table, order-independent: what a rejected write must not change. */
async function snapshot(db: Knex): Promise<string> {
  const tables = await Promise.all(
    (
      await pluginTables(db)
    ).map(async table =>
      (await db(table).select()).map(row => JSON.stringify(row)).sort(),
    ),
  );
  return JSON.stringify(tables);
}

interface Fixture {
  server: Server;
  roundId: string;
  itemId: string;
  /** A moment prompt that went to OWNER. */
  promptId: string;
}

interface WriteRoute {
  name: string;
  method: 'put' | 'post' | 'patch';
  /** The path as the OpenAPI document names it. */
  path: string;
  url: (f: Fixture) => string;
  /** A body the route accepts, as of now (versions move). */
  valid: (f: Fixture) => Promise<unknown> | unknown;
}

const current = async (f: Fixture, url: string) =>
  (await request(f.server).get(url).set('Authorization', owner)).body;

let eventCounter = 0;
let templateCounter = 0;

/** A template with a question of each kind that has fields of its own. */
const fuzzTemplate = {
  title: 'Fuzz pulse',
  description: 'Every field',
  questions: [
    {
      id: 'agree',
      kind: 'likert',
      prompt: 'It works',
      anchors: { low: 'No', high: 'Yes' },
    },
    {
      id: 'pains',
      kind: 'multiple',
      prompt: 'What hurts?',
      options: ['Builds', 'Reviews', 'Docs'],
      maxChoices: 2,
    },
  ],
};

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
    path: '/entities/{kind}/{namespace}/{name}/canvas',
    method: 'put',
    url: () => `${ENTITY}/canvas`,
    valid: async f => ({
      version: (await current(f, `${ENTITY}/canvas`)).version,
      content: emptyCanvasContent(),
    }),
  },
  {
    name: 'PUT …/journey',
    path: '/entities/{kind}/{namespace}/{name}/journey',
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
    path: '/entities/{kind}/{namespace}/{name}/friction',
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
    path: '/entities/{kind}/{namespace}/{name}/surveys',
    method: 'post',
    url: () => `${ENTITY}/surveys`,
    valid: () => ({
      title: 'Pulse',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
  },
  {
    name: 'POST /survey-templates',
    path: '/survey-templates',
    method: 'post',
    url: () => `${BASE}/survey-templates`,
    valid: () => ({
      ...fuzzTemplate,
      entityRef: 'system:default/ci-cd-pipeline',
      id: `fuzz-${(templateCounter += 1)}`,
    }),
  },
  {
    name: 'PUT /survey-templates/:templateId',
    path: '/survey-templates/{templateId}',
    method: 'put',
    url: () => `${BASE}/survey-templates/fuzz-pulse`,
    valid: () => fuzzTemplate,
  },
  {
    name: 'POST /surveys/:roundId/responses',
    path: '/surveys/{roundId}/responses',
    method: 'post',
    url: f => `${BASE}/surveys/${f.roundId}/responses`,
    valid: () => ({ answers: { nps: 7, csat: 4, complex: 'Reviews' } }),
  },
  {
    name: 'POST …/moments',
    path: '/entities/{kind}/{namespace}/{name}/moments',
    method: 'post',
    url: () => `${ENTITY}/moments`,
    valid: () => ({
      eventType: 'deployment',
      outcome: 'failed',
      environment: 'production',
      question: 'How did it go?',
      textQuestion: 'What got in the way?',
      sampleRate: 0.5,
      cooldownDays: 7,
    }),
  },
  {
    // Answered once (the baseline); every later valid answer is refused.
    name: 'POST /prompts/:promptId/answer',
    path: '/prompts/{promptId}/answer',
    method: 'post',
    url: f => `${BASE}/prompts/${f.promptId}/answer`,
    valid: () => ({ score: 2, text: 'Slow approval' }),
  },
  {
    name: 'POST /page-moments/visits',
    path: '/page-moments/visits',
    method: 'post',
    url: () => `${BASE}/page-moments/visits`,
    valid: () => ({ path: '/create/tasks/1' }),
  },
  {
    name: 'PUT /me/loop-notifications',
    path: '/me/loop-notifications',
    method: 'put',
    url: () => `${BASE}/me/loop-notifications`,
    valid: () => ({ enabled: true }),
  },
  {
    name: 'PUT …/review-settings',
    path: '/entities/{kind}/{namespace}/{name}/review-settings',
    method: 'put',
    url: () => `${ENTITY}/review-settings`,
    valid: () => ({ cadence: 'weekly' }),
  },
  {
    name: 'POST …/slos',
    path: '/entities/{kind}/{namespace}/{name}/slos',
    method: 'post',
    url: () => `${ENTITY}/slos`,
    valid: () => leadTimeSlo(`fuzz-${eventCounter++}`),
  },
  {
    name: 'POST …/roadmap',
    path: '/entities/{kind}/{namespace}/{name}/roadmap',
    method: 'post',
    url: () => `${ENTITY}/roadmap`,
    valid: () => ({
      title: 'Cache builds',
      kind: 'quick-win',
      targetDate: '2027-03-01',
      milestones: [{ title: 'Spike', done: false }],
    }),
  },
  {
    name: 'PATCH /roadmap/:itemId',
    path: '/roadmap/{itemId}',
    method: 'patch',
    url: f => `${BASE}/roadmap/${f.itemId}`,
    valid: async f => {
      const { items } = await current(f, `${ENTITY}/roadmap`);
      const item = items.find((i: { id: string }) => i.id === f.itemId);
      return {
        version: item.version,
        status: 'planned',
        targetDate: '2028-02-29',
        milestones: [{ title: 'Spike' }],
      };
    },
  },
  {
    name: 'POST /events',
    path: '/events',
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

type Schema = { [keyword: string]: any };

/** A `$ref` of the OpenAPI document, followed. */
function resolve(schema: Schema | undefined): Schema | undefined {
  let s = schema;
  while (s?.$ref) {
    s = (s.$ref as string)
      .slice(2)
      .split('/')
      .reduce<any>((node, key) => node?.[key], spec);
  }
  return s;
}

/** The schema of `data` where `schema` describes it: a oneOf's branch by its discriminator. */
function effective(
  schema: Schema | undefined,
  data: unknown,
): Schema | undefined {
  const s = resolve(schema);
  const tag = s?.discriminator?.propertyName;
  if (!tag) return s;
  return s!.oneOf
    .map(resolve)
    .find((b: Schema) => b.properties?.[tag]?.const === (data as any)?.[tag]);
}

interface Place {
  path: Array<string | number>;
  schema: Schema;
}

/**
 * Every place of a valid body with its schema, found by walking the two
 * together: what the fuzzing below mutates by the schema's rules.
 */
function places(body: unknown, schema: Schema | undefined): Place[] {
  const found: Place[] = [];
  const walk = (value: unknown, s: Schema | undefined, path: Place['path']) => {
    const here = effective(s, value);
    if (!here) return;
    found.push({ path, schema: here });
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, here.items, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const property = here.properties?.[key] ?? here.allOf?.[0];
        walk(item, property, [...path, key]);
      }
    }
  };
  walk(body, schema, []);
  return found;
}

const bodySchemaOf = (route: WriteRoute) =>
  (spec.paths as any)[route.path][route.method].requestBody.content[
    'application/json'
  ].schema;

/** Sets `value` at `path` of a copy of `body`. */
function setAt(body: unknown, path: Place['path'], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(body));
  if (path.length === 0) return value;
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
  parent[path[path.length - 1]] = value;
  return copy;
}

const daysIn = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A day that is not on the calendar, such as 2026-02-30 or 2027-02-29. */
const impossibleDay = fc
  .record({
    year: fc.integer({ min: 1970, max: 2099 }),
    month: fc.integer({ min: 1, max: 12 }),
    over: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ year, month, over }) => {
    const day = daysIn(year, month) + over;
    return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  });

/** A field name that no object of the request names. */
const unknownName = fc
  .stringMatching(/^[a-z][a-zA-Z0-9]{0,11}$/)
  .filter(name => !JSON.stringify(spec).includes(`"${name}"`));

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
    await as('post', `${BASE}/survey-templates`, {
      ...fuzzTemplate,
      entityRef: 'system:default/ci-cd-pipeline',
      id: 'fuzz-pulse',
    }).expect(201);
    // A build of OWNER's prompts them (they may name themselves).
    await as('post', `${ENTITY}/moments`, {
      eventType: 'build',
      question: 'How was this build?',
      textQuestion: 'Why?',
      sampleRate: 1,
      cooldownDays: 1,
    }).expect(201);
    const promptId = await promptedBuild(server, {
      poster: owner,
      actor: OWNER,
      actorAuth: owner,
      eventId: 'fuzz-prompted',
    });
    fixture = {
      server,
      roundId: round.body.id,
      itemId: item.body.id,
      promptId,
    };
  });

  it('fuzzes every route of the OpenAPI document that takes a body, and watches every table', async () => {
    const documented = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => (operation as any)?.requestBody)
        .map(([method]) => `${method} ${path}`),
    );
    expect(routes.map(r => `${r.method} ${r.path}`).sort()).toEqual(
      documented.sort(),
    );
    expect(await pluginTables(db)).toEqual(
      expect.arrayContaining([
        'canvases',
        'delivery_events',
        'slo_alert_states',
        'survey_responses',
      ]),
    );
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

  it.each(routes.map(route => [route.name, route]))(
    '%s refuses a field its schema does not name and a day that does not exist, by name, changing nothing',
    async (_name, route) => {
      const schema = bodySchemaOf(route);
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.record({ unknown: unknownName, at: fc.nat() }),
            fc.record({ day: impossibleDay, at: fc.nat() }),
          ),
          async change => {
            const valid = await route.valid(fixture);
            const all = places(valid, schema);
            let body: unknown;
            let names: string;
            if ('unknown' in change) {
              // Every closed object of the body, e.g. an event, a milestone.
              const closed = all.filter(
                p => p.schema.additionalProperties === false,
              );
              const { path } = closed[change.at % closed.length];
              const target = path.reduce<any>((node, key) => node[key], valid);
              body = setAt(valid, path, { ...target, [change.unknown]: 1 });
              names = `.${change.unknown}: is not a known field`;
            } else {
              const dates = all.filter(p =>
                ['date', 'date-time'].includes(p.schema.format),
              );
              // A route without a date field has nothing to refuse here.
              if (dates.length === 0) return;
              const { path, schema: date } = dates[change.at % dates.length];
              body = setAt(
                valid,
                path,
                date.format === 'date' ? change.day : `${change.day}T10:00:00Z`,
              );
              names = 'that exists';
            }
            const before = await snapshot(db);
            const res = await request(fixture.server)
              [route.method](route.url(fixture))
              .set('Authorization', owner)
              .send(body as object);
            expect([res.status, res.body.error?.message]).toEqual([
              400,
              expect.stringContaining(names),
            ]);
            expect(await snapshot(db)).toBe(before);
          },
        ),
        { numRuns: RUNS },
      );
    },
  );
});
