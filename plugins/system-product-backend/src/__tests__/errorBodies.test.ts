import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { emptyCanvasContent } from '@system-product/backstage-plugin-common';
import knexFactory from 'knex';
import { Server } from 'node:http';
import request from 'supertest';
import { spec } from '../schema/openapi.generated';
import {
  OWNER,
  startSystemProductBackend,
} from '../__testUtils__/startSystemProductBackend';

const BASE = '/api/system-product';
const ENTITY = `${BASE}/entities/system/default/ci-cd-pipeline`;
const owner = mockCredentials.user.header(OWNER);

/** Starts the backend as `NODE_ENV` would have it: Backstage reads it at start. */
async function startWith(nodeEnv: string, features: any[] = []) {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  try {
    return await startSystemProductBackend(features);
  } finally {
    process.env.NODE_ENV = before;
  }
}

describe('error bodies', () => {
  describe('in production', () => {
    let server: Server;
    const db = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    beforeAll(async () => {
      server = await startWith('production', [
        mockServices.database.factory({ knex: db }),
      ]);
    });

    const nonOwner = mockCredentials.user.header('user:default/x');
    it.each([
      ['400', owner, () => request(server).put(`${ENTITY}/canvas`).send({})],
      [
        '403',
        nonOwner,
        () =>
          request(server)
            .put(`${ENTITY}/journey`)
            .send({ version: 0, stages: [] }),
      ],
      ['404', owner, () => request(server).get(`${BASE}/surveys/nope/results`)],
      [
        '415',
        owner,
        () =>
          request(server)
            .put(`${ENTITY}/canvas`)
            .set('Content-Type', 'text/plain')
            .send('hello'),
      ],
    ])('answers %s without a stack trace', async (status, auth, send) => {
      const res = await send().set('Authorization', auth);
      expect(res.status).toBe(Number(status));
      expect(res.body.error.name).toEqual(expect.any(String));
      expect(JSON.stringify(res.body)).not.toMatch(
        /"stack"|\.ts:\d+|at \w+ \(/,
      );
    });

    it('answers a failure of its own (5xx) without a stack trace', async () => {
      await db.destroy();
      const res = await request(server)
        .get(`${ENTITY}/canvas`)
        .set('Authorization', owner);
      expect(res.status).toBeGreaterThanOrEqual(500);
      expect(JSON.stringify(res.body)).not.toMatch(
        /"stack"|\.ts:\d+|at \w+ \(/,
      );
    });
  });

  it('shows the stack in development, as Backstage does (NODE_ENV=development)', async () => {
    const server = await startWith('development');
    const res = await request(server)
      .get(`${BASE}/surveys/nope/results`)
      .set('Authorization', owner);
    expect(res.status).toBe(404);
    expect(res.body.error.stack).toEqual(expect.any(String));
  });
});

describe('request bodies', () => {
  // Every operation of the OpenAPI document that takes a body, with its path
  // parameters filled in (the 415 comes before anything looks them up).
  const withBody = Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { requestBody?: unknown }>)
      .filter(([, operation]) => operation?.requestBody)
      .map(([method, _]) => ({
        method: method as 'put' | 'post' | 'patch',
        url:
          BASE +
          path
            .replace('{kind}', 'system')
            .replace('{namespace}', 'default')
            .replace('{name}', 'ci-cd-pipeline')
            .replace(/\{\w+\}/g, 'some-id'),
      })),
  );

  it('has routes with a body to check', () => {
    expect(withBody.length).toBeGreaterThanOrEqual(8);
  });

  it.each(withBody.map(r => [`${r.method.toUpperCase()} ${r.url}`, r]))(
    '%s answers 415 to a body that is not JSON',
    async (_name, route) => {
      const server = await startSystemProductBackend();
      for (const [type, body] of [
        ['text/plain', '{"version":0}'],
        ['application/x-www-form-urlencoded', 'version=0'],
      ]) {
        const res = await request(server)
          [route.method](route.url)
          .set('Authorization', owner)
          .set('Content-Type', type)
          .send(body);
        expect(res.status).toBe(415);
        expect(res.body.error).toMatchObject({
          name: 'UnsupportedMediaTypeError',
          message: `The body must be JSON (Content-Type: application/json), not ${type}`,
        });
      }
    },
  );

  it('takes JSON with a charset', async () => {
    const server = await startSystemProductBackend();
    const res = await request(server)
      .put(`${ENTITY}/journey`)
      .set('Authorization', owner)
      .set('Content-Type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ version: 0, stages: [] }));
    expect(res.status).toBe(200);
  });
});

describe('entity references in the path', () => {
  it.each([
    [
      'kind',
      `${BASE}/entities/1system/default/ci-cd-pipeline/canvas`,
      "'1system'",
    ],
    [
      'namespace',
      `${BASE}/entities/system/my_ns/ci-cd-pipeline/journey`,
      "'my_ns'",
    ],
    ['name', `${BASE}/entities/system/default/ci%20cd/surveys`, "'ci cd'"],
    [
      'name',
      `${BASE}/entities/system/default/-pipeline-/roadmap`,
      "'-pipeline-'",
    ],
  ])(
    'answers a malformed %s with our own 400 naming the parameter',
    async (part, url, value) => {
      const server = await startSystemProductBackend();
      const res = await request(server).get(url).set('Authorization', owner);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(
        `path parameter ${part} ${value} is not a valid entity ${part}`,
      );
      expect(res.body.error.cause).toBeUndefined();
    },
  );

  it('refuses a malformed reference before the change is attempted', async () => {
    const server = await startSystemProductBackend();
    const res = await request(server)
      .put(`${BASE}/entities/system/default/bad:name/canvas`)
      .set('Authorization', owner)
      .send({ version: 0, content: emptyCanvasContent() });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('path parameter name');
  });
});
