import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  SliQuery,
  systemProductSliSourcesExtensionPoint,
} from '@system-product/backstage-plugin-node';
import request from 'supertest';
import {
  OWNER,
  startSystemProductBackend,
} from '../__testUtils__/startSystemProductBackend';

const SLOS = '/api/system-product/entities/system/default/ci-cd-pipeline/slos';
const owner = mockCredentials.user.header(OWNER);
const HOUR = 3_600_000;

/** Synthetic probes of the pipeline's API, as an uptime checker records them. */
interface Probe {
  entityRef: string;
  target: string;
  at: number;
  ok: boolean;
}

/**
 * A module as an adopter writes it: answers `metricSource.type: uptime-probe`
 * from its own store of probes, counting the ratio's parts with their specs.
 */
function uptimeProbeModule(probes: Probe[], queries: SliQuery[]) {
  return createBackendModule({
    pluginId: 'system-product',
    moduleId: 'uptime-probe-source',
    register(env) {
      env.registerInit({
        deps: { sources: systemProductSliSourcesExtensionPoint },
        async init({ sources }) {
          sources.addSliSource({
            type: 'uptime-probe',
            async count(query) {
              queries.push(query);
              const matches = (spec: Record<string, unknown> = {}) =>
                probes.filter(
                  p =>
                    p.entityRef === query.entityRef &&
                    p.target === spec.target &&
                    p.at >= query.from.getTime() &&
                    p.at < query.to.getTime() &&
                    (spec.outcome === undefined ||
                      (spec.outcome === 'ok') === p.ok),
                ).length;
              const total = matches(query.ratio?.total ?? query.spec);
              return { good: matches(query.ratio?.good), total };
            },
          });
        },
      });
    },
  });
}

const availabilitySlo = {
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: 'api-availability' },
  spec: {
    budgetingMethod: 'Occurrences',
    timeWindow: [{ duration: '7d', isRolling: true }],
    objectives: [{ target: 0.9 }],
    indicator: {
      metadata: { name: 'api-probes' },
      spec: {
        ratioMetric: {
          counter: true,
          good: {
            metricSource: {
              type: 'uptime-probe',
              spec: { target: 'api', outcome: 'ok' },
            },
          },
          total: {
            metricSource: { type: 'uptime-probe', spec: { target: 'api' } },
          },
        },
      },
    },
  },
};

describe('an SLI source added by a backend module', () => {
  it('measures an SLO through the HTTP API with the counts the module returns', async () => {
    const now = Date.now();
    const probe = (hoursAgo: number, ok: boolean, target = 'api'): Probe => ({
      entityRef: 'system:default/ci-cd-pipeline',
      target,
      at: now - hoursAgo * HOUR,
      ok,
    });
    const probes = [
      ...[1, 2, 3, 4, 5, 6, 7, 8].map(h => probe(h, true)),
      probe(9, false),
      probe(10, false),
      // Outside the 7-day window, and another target: not counted.
      probe(8 * 24, false),
      probe(1, false, 'web'),
    ];
    const queries: SliQuery[] = [];
    const server = await startSystemProductBackend([
      uptimeProbeModule(probes, queries),
    ]);

    const created = await request(server)
      .post(SLOS)
      .set('Authorization', owner)
      .send(availabilitySlo);
    expect(created.status).toBe(201);

    const list = await request(server).get(SLOS).set('Authorization', owner);
    expect(list.status).toBe(200);
    const slo = list.body.items.find((s: any) => s.name === 'api-availability');
    // 8 of 10 probes in the window succeeded, against an objective of 90%.
    expect(slo.evaluation).toMatchObject({ sli: 0.8, total: 10 });
    expect(slo.evaluation.status).toBe('breached');
    expect(queries[0]).toMatchObject({
      entityRef: 'system:default/ci-cd-pipeline',
      spec: { target: 'api' },
      ratio: {
        good: { target: 'api', outcome: 'ok' },
        total: { target: 'api' },
      },
    });
  });

  it("refuses an SLO in the portal with the reason the source's problemOf gives", async () => {
    const count = jest.fn(async () => ({ good: 1, total: 1 }));
    const server = await startSystemProductBackend([
      createBackendModule({
        pluginId: 'system-product',
        moduleId: 'occurrences-only-source',
        register(env) {
          env.registerInit({
            deps: { sources: systemProductSliSourcesExtensionPoint },
            async init({ sources }) {
              sources.addSliSource({
                type: 'uptime-probe',
                count,
                problemOf: query =>
                  query.budgetingMethod === 'Occurrences'
                    ? undefined
                    : 'probes are counted per window, not per time slice',
              });
            },
          });
        },
      }),
    ]);
    const refused = await request(server)
      .post(SLOS)
      .set('Authorization', owner)
      .send({
        ...availabilitySlo,
        spec: {
          ...availabilitySlo.spec,
          budgetingMethod: 'Timeslices',
          objectives: [
            { target: 0.9, timeSliceTarget: 0.9, timeSliceWindow: '1h' },
          ],
        },
      });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      'SLO api-availability cannot be measured: probes are counted per window, not per time slice',
    );
    expect(count).not.toHaveBeenCalled();
    const created = await request(server)
      .post(SLOS)
      .set('Authorization', owner)
      .send(availabilitySlo);
    expect(created.status).toBe(201);
  });

  it('cannot replace the built-in system-product source: the plugin refuses to start', async () => {
    const impostor = createBackendModule({
      pluginId: 'system-product',
      moduleId: 'second-system-product-source',
      register(env) {
        env.registerInit({
          deps: { sources: systemProductSliSourcesExtensionPoint },
          async init({ sources }) {
            sources.addSliSource({
              type: 'system-product',
              count: async () => ({ good: 1, total: 1 }),
            });
          },
        });
      },
    });
    await expect(startSystemProductBackend([impostor])).rejects.toThrow(
      "An SLI source for metric source type 'system-product' is already registered",
    );
  });

  it('is what lets the portal accept an SLO of that source type at all', async () => {
    const server = await startSystemProductBackend();
    const refused = await request(server)
      .post(SLOS)
      .set('Authorization', owner)
      .send(availabilitySlo);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(
      'no SLI source reads metric source type uptime-probe',
    );
  });
});
