import { BackendPluginRegistrationPoints } from '@backstage/backend-plugin-api';
import {
  DeliveryEventProvider,
  systemProductDeliveryEventsExtensionPoint,
  systemProductSliSourcesExtensionPoint,
} from '@system-product/backstage-plugin-node';
import { SliSourceRegistry } from './slo/SliSourceRegistry';

/**
 * Registers the plugin's extension points and returns what modules add
 * through them: SLI sources, and providers of delivery events, which the
 * plugin connects once it runs.
 */
export function registerExtensionPoints(env: BackendPluginRegistrationPoints) {
  const sliSources = new SliSourceRegistry();
  env.registerExtensionPoint(systemProductSliSourcesExtensionPoint, {
    addSliSource: (...sources) => sliSources.add(...sources),
  });
  const eventProviders: DeliveryEventProvider[] = [];
  env.registerExtensionPoint(systemProductDeliveryEventsExtensionPoint, {
    addDeliveryEventProvider: (...providers) =>
      eventProviders.push(...providers),
  });
  return { sliSources, eventProviders };
}
