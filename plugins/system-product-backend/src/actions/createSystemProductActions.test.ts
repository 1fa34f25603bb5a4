import {
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  OWNER,
  testSystemWithSloFile,
} from '../__testUtils__/startSystemProductBackend';
import { systemProductPlugin } from '../plugin';
import { deploymentSuccessSlo } from '../__testUtils__/deploymentSuccessSlo';

const base = '/api/system-product/entities/system/default/ci-cd-pipeline';
const owner = mockCredentials.user.header(OWNER);
/** A user the catalog hides the system from. */
const OUTSIDER = 'user:default/outsider';

describe('system product actions', () => {
  const dir = createMockDirectory();

  /**
   * The plugin in a test backend with a catalog that shows the system to
   * everyone but OUTSIDER, its OpenSLO file on disk, k = 3, and the actions
   * registry the test invokes.
   */
  async function start() {
    dir.setContent({
      'catalog.yaml': '',
      'slos.yaml': deploymentSuccessSlo('deploy-success', {
        displayName: 'Deployments succeed',
      }),
    });
    const system: Entity = testSystemWithSloFile(dir);
    const inMemory = catalogServiceMock({ entities: [system] });
    const catalog = catalogServiceMock.mock({
      getEntityByRef: async (ref, options) =>
        (
          (options as { credentials?: BackstageCredentials } | undefined)
            ?.credentials?.principal as { userEntityRef?: string }
        )?.userEntityRef === OUTSIDER
          ? undefined
          : inMemory.getEntityByRef(ref, options),
      getEntitiesByRefs: (req, options) =>
        inMemory.getEntitiesByRefs(req, options),
    });
    const registry = actionsRegistryServiceMock();
    const { server } = await startTestBackend({
      features: [
        systemProductPlugin,
        catalog.factory,
        createServiceFactory({
          service: actionsRegistryServiceRef,
          deps: {},
          factory: () => registry,
        }),
        mockServices.rootConfig.factory({
          data: {
            systemProduct: {
              survey: { minResponses: 3, respondentKeySecret: 'test-secret' },
            },
          },
        }),
      ],
    });
    const invoke = (name: string, entityRef: string, user = OWNER) =>
      registry.invoke({
        id: `test:${name}`,
        input: { entityRef },
        credentials: mockCredentials.user(user),
      });
    return { server, registry, invoke };
  }

  it('registers both actions as read-only, idempotent and not destructive', async () => {
    const { registry } = await start();
    const { actions } = await registry.list();

    expect(
      actions.map(a => ({ name: a.name, attributes: a.attributes })),
    ).toEqual([
      {
        name: 'get-system-product-health',
        attributes: { readOnly: true, idempotent: true, destructive: false },
      },
      {
        name: 'get-system-product-roadmap',
        attributes: { readOnly: true, idempotent: true, destructive: false },
      },
    ]);
  });

  it('reports SLO status, satisfaction once k answered, and the touchpoints that hurt most', async () => {
    const { server, invoke } = await start();
    // 20 production deployments, one failed: SLI 0.95 against a 0.9 target.
    const now = Date.now();
    const events = await request(server)
      .post('/api/system-product/events')
      .set('Authorization', mockCredentials.service.header())
      .send({
        events: Array.from({ length: 20 }, (_, i) => ({
          id: `deploy-${i}`,
          entityRef: 'system:default/ci-cd-pipeline',
          type: 'deployment',
          commitSha: `c${i}`,
          commitTime: new Date(now - (i + 2) * 3_600_000).toISOString(),
          deployTime: new Date(now - (i + 1) * 3_600_000).toISOString(),
          environment: 'production',
          succeeded: i !== 19,
        })),
      });
    expect(events.status).toBe(200);

    const journey = await request(server)
      .put(`${base}/journey`)
      .set('Authorization', owner)
      .send({
        version: 0,
        stages: [
          {
            name: 'Commit',
            touchpoints: [
              { name: 'Wait for checks', failureModes: ['Flaky tests'] },
              { name: 'Review' },
              { name: 'Merge' },
            ],
          },
        ],
      });
    const [checks, review] = journey.body.stages[0].touchpoints;
    for (const [user, touchpoint, severity] of [
      ['user:default/a', checks.id, 4],
      ['user:default/b', checks.id, 5],
      ['user:default/c', review.id, 5],
    ] as const) {
      await request(server)
        .post(`${base}/friction`)
        .set('Authorization', mockCredentials.user.header(user))
        .send({ touchpointId: touchpoint, severity });
    }

    const round = await request(server)
      .post(`${base}/surveys`)
      .set('Authorization', owner)
      .send({
        title: 'Q4 pulse',
        closesAt: new Date(now + 86_400_000).toISOString(),
      });
    const answer = (user: string, nps: number, csat: number) =>
      request(server)
        .post(`/api/system-product/surveys/${round.body.id}/responses`)
        .set('Authorization', mockCredentials.user.header(user))
        .send({ answers: { nps, csat } });
    await answer('user:default/a', 10, 5);
    await answer('user:default/b', 9, 4);

    const belowK = await invoke(
      'get-system-product-health',
      'ci-cd-pipeline',
      'user:default/margaret',
    );
    expect(belowK.output).toMatchObject({ satisfaction: null });

    await answer('user:default/c', 3, 2);
    const { output } = (await invoke(
      'get-system-product-health',
      'system:default/ci-cd-pipeline',
      'user:default/margaret',
    )) as { output: any };

    expect(output.entityRef).toBe('system:default/ci-cd-pipeline');
    expect(output.slos).toEqual([
      {
        name: 'deploy-success',
        displayName: 'Deployments succeed',
        origin: 'file',
        status: 'met',
        target: 0.9,
        sli: 0.95,
        errorBudgetRemaining: expect.closeTo(0.5, 10),
        window: '28d rolling',
      },
    ]);
    expect(output.sloFile).toEqual({
      source: dir.resolve('slos.yaml'),
      problems: [],
    });
    // DORA of the last 30 days: the 20 deployments fall on one day (1 of 5
    // weeks, 1 of 1 month: monthly); 1 failed of 20 = 0.05 (< 7.5%: elite);
    // lead 1 h each; the failed one recovered when the next succeeded 1 h
    // later, a single sample (< 5): no band.
    expect(output.dora).toMatchObject({
      days: 30,
      deploymentFrequency: {
        cadence: 'monthly',
        band: 'medium',
        sampleSize: 20,
      },
      changeLeadTime: { value: 3600, sampleSize: 20, band: 'elite' },
      changeFailureRate: {
        value: 0.05,
        count: 1,
        sampleSize: 20,
        band: 'elite',
      },
      failedDeploymentRecoveryTime: { value: 3600, sampleSize: 1, band: null },
    });
    // Two promoters and one detractor of three: NPS 33; two of three 4 or 5.
    expect(output.satisfaction).toMatchObject({
      roundId: round.body.id,
      title: 'Q4 pulse',
      responses: 3,
      nps: expect.closeTo(33.33, 1),
      csat: expect.closeTo(66.67, 1),
    });
    expect(output.topPainPoints).toEqual([
      {
        stage: 'Commit',
        touchpoint: 'Wait for checks',
        reports: 2,
        // Two reporters are below k = 3: the mean stays hidden.
        averageSeverity: null,
        failureModes: ['Flaky tests'],
      },
      {
        stage: 'Commit',
        touchpoint: 'Review',
        reports: 1,
        averageSeverity: null,
        failureModes: [],
      },
    ]);
  });

  it('lists open roadmap items, work under way first, and counts the rest', async () => {
    const { server, invoke } = await start();
    for (const item of [
      { title: 'Self-service runners', kind: 'strategic', status: 'idea' },
      {
        title: 'Parallel test shards',
        kind: 'strategic',
        status: 'planned',
        targetDate: '2027-03-01',
      },
      {
        title: 'Dependency cache',
        kind: 'quick-win',
        status: 'planned',
        targetDate: '2027-01-15',
        painPoints: ['Slow builds'],
        metric: 'deploy-success',
      },
      {
        title: 'Flaky test quarantine',
        kind: 'quick-win',
        status: 'in-progress',
      },
      { title: 'Faster checkout', kind: 'quick-win', status: 'shipped' },
      { title: 'Nightly builds', kind: 'strategic', status: 'dropped' },
    ]) {
      const created = await request(server)
        .post(`${base}/roadmap`)
        .set('Authorization', owner)
        .send(item);
      expect(created.status).toBe(201);
    }

    const { output } = (await invoke(
      'get-system-product-roadmap',
      'system:default/ci-cd-pipeline',
      'user:default/margaret',
    )) as { output: any };

    expect(output.items.map((i: any) => [i.title, i.status])).toEqual([
      ['Flaky test quarantine', 'in-progress'],
      ['Dependency cache', 'planned'],
      ['Parallel test shards', 'planned'],
      ['Self-service runners', 'idea'],
    ]);
    expect(output.items[1]).toMatchObject({
      kind: 'quick-win',
      targetDate: '2027-01-15',
      painPoints: ['Slow builds'],
      metric: 'deploy-success',
    });
    expect(output).toMatchObject({ shipped: 1, dropped: 1 });
  });

  it('answers like the catalog for a caller who cannot see the system', async () => {
    const { server, invoke } = await start();
    await request(server)
      .post(`${base}/roadmap`)
      .set('Authorization', owner)
      .send({ title: 'Dependency cache', kind: 'quick-win' });

    for (const name of [
      'get-system-product-health',
      'get-system-product-roadmap',
    ]) {
      await expect(
        invoke(name, 'system:default/ci-cd-pipeline', OUTSIDER),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: 'No entity system:default/ci-cd-pipeline found',
      });
    }
  });

  it('rejects an entity ref that does not parse', async () => {
    const { invoke } = await start();

    await expect(
      invoke('get-system-product-roadmap', 'system:default/'),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        '"system:default/" is not an entity ref',
      ),
    });
  });
});
