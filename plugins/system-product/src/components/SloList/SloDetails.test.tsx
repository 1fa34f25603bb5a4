import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import {
  EvaluatedSlo,
  SloEvaluation,
} from '@system-product/backstage-plugin-common';
import { screen, within } from '@testing-library/react';
import { SloDetails } from './SloDetails';
import { backfillingEvaluation } from '../../__testUtils__/backfillingEvaluation';

const catalog = {
  mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
};

const deployments = {
  name: 'production-deployment-success',
  ratio: {
    good: {
      type: 'system-product',
      spec: { event: 'deployment', measure: 'deployment-success' },
    },
    total: {
      type: 'system-product',
      spec: { event: 'deployment', measure: 'count' },
    },
  },
};

/** The alert rules of a 28-day window: the 30-day windows scaled by 28/30. */
const burnRates = (
  page: [number | null, number | null],
  firing = false,
): SloEvaluation['burnRates'] => [
  {
    severity: 'page',
    longWindowMs: 3_360_000,
    shortWindowMs: 280_000,
    factor: 14.4,
    longBurn: page[0],
    shortBurn: page[1],
    firing,
  },
  {
    severity: 'page',
    longWindowMs: 20_160_000,
    shortWindowMs: 1_680_000,
    factor: 6,
    longBurn: 2,
    shortBurn: 1,
    firing: false,
  },
  {
    severity: 'ticket',
    longWindowMs: 241_920_000,
    shortWindowMs: 20_160_000,
    factor: 1,
    longBurn: null,
    shortBurn: null,
    firing: false,
  },
];

const window = {
  from: '2026-10-28T12:00:00.000Z',
  to: '2026-11-25T12:00:00.000Z',
};

/** Two objectives of one indicator, a fast burn, and a policy paging the platform team. */
const againstSla: EvaluatedSlo = {
  name: 'deployment-success-objectives',
  origin: 'file',
  displayName: 'Deployment success against the SLA',
  description: '',
  service: 'ci-cd-pipeline',
  budgetingMethod: 'Occurrences',
  window: { duration: { amount: 28, unit: 'd' }, isRolling: true },
  indicator: deployments,
  objectives: [
    { displayName: 'Internal objective', target: 0.99 },
    { displayName: 'SLA', target: 0.95 },
  ],
  alertPolicies: [
    {
      name: 'page-owners',
      displayName: 'Page the platform team',
      alertWhenBreaching: true,
      alertWhenResolved: true,
      alertWhenNoData: false,
      conditions: [
        {
          name: 'fast-burn',
          severity: 'page',
          kind: 'burnrate',
          op: 'gte',
          threshold: 14.4,
          lookbackWindow: { amount: 1, unit: 'h' },
          alertAfter: { amount: 5, unit: 'm' },
        },
      ],
      notificationTargets: [
        { name: 'platform-team', target: 'group:default/platform-team' },
      ],
    },
  ],
  evaluation: {
    window,
    evaluatedAt: window.to,
    sli: 0.97,
    remaining: -2,
    total: 200,
    counted: { unit: 'events', bad: 6, total: 200, allowed: 2 },
    status: 'breached',
    budgetUsedUp: true,
    burnRates: burnRates([535.7, 1000], true),
    alertConditions: [
      {
        policy: 'page-owners',
        condition: 'fast-burn',
        op: 'gte',
        threshold: 14.4,
        lookbackWindowMs: 3_600_000,
        alertAfterMs: 300_000,
        burn: 535.7,
        holds: true,
      },
    ],
    objectives: [
      {
        displayName: 'Internal objective',
        target: 0.99,
        window,
        sli: 0.97,
        remaining: -2,
        total: 200,
        counted: { unit: 'events', bad: 6, total: 200, allowed: 2 },
        status: 'breached',
        budgetUsedUp: true,
        burnRates: burnRates([535.7, 1000], true),
      },
      {
        displayName: 'SLA',
        target: 0.95,
        window,
        sli: 0.97,
        remaining: 0.4,
        total: 200,
        counted: { unit: 'events', bad: 6, total: 200, allowed: 10 },
        status: 'met',
        budgetUsedUp: false,
        burnRates: burnRates([107.1, 200]),
      },
    ],
  },
};

describe('SloDetails', () => {
  it("shows each alert window's humanised lengths, factor, burn rates and whether it fires", async () => {
    await renderInTestApp(<SloDetails slo={againstSla} />, catalog);
    const table = screen.getByRole('table', {
      name: 'Alert windows of Deployment success against the SLA',
    });
    const [, fast, slow, ticket] = within(table).getAllByRole('row');
    expect(
      within(fast)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual([
      'page',
      '56 min / 4.7 min',
      '14.4×',
      '535.7× / 1000×',
      'firing',
    ]);
    expect(
      within(slow)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(['page', '5.6 h / 28 min', '6×', '2× / 1×', 'not firing']);
    expect(within(ticket).getByText('2.8 d / 5.6 h')).toBeInTheDocument();
    expect(within(ticket).getByText('no data / no data')).toBeInTheDocument();
  });

  it('names the alert policy in force with its condition, its burn rate now and the group it notifies', async () => {
    await renderInTestApp(<SloDetails slo={againstSla} />, catalog);
    expect(screen.getByText('page-owners')).toBeInTheDocument();
    expect(
      screen.getByText(
        'fast-burn: burn rate ≥ 14.4× over 1 hour for 5 minutes, severity page',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('now 535.7×, holds')).toBeInTheDocument();
    expect(
      screen.getByText(/Alerts when a condition holds, when it is resolved/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /platform-team/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/platform-team',
    );
    expect(
      screen.queryByText(/Default multiwindow alerts/),
    ).not.toBeInTheDocument();
  });

  it('shows each objective with its name, target, SLI with what it rests on, budget and status', async () => {
    await renderInTestApp(<SloDetails slo={againstSla} />, catalog);
    const table = screen.getByRole('table', {
      name: 'Objectives of Deployment success against the SLA',
    });
    const [, internal, sla] = within(table).getAllByRole('row');
    expect(
      within(internal).getByText('Internal objective'),
    ).toBeInTheDocument();
    expect(
      within(internal).getByText('99% of deployments succeed'),
    ).toBeInTheDocument();
    expect(
      within(internal).getByText('6 bad of 200 deployments, 2 allowed'),
    ).toBeInTheDocument();
    expect(
      within(internal).getByText('overspent 3×, none left'),
    ).toBeInTheDocument();
    expect(within(internal).getByText('Breached')).toBeInTheDocument();
    expect(within(sla).getByText('SLA')).toBeInTheDocument();
    expect(
      within(sla).getByText('95% of deployments succeed'),
    ).toBeInTheDocument();
    expect(within(sla).getAllByText('97%')).toHaveLength(1);
    expect(
      within(sla).getByText('6 bad of 200 deployments, 10 allowed'),
    ).toBeInTheDocument();
    expect(within(sla).getByText('40% of budget left')).toBeInTheDocument();
    expect(within(sla).getByText('Met')).toBeInTheDocument();
    // The SLO's own figures are those of its worst objective.
    expect(
      screen.getByText(
        '6 bad of 200 deployments, 2 allowed. Those of the objective in the worst state, Internal objective.',
      ),
    ).toBeInTheDocument();
  });

  it('says the default multiwindow alerts are in force when the SLO names no policy', async () => {
    const { alertPolicies: _none, ...withoutPolicy } = againstSla;
    await renderInTestApp(<SloDetails slo={withoutPolicy} />, catalog);
    expect(
      screen.getByText('Default multiwindow alerts (SRE workbook)'),
    ).toBeInTheDocument();
  });

  it("shows a composite SLO's objectives with their own indicators and weights", async () => {
    const composite: EvaluatedSlo = {
      ...againstSla,
      name: 'delivery',
      displayName: 'Delivery',
      indicator: undefined,
      alertPolicies: undefined,
      objectives: [
        {
          displayName: 'Deployments succeed',
          target: 0.95,
          indicator: deployments,
          compositeWeight: 3,
        },
        {
          displayName: 'Incidents restored in 4 h',
          target: 0.9,
          op: 'lte',
          value: 14_400,
          indicator: {
            name: 'restore',
            threshold: {
              type: 'system-product',
              spec: { event: 'incident', measure: 'time-to-restore-seconds' },
            },
          },
        },
      ],
      evaluation: {
        ...againstSla.evaluation,
        counted: undefined,
        alertConditions: undefined,
        objectives: [
          { ...againstSla.evaluation.objectives![1], compositeWeight: 3 },
          {
            ...againstSla.evaluation.objectives![1],
            displayName: 'Incidents restored in 4 h',
            target: 0.9,
            counted: { unit: 'events', bad: 1, total: 8, allowed: 0.8 },
          },
        ],
      },
    };
    await renderInTestApp(<SloDetails slo={composite} />, catalog);
    const table = screen.getByRole('table', { name: 'Objectives of Delivery' });
    const [header, deploying, restoring] = within(table).getAllByRole('row');
    expect(within(header).getByText('Weight')).toBeInTheDocument();
    expect(within(deploying).getByText('3')).toBeInTheDocument();
    expect(
      within(restoring).getByText(
        'system-product: incident time-to-restore-seconds',
      ),
    ).toBeInTheDocument();
    expect(
      within(restoring).getByText(
        '90% of incidents are restored within 4 hours',
      ),
    ).toBeInTheDocument();
    expect(
      within(restoring).getByText('1 bad of 8 incidents, 0.8 allowed'),
    ).toBeInTheDocument();
    expect(within(restoring).getByText('1')).toBeInTheDocument();
    expect(
      screen.getByText(/weighted mean of its 2 objectives/),
    ).toBeInTheDocument();
  });

  it('shows a calendar window in its time zone and up to when it was measured', async () => {
    const monthly: EvaluatedSlo = {
      ...againstSla,
      window: {
        duration: { amount: 1, unit: 'M' },
        isRolling: false,
        calendar: {
          startTime: '2026-01-01 00:00:00',
          timeZone: 'Europe/Berlin',
        },
      },
      evaluation: {
        ...againstSla.evaluation,
        window: {
          from: '2026-10-31T23:00:00.000Z',
          to: '2026-11-30T23:00:00.000Z',
        },
        evaluatedAt: '2026-11-25T11:00:00.000Z',
      },
    };
    await renderInTestApp(<SloDetails slo={monthly} />, catalog);
    expect(
      screen.getByText(
        'Nov 1, 2026, 12:00 AM to Dec 1, 2026, 12:00 AM (Europe/Berlin), measured up to Nov 25, 2026, 12:00 PM',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'calendar 1 month from 2026-01-01 Europe/Berlin, every event counts',
      ),
    ).toBeInTheDocument();
  });

  it('says how old the figures are', async () => {
    await renderInTestApp(
      <SloDetails
        slo={againstSla}
        now={new Date('2026-11-25T12:03:00.000Z')}
      />,
      catalog,
    );
    // Evaluated at the window's end, 12:00 UTC, in the reader's time zone.
    expect(
      screen.getByText(/^Figures as of .+ \(3 minutes ago\)\.$/),
    ).toBeInTheDocument();
  });

  it('says that the figures of a backfilling SLO are being computed', async () => {
    const backfilling: EvaluatedSlo = {
      ...againstSla,
      objectives: [againstSla.objectives[0]],
      alertPolicies: undefined,
      evaluation: backfillingEvaluation(window, window.to),
    };
    await renderInTestApp(<SloDetails slo={backfilling} />, catalog);
    expect(
      screen.getByText(
        'The figures are being computed from the stored events (a new or changed SLO); they show here within seconds.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Figures as of/)).not.toBeInTheDocument();
  });

  it('says why nothing was counted and that no alert window was evaluated', async () => {
    const empty: EvaluatedSlo = {
      ...againstSla,
      objectives: [againstSla.objectives[0]],
      alertPolicies: undefined,
      evaluation: {
        window,
        sli: null,
        remaining: null,
        total: 0,
        status: 'no-data',
        burnRates: [],
        reason: 'no events in the window',
      },
    };
    await renderInTestApp(<SloDetails slo={empty} />, catalog);
    expect(
      screen.getByText('Nothing measured: no events in the window.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/No alert window was evaluated/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
