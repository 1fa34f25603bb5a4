import {
  ApiBlueprint,
  AppRootElementBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  SystemProductClient,
  isSystemProductEntity,
} from '@system-product/backstage-plugin-common';
import DeviceHubIcon from '@material-ui/icons/DeviceHub';
import { Suspense, lazy } from 'react';
import { systemProductApiRef } from './api/systemProductApiRef';
import {
  canvasTabRouteRef,
  journeyTabRouteRef,
  momentPromptRouteRef,
  portfolioRouteRef,
  roadmapTabRouteRef,
  slosTabRouteRef,
} from './routes';

const PagePromptsComponent = lazy(() =>
  import('./components/PagePrompts').then(m => ({ default: m.PagePrompts })),
);
function LazyPagePrompts() {
  return (
    <Suspense fallback={null}>
      <PagePromptsComponent />
    </Suspense>
  );
}

const api = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: systemProductApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SystemProductClient({ discoveryApi, fetchApi }),
    }),
});

// Each tab mounts on its own route ref (routes.ts): links from the other tabs
// resolve it, so they follow a moved tab and leave out a disabled one.
const canvasContent = EntityContentBlueprint.make({
  name: 'canvas',
  params: {
    path: '/system-product/canvas',
    routeRef: canvasTabRouteRef,
    title: 'Canvas',
    filter: isSystemProductEntity,
    loader: () =>
      import('./entityTabs').then(m => <m.EntitySystemProductCanvasContent />),
  },
});

const journeyContent = EntityContentBlueprint.make({
  name: 'journey',
  params: {
    path: '/system-product/journey',
    routeRef: journeyTabRouteRef,
    title: 'Journey',
    filter: isSystemProductEntity,
    loader: () =>
      import('./entityTabs').then(m => <m.EntitySystemProductJourneyContent />),
  },
});

const slosContent = EntityContentBlueprint.make({
  name: 'slos',
  params: {
    path: '/system-product/slos',
    routeRef: slosTabRouteRef,
    title: 'SLOs',
    filter: isSystemProductEntity,
    loader: () =>
      import('./entityTabs').then(m => <m.EntitySystemProductSlosContent />),
  },
});

const roadmapContent = EntityContentBlueprint.make({
  name: 'roadmap',
  params: {
    path: '/system-product/roadmap',
    routeRef: roadmapTabRouteRef,
    title: 'Roadmap',
    filter: isSystemProductEntity,
    loader: () =>
      import('./entityTabs').then(m => <m.EntitySystemProductRoadmapContent />),
  },
});

const surveyCard = EntityCardBlueprint.make({
  name: 'survey',
  params: {
    filter: isSystemProductEntity,
    loader: () => import('./components/SurveyCard').then(m => <m.SurveyCard />),
  },
});

const gettingStartedCard = EntityCardBlueprint.make({
  name: 'getting-started',
  params: {
    filter: isSystemProductEntity,
    loader: () =>
      import('./components/GettingStarted').then(m => <m.GettingStartedCard />),
  },
});

const teamCard = EntityCardBlueprint.make({
  name: 'team',
  params: {
    filter: entity => entity.kind.toLocaleLowerCase('en-US') === 'group',
    loader: () => import('./components/Portfolio').then(m => <m.TeamCard />),
  },
});

const portfolioPage = PageBlueprint.make({
  params: {
    path: '/system-products',
    title: 'System products',
    icon: <DeviceHubIcon fontSize="inherit" />,
    routeRef: portfolioRouteRef,
    // The portfolio, and a moment prompt's form under it (pages.tsx).
    loader: () => import('./pages').then(m => <m.SystemProductPages />),
  },
});

// Reports visits to pages that page triggers name, and shows their prompts.
const pagePrompts = AppRootElementBlueprint.make({
  name: 'page-prompts',
  params: {
    element: <LazyPagePrompts />,
  },
});

/**
 * System Product for the new frontend system. Each tab is an extension that
 * app-config can disable (`entity-content:system-product/canvas: false`) or move.
 *
 * @public
 */
export const systemProductPlugin = createFrontendPlugin({
  pluginId: 'system-product',
  title: 'System Product',
  info: { packageJson: () => import('../package.json') },
  extensions: [
    api,
    canvasContent,
    journeyContent,
    slosContent,
    roadmapContent,
    surveyCard,
    gettingStartedCard,
    teamCard,
    portfolioPage,
    pagePrompts,
  ],
  routes: {
    portfolio: portfolioRouteRef,
    momentPrompt: momentPromptRouteRef,
    canvas: canvasTabRouteRef,
    journey: journeyTabRouteRef,
    slos: slosTabRouteRef,
    roadmap: roadmapTabRouteRef,
  },
});
