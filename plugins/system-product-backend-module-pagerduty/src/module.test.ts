import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The test runs the module in the real plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import systemProductPlugin from '@system-product/backstage-plugin-backend';
import {
  WEBHOOK_TIMEOUT_MS,
  eventually,
  webhookTestBackendFeatures,
} from '@internal/system-product-test-utils';
import { createHmac } from 'node:crypto';
import { Server } from 'node:http';
import request from 'supertest';
import documentedIncident from './__fixtures__/incident.priority_updated.json';
import pagerDutyModule from './index';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const SECRET = 'the-subscription-secret';
const INGRESS = '/api/events/http/pagerduty';
const DORA = '/api/system-product/entities/system/default/shop/dora';
const user = mockCredentials.user.header('user:default/ada');

/** The service of PagerDuty's documented incident webhook. */
const SERVICE = 'PF9KMXH';
const SECOND = 1000;
const MINUTE = 60 * SECOND;

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { owner: 'group:default/shop-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      namespace: 'default',
      annotations: { 'pagerduty.com/service-id': SERVICE },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/shop-team',
      system: 'shop',
    },
  },
];

/**
 * PagerDuty's documented incident webhook (incident PGR0VU2 of PF9KMXH) as
 * one step of an incident: the event type, its time and the incident's
 * status and creation set, the rest as published.
 */
function webhook(step: {
  eventType:
    | 'incident.triggered'
    | 'incident.acknowledged'
    | 'incident.resolved';
  incidentId: string;
  createdAt: Date;
  occurredAt: Date;
  serviceId?: string;
}): string {
  const { event } = structuredClone(documentedIncident);
  const status = step.eventType.replace('incident.', '');
  return JSON.stringify({
    event: {
      ...event,
      id: `${step.incidentId}-${status}`,
      event_type: step.eventType,
      occurred_at: step.occurredAt.toISOString(),
      data: {
        ...event.data,
        id: step.incidentId,
        status,
        // PagerDuty writes created_at in whole seconds.
        created_at: step.createdAt.toISOString().replace('.000Z', 'Z'),
        service: { ...event.data.service, id: step.serviceId ?? SERVICE },
      },
    },
  });
}

/** The three steps of an incident that started at `start`. */
function incident(
  incidentId: string,
  start: Date,
  ackAfterMs: number,
  resolveAfterMs: number,
) {
  const at = (ms: number) => new Date(start.getTime() + ms);
  const step = (
    eventType: Parameters<typeof webhook>[0]['eventType'],
    occurredAt: Date,
  ) => webhook({ eventType, incidentId, createdAt: start, occurredAt });
  return {
    triggered: step('incident.triggered', start),
    acknowledged: step('incident.acknowledged', at(ackAfterMs)),
    resolved: step('incident.resolved', at(resolveAfterMs)),
  };
}

/** The v1 signature PagerDuty sends: HMAC-SHA256 of the raw body, in hex. */
const sign = (body: string, secret = SECRET) =>
  `v1=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

/** POSTs a body as PagerDuty does, with the given signature header, if any. */
function deliver(server: Server, body: string, signature?: string) {
  const req = request(server)
    .post(INGRESS)
    .set('Content-Type', 'application/json')
    .set('X-Webhook-Id', `delivery-${JSON.parse(body).event.id}`);
  if (signature !== undefined) req.set('X-PagerDuty-Signature', signature);
  return req.send(body);
}

describe('PagerDuty webhooks through the events backend into System Product', () => {
  // Whole seconds, some days back, so the incidents are in DORA's 30 days.
  const now = Math.floor(Date.now() / SECOND) * SECOND;
  const startA = new Date(now - 3 * 24 * 60 * MINUTE);
  const startB = new Date(now - 2 * 24 * 60 * MINUTE);
  // A: acknowledged after 5 min 0.169 s, resolved after 65 min.
  const a = incident('PGR0VU2', startA, 5 * MINUTE + 169, 65 * MINUTE);
  // B: acknowledged after 12 min, resolved after 2 h 30 min 0.5 s.
  const b = incident('Q1W2E3R4T5Y6U7', startB, 12 * MINUTE, 150 * MINUTE + 500);

  const start = async (config: object = { webhookSecret: SECRET }) => {
    const db = await databases.init('SQLITE_3');
    const { server } = await startTestBackend({
      features: [
        ...webhookTestBackendFeatures({
          config: {
            // In-process delivery only, without the event bus.
            events: { useEventBus: 'never' },
            systemProduct: {
              survey: { respondentKeySecret: 'test-secret' },
              pagerduty: config,
            },
          },
        }),
        systemProductPlugin,
        pagerDutyModule,
        catalogServiceMock.factory({ entities }),
        mockServices.permissions.factory(),
        mockServices.database.factory({ knex: db }),
      ],
    });
    /** The stored incidents: id, for whom, and the spans. */
    const stored = async () =>
      (
        await db('delivery_events')
          .where('type', 'incident')
          .orderBy(['event_id', 'entity_ref'])
          .select('event_id', 'entity_ref', 'detect_seconds', 'restore_seconds')
      ).map(row => ({
        ...row,
        detect_seconds: row.detect_seconds ?? null,
        restore_seconds: row.restore_seconds ?? null,
      }));
    const incidents = async () => {
      const res = await request(server).get(DORA).set('Authorization', user);
      expect(res.status).toBe(200);
      return res.body.incidents;
    };
    return { server, stored, incidents };
  };

  it('gives the shop the time to detect and restore of signed webhooks, in order and shuffled', async () => {
    const { server, stored, incidents } = await start();

    for (const body of [a.triggered, a.acknowledged, a.resolved]) {
      expect((await deliver(server, body, sign(body))).status).toBe(202);
    }
    // A alone: detect 5 min 0.169 s = 300.169 s; restore 65 min = 3900 s.
    await eventually(
      async () =>
        expect(await incidents()).toEqual({
          timeToDetect: { value: 300.169, sampleSize: 1, band: null },
          timeToRestore: { value: 3900, sampleSize: 1, band: null },
        }),
      WEBHOOK_TIMEOUT_MS,
    );

    // B's steps out of order: resolved first, then triggered, then acknowledged.
    for (const body of [b.resolved, b.triggered, b.acknowledged]) {
      expect((await deliver(server, body, sign(body))).status).toBe(202);
    }
    // B: detect 12 min = 720 s; restore 150 min 0.5 s = 9000.5 s. The median
    // of two is their mean: detect (300.169 + 720) / 2 = 510.0845 s,
    // restore (3900 + 9000.5) / 2 = 6450.25 s.
    await eventually(async () => {
      const figures = await incidents();
      expect(figures.timeToDetect.sampleSize).toBe(2);
      expect(figures.timeToDetect.value).toBeCloseTo(510.0845, 6);
      expect(figures.timeToRestore).toEqual({
        value: 6450.25,
        sampleSize: 2,
        band: null,
      });
    }, WEBHOOK_TIMEOUT_MS);
    // One row per incident, for the system of the component that names the service.
    expect(await stored()).toEqual([
      {
        event_id: 'pagerduty:PF9KMXH:incident:PGR0VU2',
        entity_ref: 'system:default/shop',
        detect_seconds: 300.169,
        restore_seconds: 3900,
      },
      {
        event_id: 'pagerduty:PF9KMXH:incident:Q1W2E3R4T5Y6U7',
        entity_ref: 'system:default/shop',
        detect_seconds: 720,
        restore_seconds: 9000.5,
      },
    ]);
  });

  it('stores a redelivered webhook once', async () => {
    const { server, stored, incidents } = await start();
    for (const body of [a.triggered, a.resolved, a.triggered, a.resolved]) {
      expect((await deliver(server, body, sign(body))).status).toBe(202);
    }
    // Never acknowledged: no detection, restored after 3900 s.
    await eventually(
      async () =>
        expect(await incidents()).toEqual({
          timeToDetect: { value: null, sampleSize: 0, band: null },
          timeToRestore: { value: 3900, sampleSize: 1, band: null },
        }),
      WEBHOOK_TIMEOUT_MS,
    );
    expect(await stored()).toEqual([
      {
        event_id: 'pagerduty:PF9KMXH:incident:PGR0VU2',
        entity_ref: 'system:default/shop',
        detect_seconds: null,
        restore_seconds: 3900,
      },
    ]);
  });

  it('refuses webhooks with a wrong or missing signature with 4xx and stores nothing of them', async () => {
    const { server, stored } = await start();
    const tampered = a.resolved.replace('"resolved"', '"triggered"');

    const refused = [
      await deliver(server, a.triggered),
      await deliver(server, a.triggered, ''),
      await deliver(server, a.triggered, sign(a.triggered, 'another-secret')),
      await deliver(server, tampered, sign(a.resolved)),
    ];
    expect(refused.map(r => r.status)).toEqual([400, 400, 403, 403]);

    // A signed webhook after them is stored, and it alone.
    expect((await deliver(server, b.triggered, sign(b.triggered))).status).toBe(
      202,
    );
    await eventually(
      async () =>
        expect((await stored()).map(row => row.event_id)).toEqual([
          'pagerduty:PF9KMXH:incident:Q1W2E3R4T5Y6U7',
        ]),
      WEBHOOK_TIMEOUT_MS,
    );
  });

  it('stores nothing of a service that no entity claims', async () => {
    const { server, stored } = await start();
    const unclaimed = webhook({
      eventType: 'incident.triggered',
      incidentId: 'PNOBODY1',
      createdAt: startA,
      occurredAt: startA,
      serviceId: 'PNOBODY',
    });
    expect((await deliver(server, unclaimed, sign(unclaimed))).status).toBe(
      202,
    );
    expect((await deliver(server, b.triggered, sign(b.triggered))).status).toBe(
      202,
    );
    await eventually(
      async () =>
        expect((await stored()).map(row => row.event_id)).toEqual([
          'pagerduty:PF9KMXH:incident:Q1W2E3R4T5Y6U7',
        ]),
      WEBHOOK_TIMEOUT_MS,
    );
  });

  it('refuses every webhook, signed or not, when no secret is configured', async () => {
    const { server, stored, incidents } = await start({});
    expect((await deliver(server, a.triggered, sign(a.triggered))).status).toBe(
      503,
    );
    expect((await deliver(server, a.triggered)).status).toBe(503);
    expect(await stored()).toEqual([]);
    expect((await incidents()).timeToRestore.sampleSize).toBe(0);
  });
});
