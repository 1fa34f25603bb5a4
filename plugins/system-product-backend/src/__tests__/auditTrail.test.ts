import { AuditorEvent } from '@backstage/backend-defaults/auditor';
import { mockCredentials } from '@backstage/backend-test-utils';
import { emptyCanvasContent } from '@system-product/backstage-plugin-common';
import { Server } from 'node:http';
import request from 'supertest';
import { eventually } from '@internal/system-product-test-utils';
import { AUDITED_ROUTES } from '../router/auditMutations';
import { spec } from '../schema/openapi.generated';
import { promptedBuild } from '../__testUtils__/promptedBuild';
import { capturingAuditor } from '../__testUtils__/capturingAuditor';
import { leadTimeSlo } from '../__testUtils__/leadTimeSlo';
import {
  OWNER,
  startSystemProductBackend,
} from '../__testUtils__/startSystemProductBackend';

const BASE = '/api/system-product';
const ENTITY = `${BASE}/entities/system/default/ci-cd-pipeline`;
const ENTITY_REF = 'system:default/ci-cd-pipeline';
const NON_OWNER = 'user:default/margaret';
const SERVICE = mockCredentials.service().principal.subject;
const owner = mockCredentials.user.header(OWNER);
const nonOwner = mockCredentials.user.header(NON_OWNER);
const service = mockCredentials.service.header();

type Setup = {
  server: Server;
  touchpointId: string;
  roundId: string;
  itemId: string;
  triggerId: string;
  /** A moment prompt that went to NON_OWNER. */
  promptId: string;
};

/** An owner template's content. */
const auditTemplate = {
  title: 'Audit pulse',
  questions: [{ id: 'mood', kind: 'csat', prompt: 'How is it going?' }],
};

/** A backend with a journey, an open round, a roadmap item, a portal SLO and an owner template. */
async function setup(): Promise<Setup & { events: AuditorEvent[] }> {
  const auditor = capturingAuditor();
  const server = await startSystemProductBackend([auditor.factory]);
  const as = (method: 'put' | 'post', url: string, body: object) =>
    request(server)[method](url).set('Authorization', owner).send(body);
  const journey = await as('put', `${ENTITY}/journey`, {
    version: 0,
    stages: [{ name: 'Build', touchpoints: [{ name: 'CI pipeline' }] }],
  });
  const round = await as('post', `${ENTITY}/surveys`, {
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const item = await as('post', `${ENTITY}/roadmap`, {
    title: 'Cache dependencies',
    kind: 'quick-win',
  });
  const slo = await as('post', `${ENTITY}/slos`, leadTimeSlo('to-delete'));
  const trigger = await as('post', `${ENTITY}/moments`, {
    eventType: 'build',
    question: 'How was this build?',
    sampleRate: 1,
    cooldownDays: 1,
  });
  const template = await as('post', `${BASE}/survey-templates`, {
    ...auditTemplate,
    entityRef: ENTITY_REF,
    id: 'audit-pulse',
  });
  expect([
    journey.status,
    round.status,
    item.status,
    slo.status,
    trigger.status,
    template.status,
  ]).toEqual([200, 201, 201, 201, 201, 201]);
  const promptId = await promptedBuild(server, {
    poster: service,
    actor: NON_OWNER,
    actorAuth: nonOwner,
    eventId: 'audit-prompted',
  });
  // The set-up's own events are not what the tests look at.
  await eventually(() =>
    expect(auditor.events.filter(e => e.status !== 'initiated')).toHaveLength(
      7,
    ),
  );
  auditor.events.length = 0;
  return {
    server,
    events: auditor.events,
    touchpointId: journey.body.stages[0].touchpoints[0].id,
    roundId: round.body.id,
    itemId: item.body.id,
    triggerId: trigger.body.id,
    promptId,
  };
}

interface Case {
  eventId: string;
  method: 'put' | 'post' | 'patch' | 'delete';
  url: (s: Setup) => string;
  body?: (s: Setup) => object;
  /** Who makes the change, and who is refused (with the status). */
  by: string;
  refused: { by: string; status: number; body?: (s: Setup) => object };
  /** What the succeeded event says changed, besides the entity. */
  changed: (s: Setup) => object;
  /** A user's own word: the succeeded event does not name them. */
  anonymous?: boolean;
}

const cases: Case[] = [
  {
    eventId: 'canvas-update',
    method: 'put',
    url: () => `${ENTITY}/canvas`,
    body: () => ({ version: 0, content: emptyCanvasContent() }),
    by: owner,
    refused: { by: nonOwner, status: 403 },
    changed: () => ({ entityRef: ENTITY_REF, baseVersion: 0, version: 1 }),
  },
  {
    eventId: 'journey-update',
    method: 'put',
    url: () => `${ENTITY}/journey`,
    body: () => ({ version: 1, stages: [] }),
    by: owner,
    refused: { by: nonOwner, status: 403 },
    changed: () => ({ entityRef: ENTITY_REF, baseVersion: 1, version: 2 }),
  },
  {
    eventId: 'friction-report',
    method: 'post',
    url: () => `${ENTITY}/friction`,
    // A service importing reports is named; users are not (next test).
    body: s => ({ touchpointId: s.touchpointId, severity: 3, reporter: 'r1' }),
    by: service,
    refused: {
      by: service,
      status: 400,
      body: s => ({ touchpointId: s.touchpointId, severity: 9, reporter: 'r' }),
    },
    changed: s => ({ entityRef: ENTITY_REF, touchpointId: s.touchpointId }),
  },
  ...(['put', 'delete'] as const).map(
    (method): Case => ({
      eventId:
        method === 'put' ? 'friction-me-too' : 'friction-me-too-withdraw',
      method,
      url: s => `${ENTITY}/touchpoints/${s.touchpointId}/me-too`,
      by: nonOwner,
      refused: { by: service, status: 403 },
      changed: s => ({
        entityRef: ENTITY_REF,
        touchpointId: s.touchpointId,
        actor: 'an anonymous user',
      }),
      anonymous: true,
    }),
  ),
  {
    eventId: 'moment-trigger-create',
    method: 'post',
    url: () => `${ENTITY}/moments`,
    body: () => ({
      eventType: 'deployment',
      question: 'How did it go?',
      sampleRate: 0.1,
      cooldownDays: 14,
    }),
    by: owner,
    refused: { by: nonOwner, status: 403 },
    changed: () => ({ entityRef: ENTITY_REF, triggerId: expect.any(String) }),
  },
  {
    eventId: 'moment-trigger-delete',
    method: 'delete',
    url: s => `${ENTITY}/moments/${s.triggerId}`,
    by: owner,
    refused: { by: nonOwner, status: 403 },
    changed: s => ({ entityRef: ENTITY_REF, triggerId: s.triggerId }),
  },
  {
    eventId: 'moment-answer',
    method: 'post',
    url: s => `${BASE}/prompts/${s.promptId}/answer`,
    body: () => ({ score: 4 }),
    by: nonOwner,
    refused: { by: service, status: 403 },
    changed: s => ({ promptId: s.promptId, actor: 'an anonymous user' }),
    anonymous: true,
  },
  {
    eventId: 'page-visit',
    method: 'post',
    url: () => `${BASE}/page-moments/visits`,
    body: () => ({ path: '/catalog' }),
    by: nonOwner,
    refused: { by: service, status: 403 },
    changed: () => ({ prompted: false, actor: 'an anonymous user' }),
    anonymous: true,
  },
  {
    eventId: 'loop-notifications-set',
    method: 'put',
    url: () => `${BASE}/me/loop-notifications`,
    body: () => ({ enabled: false }),
    by: nonOwner,
    refused: { by: service, status: 403 },
    changed: () => ({ enabled: false }),
  },
  {
    eventId: 'review-settings-update',
    method: 'put',
    url: () => `${ENTITY}/review-settings`,
    body: () => ({ cadence: 'monthly' }),
    by: owner,
    refused: { by: nonOwner, status: 403 },
    changed: () => ({ entityRef: ENTITY_REF, cadence: 'monthly' }),
  },
  {
    eventId: 'review-create',
    method: 'post',
    url: () => `${ENTITY}/reviews`,
    by: owner,
    refused: { by: nonOwner, status: 403 },
    changed: () => ({ entityRef: ENTITY_REF, reviewId: expect.any(String) }),
  },
  {
    eventId: 'survey-round-open',
    method: 'post',
    url: () => `${ENTITY}/surveys`,
    body: () => ({
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
    by: owner,
    refused: { by: nonOwner, status: 403 },
    changed: () => ({
      entityRef: ENTITY_REF,
      roundId: expect.any(String),
      templateId: 'platform-pulse',
    }),
  },
  {
    eventId: 'survey-template-create',
    method: 'post',
    url: () => `${BASE}/survey-templates`,
    body: () => ({ ...auditTemplate, entityRef: ENTITY_REF, id: 'made' }),
    by: owner,
    refused: { by: nonOwner, status: 403 },
    changed: () => ({ entityRef: ENTITY_REF, templateId: 'made', version: 1 }),
  },
  {
    eventId: 'survey-template-update',
    method: 'put',
    url: () => `${BASE}/survey-templates/audit-pulse`,
    body: () => ({ ...auditTemplate, title: 'Changed', expectedVersion: 1 }),
    by: owner,
    refused: { by: nonOwner, status: 403 },
    changed: () => ({
      templateId: 'audit-pulse',
      baseVersion: 1,
      entityRef: ENTITY_REF,
      version: 2,
    }),
  },
  {
    eventId: 'survey-answer',
    method: 'post',
    url: s => `${BASE}/surveys/${s.roundId}/responses`,
    body: () => ({ answers: { nps: 9 }, respondent: 'imported-1' }),
    by: service,
    refused: {
      by: service,
      status: 400,
      body: () => ({ answers: { nps: 11 }, respondent: 'imported-1' }),
    },
    changed: s => ({ roundId: s.roundId, replaced: false }),
  },
  {
    eventId: 'slo-create',
    method: 'post',
    url: () => `${ENTITY}/slos`,
    body: () => leadTimeSlo('made-in-the-portal'),
    by: owner,
    refused: { by: nonOwner, status: 403 },
    changed: () => ({ entityRef: ENTITY_REF, sloName: 'made-in-the-portal' }),
  },
  {
    eventId: 'slo-delete',
    method: 'delete',
    url: () => `${ENTITY}/slos/to-delete`,
    by: owner,
    refused: { by: nonOwner, status: 403 },
    changed: () => ({ entityRef: ENTITY_REF, sloName: 'to-delete' }),
  },
  {
    eventId: 'roadmap-item-create',
    method: 'post',
    url: () => `${ENTITY}/roadmap`,
    body: () => ({ title: 'Faster CI', kind: 'quick-win' }),
    by: owner,
    refused: { by: nonOwner, status: 403 },
    changed: () => ({
      entityRef: ENTITY_REF,
      itemId: expect.any(String),
      version: 1,
    }),
  },
  {
    eventId: 'roadmap-item-update',
    method: 'patch',
    url: s => `${BASE}/roadmap/${s.itemId}`,
    body: () => ({ version: 1, status: 'planned' }),
    by: owner,
    refused: { by: nonOwner, status: 403 },
    changed: s => ({
      itemId: s.itemId,
      entityRef: ENTITY_REF,
      baseVersion: 1,
      version: 2,
    }),
  },
  {
    eventId: 'delivery-events-ingest',
    method: 'post',
    url: () => `${BASE}/events`,
    body: () => ({
      events: [
        {
          id: 'audit-1',
          type: 'build',
          entityRef: ENTITY_REF,
          finished: new Date().toISOString(),
          succeeded: true,
          durationSeconds: 60,
        },
      ],
    }),
    by: service,
    refused: { by: service, status: 400, body: () => ({ events: 'many' }) },
    changed: () => ({ events: 1, accepted: 1, duplicates: 0, rejected: 0 }),
  },
];

function actorOf(header: string): string {
  if (header === owner) return OWNER;
  if (header === nonOwner) return NON_OWNER;
  return SERVICE;
}

describe('audit trail', () => {
  it('audits every route of the OpenAPI document that changes something, and each has a case here', () => {
    const mutating = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter(key => ['put', 'post', 'patch', 'delete'].includes(key))
        .map(method => `${method.toUpperCase()} ${path}`),
    );
    const audited = AUDITED_ROUTES.map(
      r => `${r.method.toUpperCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`,
    );
    expect(audited.sort()).toEqual(mutating.sort());
    expect(cases.map(c => c.eventId).sort()).toEqual(
      AUDITED_ROUTES.map(r => r.eventId).sort(),
    );
  });

  it.each(cases.map(c => [c.eventId, c] as const))(
    '%s names the caller as the actor, with what changed, and of a refused attempt too',
    async (eventId, c) => {
      const s = await setup();
      const send = (auth: string, body?: object) => {
        const req = request(s.server)
          [c.method](c.url(s))
          .set('Authorization', auth);
        return body ? req.send(body) : req;
      };
      const refusedBody = c.refused.body ?? c.body;
      const refused = await send(c.refused.by, refusedBody?.(s));
      expect(refused.status).toBe(c.refused.status);
      const done = await send(c.by, c.body?.(s));
      expect(done.status).toBeLessThan(300);

      const severity = AUDITED_ROUTES.find(
        r => r.eventId === eventId,
      )!.severityLevel;
      await eventually(() => {
        const failed = s.events.find(
          e => e.eventId === eventId && e.status === 'failed',
        );
        expect(failed).toMatchObject({
          plugin: 'system-product',
          severityLevel: severity,
          actor: { actorId: actorOf(c.refused.by) },
          request: { method: c.method.toUpperCase() },
          meta: { status: c.refused.status },
        });
        const succeeded = s.events.find(
          e => e.eventId === eventId && e.status === 'succeeded',
        );
        expect(succeeded).toMatchObject({
          severityLevel: severity,
          ...(c.anonymous ? {} : { actor: { actorId: actorOf(c.by) } }),
          meta: c.changed(s),
        });
        // Named exactly when the route names its users.
        expect(JSON.stringify(succeeded).includes(actorOf(c.by))).toBe(
          !c.anonymous,
        );
      });
    },
  );

  it('keeps a user who answers a survey or reports friction out of the audit trail', async () => {
    const s = await setup();
    const answered = await request(s.server)
      .post(`${BASE}/surveys/${s.roundId}/responses`)
      .set('Authorization', nonOwner)
      .send({ answers: { nps: 9 } });
    const reported = await request(s.server)
      .post(`${ENTITY}/friction`)
      .set('Authorization', nonOwner)
      .send({ touchpointId: s.touchpointId, severity: 3 });
    expect([answered.status, reported.status]).toEqual([200, 201]);
    await eventually(() =>
      expect(
        s.events.filter(e => e.status === 'succeeded').map(e => e.eventId),
      ).toEqual(['survey-answer', 'friction-report']),
    );
    for (const event of s.events) {
      expect(event.meta).toMatchObject({ actor: 'an anonymous user' });
      expect(event.request).toBeUndefined();
    }
    expect(JSON.stringify(s.events)).not.toContain(NON_OWNER);
  });

  it('audits a refused attempt before the body is read: not JSON, or not well-formed', async () => {
    const s = await setup();
    const text = await request(s.server)
      .put(`${ENTITY}/canvas`)
      .set('Authorization', nonOwner)
      .set('Content-Type', 'text/plain')
      .send('version=0');
    expect(text.status).toBe(415);
    await eventually(() =>
      expect(s.events.find(e => e.status === 'failed')).toMatchObject({
        eventId: 'canvas-update',
        actor: { actorId: NON_OWNER },
        meta: { entityRef: ENTITY_REF, status: 415 },
        error: expect.objectContaining({ name: 'UnsupportedMediaTypeError' }),
      }),
    );
  });
});
