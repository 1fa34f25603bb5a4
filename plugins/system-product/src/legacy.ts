import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
  RouteRef,
} from '@backstage/core-plugin-api';
import { SystemProductClient } from '@system-product/backstage-plugin-common';
import { systemProductApiRef } from './api/systemProductApiRef';
import {
  canvasTabRouteRef,
  journeyTabRouteRef,
  momentPromptRouteRef,
  portfolioRouteRef,
  roadmapTabRouteRef,
  slosTabRouteRef,
} from './routes';

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
    canvas: canvasTabRouteRef,
    journey: journeyTabRouteRef,
    slos: slosTabRouteRef,
    roadmap: roadmapTabRouteRef,
    portfolio: portfolioRouteRef,
    momentPrompt: momentPromptRouteRef,
  },
});

/**
 * A tab's routable extension. Each tab has its own mount point, so the app's
 * `EntityLayout.Route` gives it a path and links from the other tabs find it
 * (or, when the app leaves the tab out, know to show no link).
 */
function tab(
  name: keyof typeof import('./entityTabs'),
  mountPoint: RouteRef,
): () => JSX.Element {
  return legacySystemProductPlugin.provide(
    createRoutableExtension({
      name,
      mountPoint,
      component: () => import('./entityTabs').then(m => m[name]),
    }),
  );
}

/** The Canvas tab, for `EntityLayout.Route`. @public */
export const EntitySystemProductCanvasContent = tab(
  'EntitySystemProductCanvasContent',
  canvasTabRouteRef,
);
/** The Journey tab, for `EntityLayout.Route`. @public */
export const EntitySystemProductJourneyContent = tab(
  'EntitySystemProductJourneyContent',
  journeyTabRouteRef,
);
/** The SLOs tab, for `EntityLayout.Route`. @public */
export const EntitySystemProductSlosContent = tab(
  'EntitySystemProductSlosContent',
  slosTabRouteRef,
);
/** The Roadmap tab, for `EntityLayout.Route`. @public */
export const EntitySystemProductRoadmapContent = tab(
  'EntitySystemProductRoadmapContent',
  roadmapTabRouteRef,
);

/** The survey card for the entity overview. @public */
export const EntitySystemProductSurveyCard: () => JSX.Element =
  legacySystemProductPlugin.provide(
    createComponentExtension({
      name: 'EntitySystemProductSurveyCard',
      component: {
        lazy: () => import('./components/SurveyCard').then(m => m.SurveyCard),
      },
    }),
  );

/**
 * The first-run checklist for the entity overview (canvas, journey, survey,
 * SLOs, roadmap), for owners until every step has content. @public
 */
export const EntitySystemProductGettingStartedCard: () => JSX.Element | null =
  legacySystemProductPlugin.provide(
    createComponentExtension({
      name: 'EntitySystemProductGettingStartedCard',
      component: {
        lazy: () =>
          import('./components/GettingStarted').then(m => m.GettingStartedCard),
      },
    }),
  );

/** The team card for group pages. @public */
export const EntitySystemProductTeamCard: () => JSX.Element =
  legacySystemProductPlugin.provide(
    createComponentExtension({
      name: 'EntitySystemProductTeamCard',
      component: {
        lazy: () => import('./components/Portfolio').then(m => m.TeamCard),
      },
    }),
  );

/**
 * Moments on portal pages: put it once inside the app's router (e.g. in
 * `Root`, next to the sidebar); it reports visits to pages that page
 * triggers name and shows the prompt a visit made. @public
 */
export const SystemProductPagePrompts: (props: {
  /** How long a page is shown before its visit counts; default 2 s. */
  dwellMs?: number;
}) => JSX.Element | null = legacySystemProductPlugin.provide(
  createComponentExtension({
    name: 'SystemProductPagePrompts',
    component: {
      lazy: () => import('./components/PagePrompts').then(m => m.PagePrompts),
    },
  }),
);

/**
 * The portfolio page, for a `<Route path="/system-products">` of the app's
 * `FlatRoutes`; a moment prompt's form is under it, at
 * `/system-products/prompts/:promptId`. @public
 */
export const SystemProductPortfolioPage: () => JSX.Element =
  legacySystemProductPlugin.provide(
    createRoutableExtension({
      name: 'SystemProductPortfolioPage',
      mountPoint: portfolioRouteRef,
      component: () => import('./pages').then(m => m.SystemProductPages),
    }),
  );
