import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  DeliveryEventRecorder,
  systemProductDeliveryEventsExtensionPoint,
} from '@system-product/backstage-plugin-node';
import { translateGithubEvent } from './translateGithubEvent';

/**
 * The GitHub webhooks this module reads, as the topics to which the events
 * backend's GitHub module republishes them: `github.<x-github-event>`.
 */
const GITHUB_EVENTS = ['push', 'deployment_status', 'workflow_run', 'issues'];

/**
 * Turns the GitHub webhooks that Backstage's events backend receives into
 * System Product delivery events: commits, deployments, workflow runs as
 * builds, and issues labelled `incident`. It needs only each event's topic
 * and payload, which the events bus passes on between instances too; the
 * delivery id, a header, only names the webhook when storing it fails.
 *
 * @public
 */
export const systemProductModuleGithub = createBackendModule({
  pluginId: 'system-product',
  moduleId: 'github',
  register(reg) {
    reg.registerInit({
      deps: {
        deliveryEvents: systemProductDeliveryEventsExtensionPoint,
        events: eventsServiceRef,
        logger: coreServices.logger,
      },
      async init({ deliveryEvents, events, logger }) {
        const recorder = new DeliveryEventRecorder('github');
        deliveryEvents.addDeliveryEventProvider(recorder);
        await events.subscribe({
          id: 'system-product-github',
          topics: GITHUB_EVENTS.map(name => `github.${name}`),
          async onEvent({ topic, eventPayload, metadata }) {
            const translated = translateGithubEvent(
              topic.slice('github.'.length),
              eventPayload,
            );
            if (!translated) {
              return;
            }
            try {
              await recorder.record(translated.subject, translated.events);
            } catch (error) {
              // The delivery id finds the webhook in GitHub's recent
              // deliveries, from where it can be redelivered.
              logger.warn(
                `Could not store ${topic} of ${
                  translated.subject.key
                } (GitHub delivery ${
                  metadata?.['x-github-delivery'] ?? 'unknown'
                })`,
                error as Error,
              );
            }
          },
        });
      },
    });
  },
});
