import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { EventsService, eventsServiceRef } from '@backstage/plugin-events-node';
import { eventually } from './eventually';
import { webhookTestBackendFeatures } from './webhookTestBackend';

describe('webhookTestBackendFeatures', () => {
  it('gives the plugins one events service, and the config with notifyTimeoutMs', async () => {
    const services = new Map<string, EventsService>();
    let events: unknown;
    const plugin = (pluginId: string) =>
      createBackendPlugin({
        pluginId,
        register(env) {
          env.registerInit({
            deps: {
              service: eventsServiceRef,
              config: coreServices.rootConfig,
            },
            async init({ service, config }) {
              services.set(pluginId, service);
              events = config.get('events');
            },
          });
        },
      });
    const backend = await startTestBackend({
      features: [
        ...webhookTestBackendFeatures({
          config: { events: { modules: { test: { webhookSecret: 's' } } } },
        }),
        plugin('publisher'),
        plugin('subscriber'),
      ],
    });
    try {
      expect(events).toEqual({
        notifyTimeoutMs: 500,
        modules: { test: { webhookSecret: 's' } },
      });
      const received: unknown[] = [];
      await services.get('subscriber')!.subscribe({
        id: 'subscriber',
        topics: ['test'],
        onEvent: async event => {
          received.push(event.eventPayload);
        },
      });
      await services
        .get('publisher')!
        .publish({ topic: 'test', eventPayload: { n: 1 } });
      await eventually(() => expect(received).toEqual([{ n: 1 }]));
    } finally {
      await backend.stop();
    }
  });
});
