import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
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
import { systemProductApiRef } from './api/systemProductApiRef';

const api = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: systemProductApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SystemProductClient({ discoveryApi, fetchApi }),
    }),
});

const canvasContent = EntityContentBlueprint.make({
  name: 'canvas',
  params: {
    path: '/system-product/canvas',
    title: 'Canvas',
    filter: isSystemProductEntity,
    loader: () =>
      import('./components/EntityTabs').then(m => (
        <m.EntitySystemProductCanvasContent />
      )),
  },
});

const journeyContent = EntityContentBlueprint.make({
  name: 'journey',
  params: {
    path: '/system-product/journey',
    title: 'Journey',
    filter: isSystemProductEntity,
    loader: () =>
      import('./components/EntityTabs').then(m => (
        <m.EntitySystemProductJourneyContent />
      )),
  },
});

const slosContent = EntityContentBlueprint.make({
  name: 'slos',
  params: {
    path: '/system-product/slos',
    title: 'SLOs',
    filter: isSystemProductEntity,
    loader: () =>
      import('./components/EntityTabs').then(m => (
        <m.EntitySystemProductSlosContent />
      )),
  },
});

const roadmapContent = EntityContentBlueprint.make({
  name: 'roadmap',
  params: {
    path: '/system-product/roadmap',
    title: 'Roadmap',
    filter: isSystemProductEntity,
    loader: () =>
      import('./components/EntityTabs').then(m => (
        <m.EntitySystemProductRoadmapContent />
      )),
  },
});

const surveyCard = EntityCardBlueprint.make({
  name: 'survey',
  params: {
    filter: isSystemProductEntity,
    loader: () => import('./components/SurveyCard').then(m => <m.SurveyCard />),
  },
});

const teamCard = EntityCardBlueprint.make({
  name: 'team',
  params: {
    filter: entity => entity.kind.toLocaleLowerCase('en-US') === 'group',
    loader: () => import('./components/TeamCard').then(m => <m.TeamCard />),
  },
});

/** The portfolio page, `/system-products`. @public */
export const portfolioRouteRef = createRouteRef();

const portfolioPage = PageBlueprint.make({
  params: {
    path: '/system-products',
    title: 'System products',
    icon: <DeviceHubIcon fontSize="inherit" />,
    routeRef: portfolioRouteRef,
    loader: () =>
      import('./components/PortfolioPage').then(m => <m.PortfolioPage />),
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
    teamCard,
    portfolioPage,
  ],
  routes: { portfolio: portfolioRouteRef },
});
