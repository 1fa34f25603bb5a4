import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { portfolioEntry } from '../../__testUtils__/portfolioEntry';
import { TeamCard } from './TeamCard';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'platform-team',
    namespace: 'default',
    title: 'Platform Team',
  },
  spec: { type: 'team', children: [] },
};

function renderCard(getPortfolio: jest.Mock) {
  return renderInTestApp(
    <TestApiProvider apis={[[systemProductApiRef, { getPortfolio }]]}>
      <EntityProvider entity={group}>
        <TeamCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('TeamCard', () => {
  it("asks for the group's own system products and lists them", async () => {
    const getPortfolio = jest.fn().mockResolvedValue([portfolioEntry()]);
    await renderCard(getPortfolio);
    expect(await screen.findByText('CI/CD Pipeline')).toBeInTheDocument();
    expect(getPortfolio).toHaveBeenCalledWith({
      owner: 'group:default/platform-team',
    });
    expect(screen.getByText('no survey yet')).toBeInTheDocument();
  });

  it('says so when the group owns none', async () => {
    await renderCard(jest.fn().mockResolvedValue([]));
    await waitFor(() =>
      expect(
        screen.getByText(/Platform Team owns no system product yet/),
      ).toBeInTheDocument(),
    );
  });
});
