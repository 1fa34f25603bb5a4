import {
  EvaluatedSlo,
  emptyCanvasContent,
} from '@system-product/backstage-plugin-common';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
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
      screen.getByText('95% of events good at most 1 d'),
    ).toBeInTheDocument();
    expect(screen.getByText('rolling 28 days')).toBeInTheDocument();
    expect(screen.getByText('Breached')).toBeInTheDocument();
    expect(screen.getByText('90%')).toBeInTheDocument();
    expect(
      screen.getByText('2 bad of 20 deployments, 1 allowed'),
    ).toBeInTheDocument();
    expect(screen.getByText('0% of budget left')).toBeInTheDocument();
    expect(screen.getByText('2.5×')).toBeInTheDocument();
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
        metadata: { name: 'build-success', displayName: 'Build success' },
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
      await screen.findByRole('button', { name: 'Trend of Build success' }),
    );
    expect(
      await screen.findByText(
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
      within(row).getByText('6 bad of 200 builds, 2 allowed'),
    ).toBeInTheDocument();
    expect(within(row).getByText('1 alert window firing')).toBeInTheDocument();
    expect(
      within(row).getByText('Internal objective: 99% of events good'),
    ).toBeInTheDocument();
    expect(
      within(row).getByText('SLA: 95% of events good'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', {
        name: 'Details of Deployment success against the SLA',
      }),
    ).toBeNull();

    const toggle = within(row).getByRole('button', {
      name: 'Details of Deployment success against the SLA',
    });
    toggle.focus();
    fireEvent.click(toggle);
    // The row stays put: the button keeps focus and says it is expanded.
    expect(toggle).toHaveFocus();
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const details = screen.getByRole('region', {
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
      within(details).getByText('Default multiwindow alerts (SRE workbook)'),
    ).toBeInTheDocument();
    expect(within(details).getByText('firing')).toBeInTheDocument();

    fireEvent.click(toggle);
    expect(
      screen.queryByRole('region', {
        name: 'Details of Deployment success against the SLA',
      }),
    ).toBeNull();
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
});
