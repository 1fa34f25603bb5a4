import {
  ApiBlueprint,
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
  ],
});
