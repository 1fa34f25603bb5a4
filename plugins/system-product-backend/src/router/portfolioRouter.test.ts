import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  SloEvaluation,
  SloStatus,
} from '@system-product/backstage-plugin-common';
import request from 'supertest';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { SloStatusStore } from '../database/SloStatusStore';
import {
  OWNER,
  startOnTestDatabase,
  startSystemProductBackend,
  testSystem,
} from '../__testUtils__/startSystemProductBackend';

function entity(
  kind: string,
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
    spec: { owner },
    relations: [{ type: 'ownedBy', targetRef: owner }],
  };
}

const entities = [
  testSystem,
  entity('Component', 'deploy-bot', 'group:default/mobile', {
    'system-product/enabled': 'true',
    'system-product/users': 'group:default/a,group:default/b',
  }),
  entity('Component', 'mobile-app', 'group:default/mobile'),
  entity('System', 'legacy', 'group:default/mobile', {
    'system-product/enabled': 'false',
  }),
];
const owner = mockCredentials.user.header(OWNER);
const base = '/api/system-product/entities/system/default/ci-cd-pipeline';

describe('portfolio route', () => {
  it('lists the visible system products with their figures, most urgent first', async () => {
    const server = await startSystemProductBackend([], entities);
    const journey = await request(server)
      .put(`${base}/journey`)
      .set('Authorization', owner)
      .send({
        version: 0,
        stages: [{ name: 'Build', touchpoints: [{ name: 'Checks' }] }],
      });
    const touchpointId = journey.body.stages[0].touchpoints[0].id;
    for (const severity of [5, 4]) {
      await request(server)
        .post(`${base}/friction`)
        .set(
          'Authorization',
          mockCredentials.user.header(`user:default/u${severity}`),
        )
        .send({ touchpointId, severity });
    }
    await request(server)
      .post(`${base}/roadmap`)
      .set('Authorization', owner)
      .send({
        title: 'Quarantine flaky tests',
        kind: 'quick-win',
        status: 'in-progress',
      });
    const round = await request(server)
      .post(`${base}/surveys`)
      .set('Authorization', owner)
      .send({ closesAt: new Date(Date.now() + 86_400_000).toISOString() });
    for (const [i, nps] of [10, 9, 3].entries()) {
      await request(server)
        .post(`/api/system-product/surveys/${round.body.id}/responses`)
        .set('Authorization', mockCredentials.user.header(`user:default/r${i}`))
        .send({ answers: { nps } });
    }

    const res = await request(server)
      .get('/api/system-product/portfolio')
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/margaret'),
      );
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.entityRef)).toEqual([
      'system:default/ci-cd-pipeline',
      'component:default/deploy-bot',
    ]);
    const [pipeline, bot] = res.body.items;
    expect(pipeline).toMatchObject({
      owner: 'group:default/platform-team',
      survey: { responses: 3, csat: null },
      friction: { reports: 2, averageSeverity: 4.5 },
      roadmap: { total: 1, inProgress: 1, shipped: 0, planned: 0 },
    });
    expect(pipeline.survey.nps).toBeCloseTo(100 / 3);
    // One user group: impact 1/5. Friction (4.5 - 1)/4 = 0.875;
    // dissatisfaction (100 - 33.33)/200 = 0.3333; no SLOs; need the mean,
    // 0.6042; one item in progress: support 0.75.
    const score = 0.2 * ((0.875 + (100 - 100 / 3) / 200) / 2) * 0.75;
    expect(pipeline.priority).toMatchObject({
      impact: 0.2,
      friction: 0.875,
      slo: null,
      support: 0.75,
    });
    expect(pipeline.priority.dissatisfaction).toBeCloseTo(1 / 3, 10);
    expect(pipeline.priority.score).toBeCloseTo(score, 10);
    expect(pipeline.priority.reasons).toEqual([
      '1 user group depends on it',
      'Friction 4.5 of 5 from 2 reports',
      'Survey: NPS 33',
      '1 roadmap item planned or in progress',
    ]);

    // The same score on a page that lists it alone (an owner's).
    const alone = await request(server)
      .get('/api/system-product/portfolio?owner=group:default/platform-team')
      .set('Authorization', owner);
    expect(alone.body.items.map((i: any) => i.entityRef)).toEqual([
      'system:default/ci-cd-pipeline',
    ]);
    expect(alone.body.items[0].priority).toEqual(pipeline.priority);
    expect(bot).toMatchObject({
      survey: { responses: null, nps: null },
      friction: { reports: 0, averageSeverity: null },
      slos: { total: 0, breached: 0, evaluatedAt: null },
      priority: { score: 0 },
    });
  });

  it('filters by owner', async () => {
    const server = await startSystemProductBackend([], entities);
    const res = await request(server)
      .get('/api/system-product/portfolio?owner=group:default/mobile')
      .set('Authorization', owner);
    expect(res.body).toEqual({ items: expect.any(Array) });
    expect(res.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/deploy-bot',
    ]);
  });
});

const databases = TestDatabases.create({ ids: testDatabaseIds() });

describe.each(databases.eachSupportedId())(
  'portfolio SLO status on %s',
  databaseId => {
    it('counts the SLOs of each system by status at its latest scheduled evaluation', async () => {
      const { db, server } = await startOnTestDatabase(
        databases,
        databaseId,
        entities,
      );
      const statuses = new SloStatusStore(db);
      const evaluation = (status: SloStatus) =>
        ({
          window: { from: '', to: '' },
          sli: null,
          remaining: null,
          total: 0,
          status,
          burnRates: [],
        } as SloEvaluation);
      const ref = 'system:default/ci-cd-pipeline';
      await statuses.recordRun(
        ref,
        [{ name: 'lead-time', evaluation: evaluation('met') }],
        new Date('2026-11-25T11:55:00Z'),
      );
      await statuses.recordRun(
        ref,
        [
          { name: 'lead-time', evaluation: evaluation('breached') },
          { name: 'success', evaluation: evaluation('at-risk') },
          { name: 'csat', evaluation: evaluation('met') },
          { name: 'ttr', evaluation: evaluation('no-data') },
        ],
        new Date('2026-11-25T12:00:00Z'),
      );

      const res = await request(server)
        .get('/api/system-product/portfolio')
        .set('Authorization', owner);
      const pipeline = res.body.items.find((i: any) => i.entityRef === ref);
      expect(pipeline.slos).toEqual({
        total: 4,
        breached: 1,
        atRisk: 1,
        met: 1,
        noData: 1,
        evaluatedAt: '2026-11-25T12:00:00.000Z',
      });
    });
  },
);
