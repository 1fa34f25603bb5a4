import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { portfolioEntry } from '../../__testUtils__/portfolioEntry';
import { portfolioRouteRef } from '../../routes';
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

function renderCard(getPortfolio: jest.Mock, withPortfolioPage = true) {
  return renderInTestApp(
    <TestApiProvider apis={[[systemProductApiRef, { getPortfolio }]]}>
      <EntityProvider entity={group}>
        <TeamCard />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...(withPortfolioPage && { '/system-products': portfolioRouteRef }),
      },
    },
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
    expect(screen.getByText('not evaluated yet')).toBeInTheDocument();
  });

  it('keeps to the figures that fit a card, and links to the rest', async () => {
    await renderCard(jest.fn().mockResolvedValue([portfolioEntry()]));
    await screen.findByText('CI/CD Pipeline');
    const headers = screen
      .getAllByRole('columnheader')
      .map(header => header.textContent);
    expect(headers).toEqual([
      'System product',
      'NPS',
      'Friction',
      'SLOs',
      'Invest first',
    ]);
    expect(
      screen.getByRole('link', { name: /Every figure in the portfolio/ }),
    ).toHaveAttribute('href', '/system-products?owner=platform-team');
  });

  it('does not link to a portfolio page the app does not have', async () => {
    await renderCard(jest.fn().mockResolvedValue([portfolioEntry()]), false);
    await screen.findByText('CI/CD Pipeline');
    expect(
      screen.queryByRole('link', { name: /Every figure in the portfolio/ }),
    ).not.toBeInTheDocument();
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
