import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { emptyCanvasContent } from '@system-product/backstage-plugin-common';
import { Knex } from 'knex';
import { Server } from 'node:http';
import request from 'supertest';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import {
  OWNER,
  startOnTestDatabase,
} from '../__testUtils__/startSystemProductBackend';
import { leadTimeSlo } from '../__testUtils__/leadTimeSlo';

jest.setTimeout(60_000);

const BASE = '/api/system-product';
const ENTITY = `${BASE}/entities/system/default/ci-cd-pipeline`;
const owner = mockCredentials.user.header(OWNER);

const deployment = (id: string, overrides: object = {}) => ({
  id,
  type: 'deployment',
  entityRef: 'system:default/ci-cd-pipeline',
  commitSha: 'abc',
  commitTime: '2026-11-20T10:00:00Z',
  deployTime: '2026-11-20T11:00:00Z',
  environment: 'production',
  succeeded: true,
  ...overrides,
});

/** `{"a":{"a":…1…}}`, nested `depth` times, as JSON text. */
const nested = (depth: number) =>
  `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const rows = async (db: Knex, table: string) =>
  Number((await db(table).count({ n: '*' }))[0].n);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

describe.each(databases.eachSupportedId())(
  'strict input, on %s',
  databaseId => {
    let db: Knex;
    let server: Server;
    let roundId: string;
    let itemId: string;
    const send = (
      method: 'post' | 'put' | 'patch',
      url: string,
      body: object | string,
    ) =>
      request(server)
        [method](url)
        .set('Authorization', owner)
        .set('Content-Type', 'application/json')
        .send(typeof body === 'string' ? body : JSON.stringify(body));

    beforeAll(async () => {
      ({ db, server } = await startOnTestDatabase(databases, databaseId));
      const round = await send('post', `${ENTITY}/surveys`, {
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      const item = await send('post', `${ENTITY}/roadmap`, {
        title: 'Faster CI',
        kind: 'quick-win',
      });
      roundId = round.body.id;
      itemId = item.body.id;
    });

    it('answers 400, not 500, to a deeply nested field, and stores nothing', async () => {
      const event = JSON.stringify(deployment('deep'));
      const res = await send(
        'post',
        `${BASE}/events`,
        `{"events":[${event.slice(0, -1)},"extra":${nested(5000)}}]}`,
      );
      const slo = await send(
        'post',
        `${ENTITY}/slos`,
        `{"apiVersion":"openslo/v1","kind":"SLO","metadata":{"name":"deep"},"spec":${nested(
          5000,
        )}}`,
      );
      expect([res.status, res.body.error.rejected]).toEqual([
        400,
        [
          {
            index: 0,
            id: 'deep',
            field: 'extra',
            reason: 'is not a known field',
          },
        ],
      ]);
      expect(slo.status).toBe(400);
      expect(await rows(db, 'delivery_events')).toBe(0);
      expect(await rows(db, 'slo_definitions')).toBe(0);
    });

    it.each(['2026-02-30', '2027-02-29'])(
      'refuses the day %s, which does not exist, everywhere a date is taken',
      async day => {
        const answers = await Promise.all([
          send('post', `${BASE}/events`, {
            events: [
              deployment('impossible', { deployTime: `${day}T10:00:00Z` }),
            ],
          }),
          send('post', `${ENTITY}/surveys`, { closesAt: `${day}T00:00:00Z` }),
          send('post', `${ENTITY}/surveys`, {
            opensAt: `${day}T00:00:00Z`,
            closesAt: '2027-04-01T00:00:00Z',
          }),
          send('post', `${ENTITY}/roadmap`, {
            title: 'Cache builds',
            kind: 'quick-win',
            targetDate: day,
          }),
          send('patch', `${BASE}/roadmap/${itemId}`, {
            version: 1,
            targetDate: day,
          }),
        ]);
        expect(answers.map(a => [a.status, a.body.error.message])).toEqual([
          [
            400,
            expect.stringContaining(
              'body.events[0].deployTime: must be an ISO 8601 date-time with a time zone (such as 2026-11-20T10:00:00Z) on a day that exists',
            ),
          ],
          [
            400,
            expect.stringMatching(/^body\.closesAt: .* on a day that exists$/),
          ],
          [
            400,
            expect.stringMatching(/^body\.opensAt: .* on a day that exists$/),
          ],
          [400, 'body.targetDate: must be a date (YYYY-MM-DD) that exists'],
          [400, 'body.targetDate: must be a date (YYYY-MM-DD) that exists'],
        ]);
        expect(await rows(db, 'delivery_events')).toBe(0);
      },
    );

    it('refuses a calendar SLO window that starts on a day that does not exist', async () => {
      const slo = leadTimeSlo('calendar');
      slo.spec.timeWindow = [
        {
          duration: '1M',
          isRolling: false,
          calendar: { startTime: '2026-02-30 00:00:00', timeZone: 'UTC' },
        } as any,
      ];
      const res = await send('post', `${ENTITY}/slos`, slo);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(
        'spec.timeWindow[0].calendar.startTime',
      );
    });

    it('takes 29 February of a leap year', async () => {
      const item = await send('post', `${ENTITY}/roadmap`, {
        title: 'Leap',
        kind: 'quick-win',
        targetDate: '2028-02-29',
      });
      const events = await send('post', `${BASE}/events`, {
        events: [deployment('leap', { deployTime: '2028-02-29T10:00:00Z' })],
      });
      expect([item.status, item.body.targetDate]).toEqual([201, '2028-02-29']);
      expect(events.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    });

    it('refuses a field the API does not name, by its name, on every kind of body', async () => {
      const canvas = await send('put', `${ENTITY}/canvas`, {
        version: 0,
        content: { ...emptyCanvasContent(), vision: 'x' },
      });
      const answer = await send(
        'post',
        `${BASE}/surveys/${roundId}/responses`,
        {
          answers: { nps: 9 },
          comment: 'x',
        },
      );
      const milestone = await send('post', `${ENTITY}/roadmap`, {
        title: 'Cache builds',
        kind: 'quick-win',
        milestones: [{ title: 'Spike', done: false, due: '2027-01-01' }],
      });
      const slo = await send('post', `${ENTITY}/slos`, {
        ...leadTimeSlo('labelled'),
        metadata: { name: 'labelled', labels: { team: 'x' } },
        status: {},
      });
      const event = await send('post', `${BASE}/events`, {
        events: [
          {
            id: 'i-typo',
            type: 'incident',
            entityRef: 'system:default/ci-cd-pipeline',
            started: '2026-11-20T10:00:00Z',
            causedByDeploymnet: 'd-1',
          },
        ],
      });
      expect(
        [canvas, answer, milestone, slo, event].map(a => [
          a.status,
          a.body.error.message,
        ]),
      ).toEqual([
        [400, 'body.content.vision: is not a known field'],
        [400, 'body.comment: is not a known field'],
        [400, 'body.milestones[0].due: is not a known field'],
        [
          400,
          'body.status: is not a known field; body.metadata.labels: is not a known field',
        ],
        [
          400,
          '1 of 1 events are invalid, so none was stored: body.events[0].causedByDeploymnet: is not a known field',
        ],
      ]);
      expect(await rows(db, 'survey_responses')).toBe(0);
      expect(await rows(db, 'slo_definitions')).toBe(0);
    });

    it('refuses a number for a text instead of storing it as empty', async () => {
      const res = await send('patch', `${BASE}/roadmap/${itemId}`, {
        version: 1,
        description: 42,
      });
      expect([res.status, res.body.error.message]).toEqual([
        400,
        'body.description: must be a string',
      ]);
      const stored = await db('roadmap_items').where({ id: itemId }).first();
      expect([stored.version, stored.description]).toEqual([1, '']);
    });

    it('refuses a batch with one bad event as a whole, naming it, and stores none', async () => {
      const res = await send('post', `${BASE}/events`, {
        events: [
          deployment('b-0'),
          deployment('b-1', { deployTime: '2026-02-30T11:00:00Z' }),
          deployment('b-2'),
          deployment('b-3', { succeeded: 'yes' }),
          deployment('b-4'),
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({
        name: 'InputError',
        message: expect.stringMatching(
          /^2 of 5 events are invalid, so none was stored: body\.events\[1\]\.deployTime: .*; body\.events\[3\]\.succeeded: must be true or false$/,
        ),
        rejected: [
          {
            index: 1,
            id: 'b-1',
            field: 'deployTime',
            reason: expect.stringContaining('on a day that exists'),
          },
          {
            index: 3,
            id: 'b-3',
            field: 'succeeded',
            reason: 'must be true or false',
          },
        ],
      });
      expect(
        await db('delivery_events')
          .whereIn('event_id', ['b-0', 'b-2', 'b-4'])
          .pluck('event_id'),
      ).toEqual([]);
    });

    it('refuses half of a UTF-16 surrogate pair in any text, naming the field', async () => {
      const answers = await Promise.all([
        send('put', `${ENTITY}/journey`, {
          version: 0,
          stages: [{ name: 'Build \uDE80', touchpoints: [] }],
        }),
        send('post', `${BASE}/surveys/${roundId}/responses`, {
          answers: { complex: 'Reviews \uD83D' },
        }),
        send('post', `${BASE}/events`, {
          events: [deployment('\uD800')],
        }),
      ]);
      expect(answers.map(a => [a.status, a.body.error.message])).toEqual([
        [
          400,
          expect.stringMatching(/^body\.stages\[0\]\.name: must not contain/),
        ],
        [
          400,
          expect.stringMatching(/^body\.answers\.complex: must not contain/),
        ],
        [
          400,
          expect.stringMatching(
            /^1 of 1 events are invalid, so none was stored: body\.events\[0\]\.id: must not contain/,
          ),
        ],
      ]);
      expect(await rows(db, 'journeys')).toBe(0);
      expect(await rows(db, 'survey_responses')).toBe(0);
    });
  },
);
