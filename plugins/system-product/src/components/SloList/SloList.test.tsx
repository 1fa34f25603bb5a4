import {
  EvaluatedSlo,
  SloEvaluation,
  emptyCanvasContent,
} from '@system-product/backstage-plugin-common';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { SystemProductApi } from '@system-product/backstage-plugin-common';
import { SWRConfig } from 'swr';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import {
  renderWithEntity,
  testEntity,
} from '../../__testUtils__/renderWithEntity';
import { roadmapItem } from '../../__testUtils__/roadmapItem';
import { backfillingEvaluation } from '../../__testUtils__/backfillingEvaluation';
import { SloList } from './SloList';

const canvas = async () => ({
  entityRef: 'system:default/ci-cd-pipeline',
  version: 0,
  content: emptyCanvasContent(),
});

/** DORA figures of an entity without deployments or incidents. */
const noDora = async () => {
  const none = { value: null, sampleSize: 0, band: null };
  return {
    entityRef: 'system:default/ci-cd-pipeline',
    days: 30 as const,
    from: '2026-10-26T12:00:00.000Z',
    to: '2026-11-25T12:00:00.000Z',
    minSamples: 5,
    deploymentFrequency: {
      cadence: null,
      band: null,
      sampleSize: 0,
      deployDays: 0,
      weeks: 5,
      weeksWithDeployments: 0,
      months: 1,
      monthsWithDeployments: 0,
      medianDeployDaysPerWeek: 0,
      medianDeploymentsPerDeployDay: null,
    },
    changeLeadTime: none,
    changeFailureRate: { ...none, count: 0 },
    deploymentReworkRate: { ...none, count: 0 },
    failedDeploymentRecoveryTime: none,
    incidents: { timeToDetect: none, timeToRestore: none },
    bandsSource: { title: 'DORA 2024', url: 'https://dora.dev/' },
  };
};

/**
 * The SLO list opened at `path`, as from a shared link (renderWithEntity
 * starts at "/"), for a reader who may not change the SLOs.
 */
function renderAt(path: string, api: Partial<SystemProductApi>) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [systemProductApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.DENY }),
        ],
      ]}
    >
      <SWRConfig value={{ provider: () => new Map() }}>
        <EntityProvider entity={testEntity}>
          <SloList />
        </EntityProvider>
      </SWRConfig>
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** The alert rules of a 28-day window (the 30-day ones scaled by 28/30), with the burn of each window. */
const rules = (
  burns: Array<[number | null, number | null]>,
): SloEvaluation['burnRates'] =>
  [
    [3_360_000, 280_000, 14.4, 'page'] as const,
    [20_160_000, 1_680_000, 6, 'page'] as const,
    [241_920_000, 20_160_000, 1, 'ticket'] as const,
  ].map(([longWindowMs, shortWindowMs, factor, severity], i) => ({
    severity,
    longWindowMs,
    shortWindowMs,
    factor,
    longBurn: burns[i][0],
    shortBurn: burns[i][1],
    firing: false,
  }));

/** Lead time, 95% within a day: 60 of 80 deployments made it, 20 bad where 4 are allowed. */
const overspent: EvaluatedSlo = {
  name: 'lead-time',
  origin: 'file',
  displayName: 'Lead time for changes',
  description: '',
  service: 'ci-cd-pipeline',
  budgetingMethod: 'Occurrences',
  window: { duration: { amount: 28, unit: 'd' }, isRolling: true },
  objectives: [{ target: 0.95, op: 'lte', value: 86_400 }],
  indicator: {
    name: 'lead',
    threshold: {
      type: 'system-product',
      spec: { event: 'deployment', measure: 'lead-time-seconds' },
    },
  },
  evaluation: {
    window: {
      from: '2026-10-28T12:00:00.000Z',
      to: '2026-11-25T12:00:00.000Z',
    },
    evaluatedAt: '2026-11-25T12:00:00.000Z',
    sli: 0.75,
    // 1 − 20 / 4: five times the budget spent.
    remaining: -4,
    total: 80,
    counted: { unit: 'events', bad: 20, total: 80, allowed: 4 },
    status: 'breached',
    // No deployment in the last 4.7 or 28 minutes; in the last 56, 6× the pace.
    burnRates: rules([
      [6, null],
      [5, null],
      [5, 5],
    ]),
  },
};

describe('SloList', () => {
  it('lists SLOs with objective, window and indicator in words, and file problems', async () => {
    const getDora = jest.fn(noDora);
    await renderWithEntity(<SloList />, {
      getCanvas: canvas,
      getDora,
      getSlos: async () => ({
        source: '/repo/examples/systems/ci-cd-pipeline/slos.yaml',
        items: [
          {
            name: 'lead-time',
            origin: 'file' as const,
            displayName: 'Lead time for changes',
            description: '',
            service: 'ci-cd-pipeline',
            budgetingMethod: 'Occurrences' as const,
            window: {
              duration: { amount: 28, unit: 'd' as const },
              isRolling: true,
            },
            objectives: [{ target: 0.95, op: 'lte' as const, value: 86400 }],
            indicator: {
              name: 'lead',
              threshold: {
                type: 'system-product',
                spec: { event: 'deployment', measure: 'lead-time-seconds' },
              },
            },
            evaluation: {
              window: {
                from: '2026-10-28T12:00:00.000Z',
                to: '2026-11-25T12:00:00.000Z',
              },
              sli: 0.9,
              remaining: 0,
              total: 20,
              counted: {
                unit: 'events' as const,
                bad: 2,
                total: 20,
                allowed: 1,
              },
              status: 'breached' as const,
              burnRates: [
                {
                  severity: 'page' as const,
                  longWindowMs: 3360000,
                  shortWindowMs: 280000,
                  factor: 14.4,
                  longBurn: 2.5,
                  shortBurn: 0,
                  firing: false,
                },
              ],
            },
          },
        ],
        problems: [
          {
            file: 'slos.yaml',
            document: 3,
            name: 'broken',
            field: 'spec.budgetingMethod',
            message: 'must be one of Occurrences, Timeslices, RatioTimeslices',
          },
        ],
      }),
    });
    expect(
      await screen.findByText('Lead time for changes'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('95% of deployments reach production within a day'),
    ).toBeInTheDocument();
    expect(screen.getByText('rolling 28 days')).toBeInTheDocument();
    expect(screen.getByText('Breached')).toBeInTheDocument();
    expect(screen.getByText('90%')).toBeInTheDocument();
    expect(
      screen.getByText('18 of 20 deployments reached production within a day'),
    ).toBeInTheDocument();
    expect(screen.getByText('every event counts')).toBeInTheDocument();
    expect(screen.getByText('0% of budget left')).toBeInTheDocument();
    // The shortest window with data: the short one, 0 bad in 4.7 minutes.
    expect(screen.getByText('0× the allowed pace')).toBeInTheDocument();
    expect(screen.getByText('over the last 4.7 min')).toBeInTheDocument();
    // The DORA card loads its own figures, the last 30 days by default.
    expect(
      await screen.findByText(
        'No production deployments or incidents in the last 30 days',
      ),
    ).toBeInTheDocument();
    expect(getDora).toHaveBeenCalledWith(
      { kind: 'System', namespace: 'default', name: 'ci-cd-pipeline' },
      { days: 30 },
    );
    expect(
      screen.getByText('system-product: deployment lead-time-seconds'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'broken: spec.budgetingMethod must be one of Occurrences, Timeslices, RatioTimeslices',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('slos.yaml, document 3')).toBeInTheDocument();
  });

  const portalSlo = {
    name: 'build-success',
    origin: 'portal' as const,
    displayName: 'Build success',
    description: '',
    service: '',
    budgetingMethod: 'Occurrences' as const,
    window: { duration: { amount: 7, unit: 'd' as const }, isRolling: true },
    objectives: [{ target: 0.95 }],
    indicator: {
      name: 'build-success',
      ratio: {
        good: {
          type: 'system-product',
          spec: { event: 'build', measure: 'build-success' },
        },
        total: {
          type: 'system-product',
          spec: { event: 'build', measure: 'count' },
        },
      },
    },
    evaluation: {
      window: { from: '2026-11-18T00:00:00Z', to: '2026-11-25T00:00:00Z' },
      sli: 0.9,
      remaining: -1,
      total: 10,
      status: 'breached' as const,
      burnRates: [],
    },
  };

  it('lets an owner add an SLO from an indicator, sent as an OpenSLO document', async () => {
    const createSlo = jest.fn(async () => portalSlo);
    const getSlos = jest.fn(async () => ({
      source: null,
      items: createSlo.mock.calls.length > 0 ? [portalSlo] : [],
      problems: [],
    }));
    await renderWithEntity(
      <SloList />,
      { getCanvas: canvas, getSlos, createSlo, getDora: noDora },
      { owner: true },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Add SLO' }));
    fireEvent.mouseDown(screen.getByLabelText('Indicator'));
    fireEvent.click(
      await screen.findByRole('option', { name: 'Build success' }),
    );
    fireEvent.change(screen.getByLabelText('Target (% of events)'), {
      target: { value: '95' },
    });
    fireEvent.change(screen.getByLabelText('Rolling window (days)'), {
      target: { value: '7' },
    });
    fireEvent.click(screen.getAllByRole('button', { name: 'Add SLO' }).pop()!);
    await waitFor(() => expect(createSlo).toHaveBeenCalledTimes(1));
    expect(createSlo).toHaveBeenCalledWith(
      { kind: 'System', namespace: 'default', name: 'ci-cd-pipeline' },
      expect.objectContaining({
        apiVersion: 'openslo/v1',
        kind: 'SLO',
        metadata: {
          name: 'build-success',
          displayName: 'Build success for 95% of builds',
        },
        spec: expect.objectContaining({
          timeWindow: [{ duration: '7d', isRolling: true }],
          objectives: [{ targetPercent: 95 }],
        }),
      }),
    );
    expect(await screen.findByText('Portal')).toBeInTheDocument();
    expect(screen.getByText('Breached')).toBeInTheDocument();
  });

  it('shows a non-owner the SLOs and the export, but no way to add or remove them', async () => {
    await renderWithEntity(<SloList />, {
      getCanvas: canvas,
      getDora: noDora,
      getSlos: async () => ({
        source: null,
        items: [portalSlo],
        problems: [],
      }),
    });
    expect(await screen.findByText('Build success')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add SLO' })).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Remove Build success' }),
    ).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Export OpenSLO' }),
    ).toBeInTheDocument();
  });

  it("draws an SLO's trend from its scheduled evaluations", async () => {
    const getSloStatus = jest.fn(async () => ({
      slo: portalSlo,
      history: [
        {
          at: '2026-11-24T10:00:00Z',
          status: 'met' as const,
          sli: 0.99,
          remaining: 0.8,
        },
        {
          at: '2026-11-24T10:05:00Z',
          status: 'at-risk' as const,
          sli: 0.97,
          remaining: 0.45,
        },
      ],
    }));
    await renderWithEntity(<SloList />, {
      getCanvas: canvas,
      getDora: noDora,
      getSlos: async () => ({
        source: null,
        items: [portalSlo],
        problems: [],
      }),
      getSloStatus,
    });
    fireEvent.click(
      await screen.findByRole('link', {
        name: 'Details and trend of Build success',
      }),
    );
    const details = await screen.findByRole('dialog', {
      name: 'Build success',
    });
    expect(
      await within(details).findByText(
        /Budget left went from 80% to 45% over 2 evaluations .*Status now: At risk, since/,
      ),
    ).toBeInTheDocument();
    expect(getSloStatus).toHaveBeenCalledWith(
      { kind: 'System', namespace: 'default', name: 'ci-cd-pipeline' },
      'build-success',
    );
  });

  const window = {
    from: '2026-10-28T12:00:00.000Z',
    to: '2026-11-25T12:00:00.000Z',
  };
  const objective = (target: number, remaining: number) => ({
    window,
    target,
    sli: 0.97,
    remaining,
    total: 200,
    counted: {
      unit: 'events' as const,
      bad: 6,
      total: 200,
      allowed: 200 * (1 - target),
    },
    status: remaining < 0 ? ('breached' as const) : ('met' as const),
    burnRates: [],
  });
  const againstSla: EvaluatedSlo = {
    ...portalSlo,
    name: 'deployment-success-objectives',
    origin: 'file',
    displayName: 'Deployment success against the SLA',
    window: { duration: { amount: 28, unit: 'd' }, isRolling: true },
    objectives: [
      { displayName: 'Internal objective', target: 0.99 },
      { displayName: 'SLA', target: 0.95 },
    ],
    evaluation: {
      ...objective(0.99, -2),
      evaluatedAt: window.to,
      burnRates: [
        {
          severity: 'page',
          longWindowMs: 3_360_000,
          shortWindowMs: 280_000,
          factor: 14.4,
          longBurn: 535.7,
          shortBurn: 1000,
          firing: true,
        },
      ],
      objectives: [
        { ...objective(0.99, -2), displayName: 'Internal objective' },
        { ...objective(0.95, 0.4), displayName: 'SLA' },
      ],
    },
  };

  it('shows an SLO of several objectives with its own figures on its row and each objective in its details', async () => {
    await renderWithEntity(<SloList />, {
      getCanvas: canvas,
      getDora: noDora,
      getSlos: async () => ({
        source: null,
        items: [againstSla],
        problems: [],
      }),
    });
    const row = (
      await screen.findByText('Deployment success against the SLA')
    ).closest('tr')!;
    // The row: the worst objective's figures, and both objectives by name.
    expect(within(row).getByText('Breached')).toBeInTheDocument();
    expect(
      within(row).getByText('194 of 200 builds succeeded'),
    ).toBeInTheDocument();
    expect(
      within(row).getByText('over the last 4.7 min; 1 alert window firing'),
    ).toBeInTheDocument();
    expect(within(row).getByText('1000× the allowed pace')).toBeInTheDocument();
    expect(
      within(row).getByText('Internal objective: 99% of builds succeed'),
    ).toBeInTheDocument();
    expect(
      within(row).getByText('SLA: 95% of builds succeed'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(
      within(row).getByRole('link', {
        name: 'Details and trend of Deployment success against the SLA',
      }),
    );
    const drawer = await screen.findByRole('dialog', {
      name: 'Deployment success against the SLA',
    });
    const details = within(drawer).getByRole('region', {
      name: 'Details of Deployment success against the SLA',
    });
    const objectives = within(details).getByRole('table', {
      name: 'Objectives of Deployment success against the SLA',
    });
    expect(
      within(objectives).getByText('Internal objective'),
    ).toBeInTheDocument();
    expect(within(objectives).getByText('SLA')).toBeInTheDocument();
    expect(within(objectives).getByText('Met')).toBeInTheDocument();
    expect(
      within(details).getByRole('table', {
        name: 'Alert windows of Deployment success against the SLA',
      }),
    ).toBeInTheDocument();
    expect(
      within(details).getByText('Default multiwindow alerts (SRE workbook)'),
    ).toBeInTheDocument();
    expect(within(details).getByText('firing')).toBeInTheDocument();

    // Closing returns to the list.
    fireEvent.click(within(drawer).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(
      screen.getByRole('link', {
        name: 'Details and trend of Deployment success against the SLA',
      }),
    ).toBeInTheDocument();
  });

  it('asks again every 5 s while an SLO backfills, until it has its status, and says how old its figures are', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-25T12:03:00.000Z') });
    try {
      const backfilling: EvaluatedSlo = {
        ...portalSlo,
        evaluation: backfillingEvaluation(
          portalSlo.evaluation.window,
          '2026-11-25T12:02:59.000Z',
        ),
      };
      const evaluated: EvaluatedSlo = {
        ...portalSlo,
        evaluation: {
          ...portalSlo.evaluation,
          evaluatedAt: '2026-11-25T12:03:04.000Z',
          sli: 0.97,
          remaining: 0.4,
          status: 'met',
        },
      };
      const list = (slo: EvaluatedSlo) => ({
        source: null,
        items: [slo],
        problems: [],
      });
      const getSlos = jest
        .fn()
        .mockResolvedValueOnce(list(backfilling))
        .mockResolvedValue(list(evaluated));
      await renderWithEntity(<SloList />, {
        getCanvas: canvas,
        getDora: noDora,
        getSlos,
      });
      const row = (await screen.findByText('Build success')).closest('tr')!;
      expect(within(row).getByText('Backfilling')).toBeInTheDocument();
      expect(within(row).queryByText('No data')).toBeNull();
      expect(
        within(row).getByTitle(/being computed from the stored events/),
      ).toBeInTheDocument();
      expect(
        within(row).getByText('computing from the stored events'),
      ).toBeInTheDocument();
      expect(getSlos).toHaveBeenCalledTimes(1);

      await act(async () => {
        jest.advanceTimersByTime(5_000);
      });
      const again = (await screen.findByText('Build success')).closest('tr')!;
      expect(await within(again).findByText('Met')).toBeInTheDocument();
      expect(screen.queryByText('Backfilling')).toBeNull();
      expect(getSlos).toHaveBeenCalledTimes(2);
      expect(
        within(again).getByText(/^as of .+ \(just now\)$/),
      ).toBeInTheDocument();

      // None backfills any more: the list stops asking, and "as of" keeps up.
      await act(async () => {
        jest.advanceTimersByTime(3 * 60_000);
      });
      expect(getSlos).toHaveBeenCalledTimes(2);
      expect(
        within(again).getByText(/^as of .+ \(3 minutes ago\)$/),
      ).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('stops asking again when the list is left while an SLO backfills', async () => {
    jest.useFakeTimers();
    try {
      const getSlos = jest.fn(async () => ({
        source: null,
        items: [
          {
            ...portalSlo,
            evaluation: {
              ...portalSlo.evaluation,
              backfilling: true,
              status: 'no-data' as const,
            },
          },
        ],
        problems: [],
      }));
      const { unmount } = await renderWithEntity(<SloList />, {
        getCanvas: canvas,
        getDora: noDora,
        getSlos,
      });
      expect(await screen.findByText('Backfilling')).toBeInTheDocument();
      unmount();
      await act(async () => {
        jest.advanceTimersByTime(20_000);
      });
      expect(getSlos).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('explains the annotation when there are no SLOs', async () => {
    await renderWithEntity(<SloList />, {
      getCanvas: canvas,
      getDora: noDora,
      getSlos: async () => ({
        source: null,
        items: [],
        problems: [],
      }),
    });
    expect(await screen.findByText('No SLOs defined')).toBeInTheDocument();
  });

  it('tells how to send data when there are no SLOs', async () => {
    await renderWithEntity(<SloList />, {
      getCanvas: canvas,
      // Figures of DORA, so that its card offers no second way in.
      getDora: async () => {
        const figures = await noDora();
        return {
          ...figures,
          deploymentFrequency: {
            ...figures.deploymentFrequency,
            sampleSize: 3,
          },
        };
      },
      getSlos: async () => ({ source: null, items: [], problems: [] }),
    });
    expect(await screen.findByText('No SLOs defined')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'How to send data' }));
    for (const module of ['github', 'gitlab', 'pagerduty']) {
      expect(
        screen.getByText(
          `@system-product/backstage-plugin-backend-module-${module}`,
        ),
      ).toBeInTheDocument();
    }
    const command = screen.getByLabelText('Command that posts one deployment')
      .textContent!;
    const [event] = JSON.parse(/-d '(.*)'$/.exec(command)![1]).events;
    expect(event).toMatchObject({
      type: 'deployment',
      entityRef: 'system:default/ci-cd-pipeline',
      commitSha: expect.any(String),
      commitTime: expect.any(String),
      deployTime: expect.any(String),
      environment: 'production',
      succeeded: true,
    });
    expect(
      screen.getByRole('button', { name: 'Copy the command' }),
    ).toBeInTheDocument();
  });

  it('opens the detail view of the SLO a URL names, in plain words', async () => {
    await renderAt('/?slo=lead-time', {
      getSlos: async () => ({ source: null, items: [overspent], problems: [] }),
      getSloStatus: async () => ({ slo: overspent, history: [] }),
      getDora: noDora,
    });
    const drawer = await screen.findByRole('dialog', {
      name: 'Lead time for changes',
    });
    const words = within(drawer).getByRole('region', {
      name: 'Lead time for changes in words',
    });
    expect(
      within(words)
        .getAllByText(/./)
        .map(p => p.textContent),
    ).toEqual([
      'Objective: 95% of deployments reach production within a day, over a rolling 28 days.',
      '60 of 80 deployments reached production within a day (75%).',
      'Budget overspent 5× (20 bad, 4 allowed).',
      'In the last 56 min the budget was spent 6× as fast as the window allows (1× uses it up exactly at its end).',
    ]);
    // The alert windows and the policy in force, below the charts.
    expect(
      within(drawer).getByRole('table', {
        name: 'Alert windows of Lead time for changes',
      }),
    ).toBeInTheDocument();
    expect(
      within(drawer).getByText('Default multiwindow alerts (SRE workbook)'),
    ).toBeInTheDocument();
    expect(
      await within(drawer).findByText('No scheduled evaluation yet'),
    ).toBeInTheDocument();
  });

  it('says so when the SLO a URL names is not there', async () => {
    await renderAt('/?slo=gone', {
      getSlos: async () => ({ source: null, items: [overspent], problems: [] }),
      getDora: noDora,
    });
    const drawer = await screen.findByRole('dialog', { name: 'gone' });
    expect(
      await within(drawer).findByText(/has no SLO named "gone"/),
    ).toBeInTheDocument();
  });

  it('shows the pace of the shortest alert window with data, or why there is none', async () => {
    const quiet: EvaluatedSlo = {
      ...overspent,
      name: 'quiet',
      displayName: 'Quiet',
      evaluation: {
        ...overspent.evaluation,
        burnRates: rules([
          [null, null],
          [null, null],
          [null, null],
        ]),
      },
    };
    const empty: EvaluatedSlo = {
      ...overspent,
      name: 'empty',
      displayName: 'Empty',
      evaluation: {
        ...overspent.evaluation,
        sli: null,
        remaining: null,
        total: 0,
        counted: undefined,
        status: 'no-data',
        burnRates: [],
        reason: 'no events in the window',
      },
    };
    await renderWithEntity(<SloList />, {
      getCanvas: canvas,
      getDora: noDora,
      getSlos: async () => ({
        source: null,
        items: [overspent, quiet, empty],
        problems: [],
      }),
    });
    const row = (name: string) => screen.getByText(name).closest('tr')!;
    await screen.findByText('Quiet');
    // The 4.7- and 28-minute windows have no deployment; the 56-minute one has.
    expect(
      within(row('Lead time for changes')).getByText('6× the allowed pace'),
    ).toBeInTheDocument();
    expect(
      within(row('Lead time for changes')).getByText('over the last 56 min'),
    ).toBeInTheDocument();
    // None of the windows has one: the longest says how far back none is.
    expect(
      within(row('Quiet')).getByText('no events in the last 2.8 d'),
    ).toBeInTheDocument();
    expect(
      within(row('Empty')).getAllByText('no events in the window'),
    ).toHaveLength(2);
    expect(
      within(row('Empty')).getByText('no budget figures yet'),
    ).toBeInTheDocument();
    expect(screen.queryByText('–', { exact: true })).toBeNull();
  });

  it('asks before removing an SLO, naming it and the roadmap items that name it', async () => {
    const deleteSlo = jest.fn(async () => undefined);
    const getSlos = jest.fn(async () => ({
      source: null,
      items: deleteSlo.mock.calls.length > 0 ? [] : [portalSlo],
      problems: [],
    }));
    const getRoadmap = jest.fn(async () => [
      roadmapItem({ title: 'Cache the build', metric: 'build-success' }),
      roadmapItem({ title: 'Flaky tests out', metric: 'Build success' }),
      roadmapItem({ title: 'Faster reviews', metric: 'lead-time' }),
    ]);
    await renderWithEntity(
      <SloList />,
      { getCanvas: canvas, getDora: noDora, getSlos, deleteSlo, getRoadmap },
      { owner: true },
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Remove Build success' }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Remove the SLO "Build success"?',
    });
    expect(
      within(dialog).getByText(
        /^Its objective is that 95% of builds succeed, over a rolling 7 days\./,
      ),
    ).toBeInTheDocument();
    const linked = await within(dialog).findByRole('list', {
      name: 'Roadmap items that name Build success',
    });
    expect(
      within(linked)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['Cache the buildidea', 'Flaky tests outidea']);
    expect(within(dialog).getByText(/^2 roadmap items name it/)).toBeVisible();

    // Cancel keeps it.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(deleteSlo).not.toHaveBeenCalled();

    fireEvent.click(
      screen.getByRole('button', { name: 'Remove Build success' }),
    );
    fireEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Remove SLO',
      }),
    );
    await waitFor(() =>
      expect(deleteSlo).toHaveBeenCalledWith(
        { kind: 'System', namespace: 'default', name: 'ci-cd-pipeline' },
        'build-success',
      ),
    );
    expect(await screen.findByText('No SLOs defined')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('offers no export while there is no SLO, and says why', async () => {
    await renderWithEntity(<SloList />, {
      getCanvas: canvas,
      getDora: noDora,
      getSlos: async () => ({ source: null, items: [], problems: [] }),
    });
    const exportButton = await screen.findByRole('button', {
      name: 'Export OpenSLO',
    });
    expect(exportButton).toBeDisabled();
    expect(exportButton).toHaveAccessibleDescription(
      'Nothing to export until the system has an SLO.',
    );
  });
});
