/*
 * The System Product demo portal's backend: a standard Backstage backend with
 * catalog, scaffolder, search, guest sign-in, notifications, signals, the
 * events backend with GitHub and GitLab webhooks, an ownership-based
 * permission policy and the System Product plugins.
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@system-product/backstage-plugin-catalog-backend-module'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./modules/permissionPolicy'));

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@system-product/backstage-plugin-search-backend-module'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Webhooks arrive at /api/events/http/<topic>, their signatures checked by
// Backstage's receivers (secrets in app-config.yaml).
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-events-backend-module-github'));
backend.add(import('@backstage/plugin-events-backend-module-gitlab'));

backend.add(import('@system-product/backstage-plugin-backend'));
// SLOs of metric source type Prometheus; without systemProduct.prometheus
// instances configured it starts all the same, and those SLOs say so.
backend.add(
  import('@system-product/backstage-plugin-backend-module-prometheus'),
);
// Deployments, builds, commits and incidents from those webhooks; the
// PagerDuty module adds its own signed ingress (topic pagerduty).
backend.add(import('@system-product/backstage-plugin-backend-module-github'));
backend.add(import('@system-product/backstage-plugin-backend-module-gitlab'));
backend.add(
  import('@system-product/backstage-plugin-backend-module-pagerduty'),
);
backend.add(
  import('@system-product/backstage-plugin-scaffolder-backend-module'),
);

backend.start();
