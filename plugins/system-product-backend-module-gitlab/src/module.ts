import {
  coreServices,
  createBackendModule,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { EventParams, eventsServiceRef } from '@backstage/plugin-events-node';
import {
  DeliveryEventRecorder,
  systemProductDeliveryEventsExtensionPoint,
} from '@system-product/backstage-plugin-node';
import { translateGitlabEvent } from './translateGitlabEvent';

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
 * deployments of the project, for the system products that claim it.
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
        logger: coreServices.logger,
      },
      async init({ deliveryEvents, events, config, logger }) {
        const recorder = new DeliveryEventRecorder('gitlab');
        deliveryEvents.addDeliveryEventProvider(recorder);
        if (!config.getOptionalString(SECRET_KEY)) {
          // Without it the receiver module registers no endpoint at all.
          logger.warn(
            `GitLab webhooks: ${SECRET_KEY} is not set, so the events backend accepts no GitLab webhook at /api/events/http/gitlab`,
          );
        }
        await events.subscribe({
          id: 'system-product-gitlab',
          topics: TOPICS,
          onEvent: params => recordEvent(params, recorder, logger),
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
  logger: LoggerService,
): Promise<void> {
  const { subject, events, ignored } = translateGitlabEvent(
    params.eventPayload,
  );
  for (const reason of ignored) {
    logger.debug(`GitLab ${params.topic}: ${reason}`);
  }
  if (!subject || events.length === 0) return;
  try {
    const result = await recorder.record(subject, events);
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
