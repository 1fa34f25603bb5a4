import {
  coreServices,
  createBackendModule,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { EventParams, eventsServiceRef } from '@backstage/plugin-events-node';
import {
  CatalogUserLookup,
  DeliveryEventRecorder,
  ExternalDeliveryEvent,
  systemProductDeliveryEventsExtensionPoint,
} from '@system-product/backstage-plugin-node';
import { GitlabActorUser, translateGitlabEvent } from './translateGitlabEvent';

/**
 * The topics that `@backstage/plugin-events-backend-module-gitlab`
 * republishes the `gitlab` webhooks to, after their `object_kind`.
 */
const TOPICS = ['gitlab.pipeline', 'gitlab.deployment'];

/** Where that module reads the token GitLab sends in `X-Gitlab-Token`. */
const SECRET_KEY = 'events.modules.gitlab.webhookSecret';

/**
 * Turns the GitLab webhooks that Backstage's events backend receives
 * (Pipeline Hook, Deployment Hook) into System Product builds, commits and
 * deployments of the project, for the system products that claim it. Who
 * triggered a pipeline or a deployment is its `actor` when the catalog has
 * one User entity with their profile URL in `<GitLab host>/user-login`.
 *
 * @public
 */
export const systemProductModuleGitlab = createBackendModule({
  pluginId: 'system-product',
  moduleId: 'gitlab',
  register(reg) {
    reg.registerInit({
      deps: {
        deliveryEvents: systemProductDeliveryEventsExtensionPoint,
        events: eventsServiceRef,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        logger: coreServices.logger,
      },
      async init({ deliveryEvents, events, config, catalog, auth, logger }) {
        const recorder = new DeliveryEventRecorder('gitlab');
        deliveryEvents.addDeliveryEventProvider(recorder);
        const users = new CatalogUserLookup({ catalog, auth, logger });
        if (!config.getOptionalString(SECRET_KEY)) {
          // Without it the receiver module registers no endpoint at all.
          logger.warn(
            `GitLab webhooks: ${SECRET_KEY} is not set, so the events backend accepts no GitLab webhook at /api/events/http/gitlab`,
          );
        }
        await events.subscribe({
          id: 'system-product-gitlab',
          topics: TOPICS,
          onEvent: params => recordEvent(params, recorder, users, logger),
        });
      },
    });
  },
});

/**
 * Records one webhook. A failure is logged here with the project it was
 * about and not thrown: the events service would only log it again, without
 * retrying.
 */
async function recordEvent(
  params: EventParams,
  recorder: DeliveryEventRecorder,
  users: CatalogUserLookup,
  logger: LoggerService,
): Promise<void> {
  const { subject, events, ignored, actorUser } = translateGitlabEvent(
    params.eventPayload,
  );
  for (const reason of ignored) {
    logger.debug(`GitLab ${params.topic}: ${reason}`);
  }
  if (!subject || events.length === 0) return;
  const actor = actorUser ? await userRefOf(actorUser, users) : undefined;
  try {
    const result = await recorder.record(subject, withActor(events, actor));
    logger.debug(
      `GitLab ${params.topic} of ${subject.key}: ${result.stored} stored, ${
        result.duplicates
      } already stored, for ${result.entityRefs.join(', ') || 'no entity'}`,
    );
  } catch (error) {
    logger.error(
      `GitLab ${params.topic} of ${subject.key} could not be recorded: ${error}`,
    );
  }
}

/**
 * The User entity of a GitLab user, as Backstage's GitLab org provider
 * (`@backstage/plugin-catalog-backend-module-gitlab-org`) writes it: the
 * annotation `<GitLab host>/user-login` holds the user's profile URL.
 */
function userRefOf(
  user: GitlabActorUser,
  users: CatalogUserLookup,
): Promise<string | undefined> {
  let host: string;
  try {
    host = new URL(user.webUrl).host;
  } catch {
    // A URL that does not parse names no one; the events still count.
    return Promise.resolve(undefined);
  }
  return users.userRefOf(`${host}/user-login`, user.webUrl);
}

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
