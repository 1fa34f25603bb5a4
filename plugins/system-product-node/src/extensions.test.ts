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
});
