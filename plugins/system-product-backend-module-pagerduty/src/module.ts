import {
  coreServices,
  createBackendFeatureLoader,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { eventsExtensionPoint } from '@backstage/plugin-events-node/alpha';
import { systemProductDeliveryEventsExtensionPoint } from '@system-product/backstage-plugin-node';
import { createPagerDutySignatureValidator } from './createPagerDutySignatureValidator';
import {
  PAGERDUTY_TOPIC,
  PagerDutyIncidentProvider,
} from './PagerDutyIncidentProvider';

/** Where the secret of the PagerDuty webhook subscription is configured. */
export const WEBHOOK_SECRET_CONFIG = 'systemProduct.pagerduty.webhookSecret';

/**
 * Records the incidents of the PagerDuty v3 webhooks that Backstage's events
 * service publishes on the `pagerduty` topic. It needs
 * {@link eventsModulePagerDutyWebhook}, which receives them; the package's
 * default export installs both.
 *
 * @public
 */
export const systemProductModulePagerDuty = createBackendModule({
  pluginId: 'system-product',
  moduleId: 'pagerduty',
  register(reg) {
    reg.registerInit({
      deps: {
        deliveryEvents: systemProductDeliveryEventsExtensionPoint,
        events: eventsServiceRef,
        logger: coreServices.logger,
      },
      async init({ deliveryEvents, events, logger }) {
        const provider = new PagerDutyIncidentProvider(logger);
        deliveryEvents.addDeliveryEventProvider(provider);
        await events.subscribe({
          id: 'system-product-pagerduty',
          topics: [PAGERDUTY_TOPIC],
          onEvent: params => provider.onWebhook(params),
        });
      },
    });
  },
});

/**
 * Adds `POST /api/events/http/pagerduty` to Backstage's events backend,
 * checking PagerDuty's v3 signature with `systemProduct.pagerduty.webhookSecret`.
 * An extension of the `events` plugin, so a module of its own. Without a
 * secret it still serves the path, refusing every request, so that listing
 * the topic in `events.http.topics` cannot open it unsigned.
 *
 * @public
 */
export const eventsModulePagerDutyWebhook = createBackendModule({
  pluginId: 'events',
  moduleId: 'system-product-pagerduty',
  register(reg) {
    reg.registerInit({
      deps: {
        events: eventsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ events, config, logger }) {
        const secret = config.getOptionalString(WEBHOOK_SECRET_CONFIG);
        if (!secret) {
          logger.error(
            `PagerDuty webhooks are refused (503): ${WEBHOOK_SECRET_CONFIG} is not configured, so their signature cannot be checked. Set it to the secret of the PagerDuty webhook subscription`,
          );
        }
        events.addHttpPostIngress({
          topic: PAGERDUTY_TOPIC,
          validator: createPagerDutySignatureValidator({ secret, logger }),
        });
      },
    });
  },
});

/**
 * Both modules: the ingress of the events backend and the System Product
 * module that records its incidents. `backend.add` of the package adds them.
 *
 * @public
 */
export const pagerDutyIncidents = createBackendFeatureLoader({
  *loader() {
    yield eventsModulePagerDutyWebhook;
    yield systemProductModulePagerDuty;
  },
});
