import {
  coreServices,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { SliSource, systemProductSliSourcesExtensionPoint } from './extensions';

describe('systemProductSliSourcesExtensionPoint', () => {
  it('hands the sources a module adds to the plugin that owns the point', async () => {
    const received: SliSource[] = [];
    const plugin = createBackendPlugin({
      pluginId: 'system-product',
      register(env) {
        env.registerExtensionPoint(systemProductSliSourcesExtensionPoint, {
          addSliSource: (...sources) => received.push(...sources),
        });
        env.registerInit({
          deps: { logger: coreServices.logger },
          async init() {},
        });
      },
    });
    const module = createBackendModule({
      pluginId: 'system-product',
      moduleId: 'constant-source',
      register(env) {
        env.registerInit({
          deps: { sources: systemProductSliSourcesExtensionPoint },
          async init({ sources }) {
            sources.addSliSource({
              type: 'constant',
              count: async () => ({ good: 99, total: 100 }),
            });
          },
        });
      },
    });

    await startTestBackend({ features: [plugin, module] });

    expect(received.map(s => s.type)).toEqual(['constant']);
    await expect(
      received[0].count({
        entityRef: 'system:default/x',
        spec: {},
        from: new Date(0),
        to: new Date(),
      }),
    ).resolves.toEqual({ good: 99, total: 100 });
  });

  it('takes sources with the optional members, which count ranges and name problems', async () => {
    const source: SliSource = {
      type: 'batched',
      count: async () => ({ good: 1, total: 1 }),
      countRanges: async ({ ranges }) =>
        ranges.map((_, i) => (i === 0 ? { good: 9, total: 10 } : 'no data')),
      problemOf: ({ ratio, budgetingMethod }) => {
        if (ratio?.raw) return 'counted, not reported as a ratio';
        return budgetingMethod === 'Timeslices' ? 'no slices' : undefined;
      },
    };
    const definition = { spec: {}, ratio: { total: {}, raw: {} } };
    expect(
      source.problemOf!({ ...definition, budgetingMethod: 'Occurrences' }),
    ).toBe('counted, not reported as a ratio');
    expect(source.problemOf!({ spec: {}, budgetingMethod: 'Timeslices' })).toBe(
      'no slices',
    );
    await expect(
      source.countRanges!({
        entityRef: 'system:default/x',
        spec: {},
        ranges: [
          { from: new Date(0), to: new Date(1) },
          { from: new Date(1), to: new Date(2) },
        ],
      }),
    ).resolves.toEqual([{ good: 9, total: 10 }, 'no data']);
  });
});
