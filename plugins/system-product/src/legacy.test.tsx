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
import { emptyCanvasContent } from '@system-product/backstage-plugin-common';
import { screen } from '@testing-library/react';
import { testEntity } from './__testUtils__/renderWithEntity';
import { systemProductApiRef } from './api/systemProductApiRef';
import {
  EntitySystemProductCanvasContent,
  EntitySystemProductJourneyContent,
  isSystemProductEntity,
} from '.';

describe('legacy exports', () => {
  it('render as routes of EntityLayout on the old frontend system', async () => {
    const content = emptyCanvasContent();
    content.valueProposition.value =
      'Every merge reaches production within an hour';
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [catalogApiRef, catalogApiMock({ entities: [testEntity] })],
          [starredEntitiesApiRef, new MockStarredEntitiesApi()],
          [
            permissionApiRef,
            mockApis.permission({ authorize: AuthorizeResult.DENY }),
          ],
          [
            systemProductApiRef,
            {
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
            },
          ],
        ]}
      >
        <EntityProvider entity={testEntity}>
          <EntityLayout>
            <EntityLayout.Route
              path="/"
              title="Canvas"
              if={isSystemProductEntity}
            >
              <EntitySystemProductCanvasContent />
            </EntityLayout.Route>
            <EntityLayout.Route
              path="/journey"
              title="Journey"
              if={isSystemProductEntity}
            >
              <EntitySystemProductJourneyContent />
            </EntityLayout.Route>
          </EntityLayout>
        </EntityProvider>
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/catalog': catalogPlugin.routes.catalogIndex,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );
    expect(
      await screen.findByText('Every merge reaches production within an hour'),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Journey' })).toBeInTheDocument();
  });
});
