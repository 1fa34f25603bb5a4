import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SystemProductClient } from '@system-product/backstage-plugin-common';
import { systemProductApiRef } from './api/systemProductApiRef';

const entityContentRouteRef = createRouteRef({
  id: 'system-product:entity-content',
});
const portfolioRouteRef = createRouteRef({ id: 'system-product:portfolio' });

/**
 * System Product for apps on the legacy frontend system.
 *
 * @public
 */
export const legacySystemProductPlugin = createPlugin({
  id: 'system-product',
  apis: [
    createApiFactory({
      api: systemProductApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SystemProductClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    entityContent: entityContentRouteRef,
    portfolio: portfolioRouteRef,
  },
});

function tab(name: keyof typeof import('./components/EntityTabs')) {
  return legacySystemProductPlugin.provide(
    createRoutableExtension({
      name,
      mountPoint: entityContentRouteRef,
      component: () => import('./components/EntityTabs').then(m => m[name]),
    }),
  );
}

/** The Canvas tab, for `EntityLayout.Route`. @public */
export const EntitySystemProductCanvasContent = tab(
  'EntitySystemProductCanvasContent',
);
/** The Journey tab, for `EntityLayout.Route`. @public */
export const EntitySystemProductJourneyContent = tab(
  'EntitySystemProductJourneyContent',
);
/** The SLOs tab, for `EntityLayout.Route`. @public */
export const EntitySystemProductSlosContent = tab(
  'EntitySystemProductSlosContent',
);
/** The Roadmap tab, for `EntityLayout.Route`. @public */
export const EntitySystemProductRoadmapContent = tab(
  'EntitySystemProductRoadmapContent',
);

/** The survey card for the entity overview. @public */
export const EntitySystemProductSurveyCard = legacySystemProductPlugin.provide(
  createComponentExtension({
    name: 'EntitySystemProductSurveyCard',
    component: {
      lazy: () => import('./components/SurveyCard').then(m => m.SurveyCard),
    },
  }),
);

/** The team card for group pages. @public */
export const EntitySystemProductTeamCard = legacySystemProductPlugin.provide(
  createComponentExtension({
    name: 'EntitySystemProductTeamCard',
    component: {
      lazy: () => import('./components/TeamCard').then(m => m.TeamCard),
    },
  }),
);

/** The portfolio page, for a `<Route path="/system-products">`. @public */
export const SystemProductPortfolioPage = legacySystemProductPlugin.provide(
  createRoutableExtension({
    name: 'SystemProductPortfolioPage',
    mountPoint: portfolioRouteRef,
    component: () =>
      import('./components/PortfolioPage').then(m => m.PortfolioPage),
  }),
);
