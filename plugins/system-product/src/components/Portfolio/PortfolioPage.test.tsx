import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import {
  PortfolioEntry,
  SystemProductApi,
} from '@system-product/backstage-plugin-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { portfolioRouteRef } from '../../routes';
import { momentPrompt } from '../../__testUtils__/momentPrompt';
import { portfolioEntry } from '../../__testUtils__/portfolioEntry';
import { responseError } from '../../__testUtils__/responseError';
import { PortfolioPage } from './PortfolioPage';

// Recharts measures its container, which jsdom gives no size: a fixed one
// lets the chart draw its bars' names.
jest.mock('recharts', () => {
  const actual = jest.requireActual('recharts');
  const { cloneElement } = jest.requireActual('react');
  return {
    ...actual,
    ResponsiveContainer: (props: { children: JSX.Element }) =>
      cloneElement(props.children, { width: 800, height: 280 }),
  };
});

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
  priority: {
    impact: 1,
    friction: 0.65,
    dissatisfaction: 0.4,
    slo: 0.333,
    need: 0.65,
    support: 1,
    score: 0.65,
    reasons: [
      '1 user group depends on it',
      'Friction 3.6 of 5 from 8 reports',
      'SLOs: 1 breached, 0 at risk, 2 met',
    ],
  },
});

function renderPage(
  getPortfolio: () => Promise<PortfolioEntry[]>,
  more: Partial<SystemProductApi> = {},
  routeEntries?: string[],
) {
  const api = { getPortfolio, getMyPrompts: async () => [], ...more };
  return renderInTestApp(
    <TestApiProvider apis={[[systemProductApiRef, api]]}>
      <PortfolioPage />
    </TestApiProvider>,
    // EntityRefLink needs the catalog's entity route to be mounted; the
    // prompts link to their forms under the page.
    {
      routeEntries,
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/system-products': portfolioRouteRef,
      },
    },
  );
}

const prompt = momentPrompt({
  textQuestion: null,
  promptedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
});

describe('PortfolioPage', () => {
  it('lists system products with figures in their units and explains the ranking', async () => {
    await renderPage(async () => [entry]);
    expect(
      await screen.findByRole('link', { name: 'CI/CD Pipeline' }),
    ).toBeInTheDocument();
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
    await screen.findByRole('link', { name: 'Docs' });
    const owners = screen.getAllByRole('link', { name: 'guests' });
    expect(owners).toHaveLength(2);
    for (const owner of owners) {
      expect(owner).toHaveAttribute('href', '/catalog/default/group/guests');
    }
    expect(screen.queryByText(/group:default\/guests/)).not.toBeInTheDocument();
    expect(screen.getByText('no owner')).toBeInTheDocument();
  });

  it('says under each score what it stands on', async () => {
    await renderPage(async () => [entry]);
    const why = await screen.findByRole('list', {
      name: 'Why CI/CD Pipeline scores 65 of 100',
    });
    expect(
      within(why)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(entry.priority.reasons);
  });

  it('filters the table and the chart by owner, and keeps the filter in the URL', async () => {
    const docs = portfolioEntry({
      entityRef: 'system:default/docs',
      title: 'Docs',
      owner: 'group:default/docs-team',
    });
    await renderPage(async () => [entry, docs]);
    await screen.findByRole('link', { name: 'Docs' });
    const chartNames = () =>
      [...document.querySelectorAll('.recharts-cartesian-axis-tick-value')]
        .map(tick => tick.textContent)
        .filter(text => Number.isNaN(Number(text?.replace('%', ''))));
    expect(chartNames()).toEqual(['CI/CD Pipeline', 'Docs']);

    fireEvent.mouseDown(document.getElementById('portfolio-owner')!);
    fireEvent.click(await screen.findByRole('option', { name: 'docs-team' }));

    expect(
      await screen.findByText('1 of 2 system products'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'CI/CD Pipeline' }),
    ).not.toBeInTheDocument();
    expect(chartNames()).toEqual(['Docs']);
  });

  it('opens with the owner the URL names', async () => {
    const docs = portfolioEntry({
      entityRef: 'system:default/docs',
      title: 'Docs',
      owner: 'group:default/docs-team',
    });
    await renderPage(async () => [entry, docs], {}, ['/?owner=platform-team']);
    expect(
      await screen.findByText('1 of 2 system products'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'CI/CD Pipeline' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Docs' }),
    ).not.toBeInTheDocument();
  });

  it('says what the ranking does without sending the reader elsewhere', async () => {
    await renderPage(async () => [entry]);
    const ranking = await screen.findByText(/The ranking puts first/);
    expect(ranking).toHaveTextContent(
      'many teams depend on them, the figures say they hurt, and their owners are ready to act',
    );
    expect(screen.queryByText(/article/)).not.toBeInTheDocument();
  });

  it('explains how to get a first system product when there is none', async () => {
    await renderPage(async () => []);
    expect(
      await screen.findByText('No system products yet'),
    ).toBeInTheDocument();
  });

  describe('your open prompts', () => {
    it('lists each with its question linking to its form, the system and what happened, above the portfolio', async () => {
      await renderPage(async () => [entry], {
        getMyPrompts: async () => [prompt],
      });
      const prompts = await screen.findByRole('region', {
        name: 'Your open prompts',
      });
      expect(
        within(prompts).getByRole('link', {
          name: 'How did this production deployment go?',
        }),
      ).toHaveAttribute('href', '/system-products/prompts/p1');
      expect(
        within(prompts).getByRole('link', { name: 'ci-cd-pipeline' }),
      ).toHaveAttribute('href', '/catalog/default/system/ci-cd-pipeline');
      expect(prompts).toHaveTextContent(
        'your deployment to production, succeeded, 5 minutes ago',
      );
      // At the top: before the portfolio's own heading.
      const portfolio = screen.getByText('Portfolio');
      expect(
        prompts.compareDocumentPosition(portfolio) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
    });

    it('shows nothing when there are none', async () => {
      await renderPage(async () => [entry]);
      await screen.findByText('Where to invest first');
      expect(screen.queryByText('Your open prompts')).not.toBeInTheDocument();
    });

    it('shows nothing, quietly, to a session that is not a user (403)', async () => {
      const forbidden = await responseError(
        403,
        'Only users have prompts',
        'NotAllowedError',
      );
      await renderPage(async () => [entry], {
        getMyPrompts: async () => {
          throw forbidden;
        },
      });
      await screen.findByText('Where to invest first');
      expect(screen.queryByText(/prompts/)).not.toBeInTheDocument();
    });

    it('says when they could not be loaded, and loads them again on request', async () => {
      const getMyPrompts = jest
        .fn()
        .mockRejectedValueOnce(new Error('Backend unreachable'))
        .mockResolvedValue([prompt]);
      await renderPage(async () => [entry], { getMyPrompts });
      expect(
        await screen.findByText(
          'Your open prompts could not be loaded: Backend unreachable',
        ),
      ).toBeInTheDocument();
      fireEvent.click(
        screen.getByRole('button', { name: 'Load your prompts again' }),
      );
      expect(
        await screen.findByRole('link', {
          name: 'How did this production deployment go?',
        }),
      ).toBeInTheDocument();
    });
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
