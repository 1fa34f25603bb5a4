import { EntityLayout, catalogPlugin } from '@backstage/plugin-catalog';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
  starredEntitiesApiRef,
  MockStarredEntitiesApi,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import {
  SystemProductApi,
  emptyCanvasContent,
} from '@system-product/backstage-plugin-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { momentPrompt } from './__testUtils__/momentPrompt';
import { portfolioEntry } from './__testUtils__/portfolioEntry';
import { testEntity } from './__testUtils__/renderWithEntity';
import { systemProductApiRef } from './api/systemProductApiRef';
import {
  EntitySystemProductCanvasContent,
  EntitySystemProductJourneyContent,
  EntitySystemProductRoadmapContent,
  EntitySystemProductSlosContent,
  EntitySystemProductSurveyCard,
  EntitySystemProductTeamCard,
  SystemProductPortfolioPage,
  isSystemProductEntity,
} from '.';

const content = emptyCanvasContent();
content.valueProposition.value =
  'Every merge reaches production within an hour';

const api: Partial<SystemProductApi> = {
  getCanvas: async () => ({
    entityRef: 'system:default/ci-cd-pipeline',
    version: 1,
    content,
  }),
  getSurveyRounds: async () => [],
  getJourney: async () => ({
    entityRef: 'system:default/ci-cd-pipeline',
    version: 0,
    stages: [],
  }),
  getRoadmap: async () => [],
  getSlos: async () => ({ source: null, items: [], problems: [] }),
  getDora: async () => {
    throw new Error('No DORA figures in this test');
  },
  getPortfolio: async () => [portfolioEntry()],
  getMyPrompts: async () => [],
  getMomentTriggers: async () => [],
  getReviews: async () => [],
  getReviewSettings: async () => ({ cadence: 'off' as const }),
  getMySurveyAnswer: async () => undefined,
  getLoopNotifications: async () => ({ enabled: false }),
};

const tabs = {
  canvas: (
    <EntityLayout.Route
      path="/system-product/canvas"
      title="Canvas"
      if={isSystemProductEntity}
    >
      <EntitySystemProductCanvasContent />
    </EntityLayout.Route>
  ),
  journey: (
    <EntityLayout.Route
      path="/system-product/journey"
      title="Journey"
      if={isSystemProductEntity}
    >
      <EntitySystemProductJourneyContent />
    </EntityLayout.Route>
  ),
  slos: (
    <EntityLayout.Route
      path="/system-product/slos"
      title="SLOs"
      if={isSystemProductEntity}
    >
      <EntitySystemProductSlosContent />
    </EntityLayout.Route>
  ),
  roadmap: (
    <EntityLayout.Route
      path="/system-product/roadmap"
      title="Roadmap"
      if={isSystemProductEntity}
    >
      <EntitySystemProductRoadmapContent />
    </EntityLayout.Route>
  ),
};

/** Renders `children` in a legacy app, on the test entity, at `path`. */
function renderLegacy(children: ReactNode, path: string) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, catalogApiMock({ entities: [testEntity] })],
        [starredEntitiesApiRef, new MockStarredEntitiesApi()],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.DENY }),
        ],
        [systemProductApiRef, api],
      ]}
    >
      <EntityProvider entity={testEntity}>{children}</EntityProvider>
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/catalog': catalogPlugin.routes.catalogIndex,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

/** The README's entity page: the tabs named, in their order. */
function entityPage(names: Array<keyof typeof tabs>) {
  return <EntityLayout>{names.map(name => tabs[name])}</EntityLayout>;
}

const section = (title: string) => screen.getByRole('region', { name: title });

describe('legacy exports', () => {
  it('render as routes of EntityLayout on the old frontend system', async () => {
    await renderLegacy(
      entityPage(['canvas', 'journey', 'slos', 'roadmap']),
      '/system-product/canvas',
    );
    expect(
      await screen.findByText('Every merge reaches production within an hour'),
    ).toBeInTheDocument();
    for (const title of ['Canvas', 'Journey', 'SLOs', 'Roadmap']) {
      expect(screen.getByRole('tab', { name: title })).toBeInTheDocument();
    }
  });

  it('link the canvas sections to the tabs of the entity page, which the links open', async () => {
    await renderLegacy(
      entityPage(['canvas', 'journey', 'slos', 'roadmap']),
      '/system-product/canvas',
    );
    await screen.findByText('Every merge reaches production within an hour');
    expect(
      within(section('Metrics')).getByRole('link', { name: /See the SLOs/ }),
    ).toHaveAttribute('href', '/system-product/slos');
    expect(
      within(section('Improvement Roadmap')).getByRole('link', {
        name: /Open the roadmap/,
      }),
    ).toHaveAttribute('href', '/system-product/roadmap');

    await userEvent.click(
      within(section('User Journey')).getByRole('link', {
        name: /Open the journey map/,
      }),
    );
    expect(
      await screen.findByText('No journey mapped yet'),
    ).toBeInTheDocument();
  });

  it('leave out the link to a tab the entity page does not have', async () => {
    await renderLegacy(
      entityPage(['canvas', 'journey', 'slos']),
      '/system-product/canvas',
    );
    await screen.findByText('Every merge reaches production within an hour');
    expect(
      within(section('Improvement Roadmap')).queryByRole('link'),
    ).not.toBeInTheDocument();
    expect(
      within(section('User Journey')).getByRole('link', {
        name: /Open the journey map/,
      }),
    ).toHaveAttribute('href', '/system-product/journey');
  });

  it('render the SLOs and Roadmap tabs', async () => {
    await renderLegacy(entityPage(['slos', 'roadmap']), '/system-product/slos');
    expect(await screen.findByText('No SLOs defined')).toBeInTheDocument();
    expect(screen.getByText('How success is measured')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Roadmap' }));
    expect(
      await screen.findByText('No improvements planned yet'),
    ).toBeInTheDocument();
  });

  it('render the survey card and the team card', async () => {
    await renderLegacy(
      <>
        <EntitySystemProductSurveyCard />
        <EntitySystemProductTeamCard />
      </>,
      '/',
    );
    expect(
      await screen.findByText(/No survey is open right now/),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'CI/CD Pipeline' }),
    ).toBeInTheDocument();
  });

  /** Renders the portfolio page as `FlatRoutes` mounts it (its path and everything under it) at `path`. */
  function renderPortfolioPage(
    path: string,
    more: Partial<SystemProductApi> = {},
  ) {
    return renderInTestApp(
      <TestApiProvider apis={[[systemProductApiRef, { ...api, ...more }]]}>
        <Routes>
          <Route
            path="/system-products/*"
            element={<SystemProductPortfolioPage />}
          />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: [path],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
  }

  it('render the portfolio page', async () => {
    await renderPortfolioPage('/system-products');
    expect(
      await screen.findByText('Where to invest first'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'CI/CD Pipeline' }),
    ).toHaveAttribute('href', '/catalog/default/system/ci-cd-pipeline');
  });

  it("render a moment prompt's form under the portfolio page", async () => {
    const prompt = momentPrompt();
    await renderPortfolioPage('/system-products/prompts/p1', {
      getPrompt: async () => prompt,
    });
    expect(
      await screen.findByRole('form', { name: prompt.question }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Where to invest first')).not.toBeInTheDocument();
  });
});
