import { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
// The real events backend, whose HTTP ingress the webhooks are posted to.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import eventsPlugin from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { dirname, join } from 'node:path';

/**
 * How long a webhook test waits, with `eventually`, for what a webhook leads
 * to. Within one instance the events backend answers once its subscribers
 * have handled the event, but a test reads the outcome through other routes
 * (and the event bus, when on, delivers later), so it waits rather than
 * relying on that order.
 */
export const WEBHOOK_TIMEOUT_MS = 5000;

/** The root config of a test backend, as `mockServices.rootConfig` takes it. */
type ConfigData = NonNullable<mockServices.rootConfig.Options['data']>;

/**
 * The features every webhook test backend shares: Backstage's events backend
 * (`@backstage/plugin-events-backend`, whose `/api/events/http/<topic>`
 * ingresses receive the webhooks), the events service of a real backend, and
 * the root config. Add the plugins and modules under test, the receiver
 * modules (see {@link eventsModulesFromDist}) and the other services.
 *
 * - The events service is the real `eventsServiceFactory` of
 *   `@backstage/plugin-events-node`, the one `@backstage/backend-defaults`
 *   adds: the test backend's default is a mock of plugin scope, a bus of
 *   each plugin's own, so no event published by the events backend's
 *   ingress would reach the modules that subscribe to it.
 * - `events.notifyTimeoutMs` is 500 unless `config` sets it: the event bus
 *   of the events backend holds each subscriber's long poll open until an
 *   event comes or that time passed (55 s by default), and a backend that is
 *   stopping waits for the polls, so each test backend would take about a
 *   minute to stop.
 *
 * @param options.config - the backend's root config (`mockServices.rootConfig`
 *   is part of the features, so give no other); its `events` are merged
 *   with `notifyTimeoutMs`
 */
export function webhookTestBackendFeatures(
  options: { config?: ConfigData } = {},
): BackendFeature[] {
  const { config = {} } = options;
  const events =
    typeof config.events === 'object' &&
    config.events !== null &&
    !Array.isArray(config.events)
      ? config.events
      : {};
  return [
    eventsPlugin,
    eventsServiceFactory,
    mockServices.rootConfig.factory({
      data: { ...config, events: { notifyTimeoutMs: 500, ...events } },
    }),
  ];
}

/**
 * The backend modules of an events receiver package, such as
 * `@backstage/plugin-events-backend-module-github`, each from its own file
 * `dist/service/<name>.cjs.js`. The package's default export is a feature
 * loader that loads these files with `import()`, which Jest runs only under
 * Node's `--experimental-vm-modules`; requiring them gives the same modules
 * that a backend loads.
 *
 * @param packageJsonPath - the receiver's `package.json`, as the test
 *   resolves it: `require.resolve('<receiver>/package.json')`
 * @param moduleNames - the files' names, such as `eventsModuleGithubWebhook`
 */
export function eventsModulesFromDist(
  packageJsonPath: string,
  moduleNames: string[],
): BackendFeature[] {
  const dist = join(dirname(packageJsonPath), 'dist', 'service');
  return moduleNames.map(name => require(join(dist, `${name}.cjs.js`)).default);
}
