import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { PortfolioEntry } from '@system-product/backstage-plugin-common';
import { fireEvent, screen } from '@testing-library/react';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { portfolioEntry } from '../../__testUtils__/portfolioEntry';
import { PortfolioPage } from './PortfolioPage';

const entry = portfolioEntry({
  userGroups: ['group:default/mobile'],
  survey: { responses: 8, nps: 12.5, csat: 50 },
  friction: { reports: 8, averageSeverity: 3.6 },
  roadmap: { total: 4, shipped: 1, inProgress: 1, planned: 1 },
  slos: {
    total: 4,
    breached: 1,
    atRisk: 0,
    met: 2,
    noData: 1,
    evaluatedAt: '2026-11-25T12:00:00.000Z',
  },
  priority: { impact: 1, friction: 0.65, support: 1, score: 0.65 },
});

function renderPage(getPortfolio: () => Promise<PortfolioEntry[]>) {
  return renderInTestApp(
    <TestApiProvider apis={[[systemProductApiRef, { getPortfolio }]]}>
      <PortfolioPage />
    </TestApiProvider>,
    // EntityRefLink needs the catalog's entity route to be mounted.
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('PortfolioPage', () => {
  it('lists system products with figures in their units and explains the ranking', async () => {
    await renderPage(async () => [entry]);
    expect(await screen.findByText('CI/CD Pipeline')).toBeInTheDocument();
    expect(screen.getByText('8 responses')).toBeInTheDocument();
    expect(screen.getByText('NPS +13')).toBeInTheDocument();
    expect(screen.getByText('50% satisfied')).toBeInTheDocument();
    expect(screen.getByText('3.6 of 5 (8 reports)')).toBeInTheDocument();
    expect(
      screen.getByText('1 of 4 shipped, 1 in progress'),
    ).toBeInTheDocument();
    expect(screen.getByText('65 of 100')).toBeInTheDocument();
    expect(
      screen.getByText('1 breached, 2 met, 1 without data'),
    ).toBeInTheDocument();
    expect(screen.getByText('How the ranking works')).toBeInTheDocument();
  });

  it('says when SLOs were never evaluated, and ranks the most troubled first when sorted by SLOs', async () => {
    // Never evaluated, and ranked above the other for investment.
    const calm = portfolioEntry({
      entityRef: 'system:default/docs',
      title: 'Docs',
      priority: { ...entry.priority, score: 0.9 },
    });
    await renderPage(async () => [calm, entry]);
    expect(await screen.findByText('not evaluated yet')).toBeInTheDocument();
    const order = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map(row => (row.textContent?.includes('Docs') ? 'Docs' : 'CI/CD'));
    // Ranked by investment priority first: Docs (90) above CI/CD (65).
    expect(order()).toEqual(['Docs', 'CI/CD']);
    // Sorted by SLOs (the first click sorts descending): the system with a
    // breached SLO first.
    fireEvent.click(screen.getByText('SLOs'));
    expect(order()).toEqual(['CI/CD', 'Docs']);
  });

  it('names each owner once, however its catalog entry writes it, and links to it', async () => {
    await renderPage(async () => [
      portfolioEntry({ owner: 'group:default/guests' }),
      portfolioEntry({
        entityRef: 'system:default/docs',
        title: 'Docs',
        owner: 'guests',
      }),
      portfolioEntry({
        entityRef: 'system:default/wiki',
        title: 'Wiki',
        owner: null,
      }),
    ]);
    await screen.findByText('Docs');
    const owners = screen.getAllByRole('link', { name: 'guests' });
    expect(owners).toHaveLength(2);
    for (const owner of owners) {
      expect(owner).toHaveAttribute('href', '/catalog/default/group/guests');
    }
    expect(screen.queryByText(/group:default\/guests/)).not.toBeInTheDocument();
    expect(screen.getByText('no owner')).toBeInTheDocument();
  });

  it('says what the ranking does without sending the reader elsewhere', async () => {
    await renderPage(async () => [entry]);
    const ranking = await screen.findByText(/The ranking puts first/);
    expect(ranking).toHaveTextContent(
      'many teams depend on them, their users keep running into friction, and their owners are ready to act',
    );
    expect(screen.queryByText(/article/)).not.toBeInTheDocument();
  });

  it('explains how to get a first system product when there is none', async () => {
    await renderPage(async () => []);
    expect(
      await screen.findByText('No system products yet'),
    ).toBeInTheDocument();
  });

  it('shows the error with a retry', async () => {
    await renderPage(async () => {
      throw new Error('Backend unreachable');
    });
    expect(
      await screen.findByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });
});
