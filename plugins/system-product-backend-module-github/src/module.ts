import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  CatalogUserLookup,
  DeliveryEventRecorder,
  ExternalDeliveryEvent,
  systemProductDeliveryEventsExtensionPoint,
} from '@system-product/backstage-plugin-node';
import { translateGithubEvent } from './translateGithubEvent';

/**
 * The GitHub webhooks this module reads, as the topics to which the events
 * backend's GitHub module republishes them: `github.<x-github-event>`.
 */
const GITHUB_EVENTS = ['push', 'deployment_status', 'workflow_run', 'issues'];

/**
 * The annotation in which Backstage's GitHub org provider
 * (`@backstage/plugin-catalog-backend-module-github-org`) writes a User
 * entity's GitHub login.
 */
const USER_LOGIN_ANNOTATION = 'github.com/user-login';

/**
 * Turns the GitHub webhooks that Backstage's events backend receives into
 * System Product delivery events: commits, deployments, workflow runs as
 * builds, and issues labelled `incident`. It needs only each event's topic
 * and payload, which the events bus passes on between instances too; the
 * delivery id, a header, only names the webhook when storing it fails. The
 * person behind an event is its `actor` when the catalog has one User entity
 * with their GitHub login in `github.com/user-login`.
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
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        logger: coreServices.logger,
      },
      async init({ deliveryEvents, events, catalog, auth, logger }) {
        const recorder = new DeliveryEventRecorder('github');
        deliveryEvents.addDeliveryEventProvider(recorder);
        const users = new CatalogUserLookup({ catalog, auth, logger });
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
            const { subject, actorLogin } = translated;
            const actor = actorLogin
              ? await users.userRefOf(USER_LOGIN_ANNOTATION, actorLogin)
              : undefined;
            try {
              await recorder.record(
                subject,
                withActor(translated.events, actor),
              );
            } catch (error) {
              // The delivery id finds the webhook in GitHub's recent
              // deliveries, from where it can be redelivered.
              logger.warn(
                `Could not store ${topic} of ${subject.key} (GitHub delivery ${
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

/** The events with the person behind them; a commit names nobody. */
function withActor(
  events: ExternalDeliveryEvent[],
  actor: string | undefined,
): ExternalDeliveryEvent[] {
  if (!actor) return events;
  return events.map(event =>
    event.type === 'commit' ? event : { ...event, actor },
  );
}
