import { emptyCanvasContent } from '@system-product/backstage-plugin-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { SloList } from './SloList';

const canvas = async () => ({
  entityRef: 'system:default/ci-cd-pipeline',
  version: 0,
  content: emptyCanvasContent(),
});

describe('SloList', () => {
  it('lists SLOs with objective, window and indicator in words, and file problems', async () => {
    await renderWithEntity(<SloList />, {
      getCanvas: canvas,
      getSlos: async () => ({
        source: '/repo/examples/systems/ci-cd-pipeline/slos.yaml',
        dora: {
          days: 30,
          deploymentsPerDay: { value: 2.5, band: 'elite' as const },
          leadTimeSeconds: { value: 5400, band: 'elite' as const },
          changeFailureRate: { value: 0.2, band: 'low' as const },
          recoverySeconds: { value: null, band: null },
        },
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
            objective: { target: 0.95, op: 'lte' as const, value: 86400 },
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
              status: 'breaching' as const,
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
    expect(screen.getByText('Breaching')).toBeInTheDocument();
    expect(screen.getByText('90% of 20')).toBeInTheDocument();
    expect(screen.getByText('0% of budget left')).toBeInTheDocument();
    expect(screen.getByText('2.5×')).toBeInTheDocument();
    expect(screen.getByText('2.5 per day')).toBeInTheDocument();
    expect(screen.getByText('1.5 h')).toBeInTheDocument();
    expect(screen.getByText('20%')).toBeInTheDocument();
    expect(screen.getAllByText('Elite performer')).toHaveLength(2);
    expect(screen.getByText('Low performer')).toBeInTheDocument();
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

  const noDora = {
    days: 30,
    deploymentsPerDay: { value: null, band: null },
    leadTimeSeconds: { value: null, band: null },
    changeFailureRate: { value: null, band: null },
    recoverySeconds: { value: null, band: null },
  };
  const portalSlo = {
    name: 'build-success',
    origin: 'portal' as const,
    displayName: 'Build success',
    description: '',
    service: '',
    budgetingMethod: 'Occurrences' as const,
    window: { duration: { amount: 7, unit: 'd' as const }, isRolling: true },
    objective: { target: 0.95 },
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
      status: 'breaching' as const,
      burnRates: [],
    },
  };

  it('lets an owner add an SLO from an indicator, sent as an OpenSLO document', async () => {
    const createSlo = jest.fn(async () => portalSlo);
    const getSlos = jest.fn(async () => ({
      source: null,
      items: createSlo.mock.calls.length > 0 ? [portalSlo] : [],
      problems: [],
      dora: noDora,
    }));
    await renderWithEntity(
      <SloList />,
      { getCanvas: canvas, getSlos, createSlo },
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
    expect(screen.getByText('Breaching')).toBeInTheDocument();
  });

  it('shows a non-owner the SLOs and the export, but no way to add or remove them', async () => {
    await renderWithEntity(<SloList />, {
      getCanvas: canvas,
      getSlos: async () => ({
        source: null,
        items: [portalSlo],
        problems: [],
        dora: noDora,
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
          status: 'healthy' as const,
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
      getSlos: async () => ({
        source: null,
        items: [portalSlo],
        problems: [],
        dora: noDora,
      }),
      getSloStatus,
    });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Trend of Build success' }),
    );
    expect(
      await screen.findByText(
        /Budget left went from 80% to 45% over 2 evaluations/,
      ),
    ).toBeInTheDocument();
    expect(getSloStatus).toHaveBeenCalledWith(
      { kind: 'System', namespace: 'default', name: 'ci-cd-pipeline' },
      'build-success',
    );
  });

  it('explains the annotation when there are no SLOs', async () => {
    await renderWithEntity(<SloList />, {
      getCanvas: canvas,
      getSlos: async () => ({
        source: null,
        items: [],
        problems: [],
        dora: {
          days: 30,
          deploymentsPerDay: { value: null, band: null },
          leadTimeSeconds: { value: null, band: null },
          changeFailureRate: { value: null, band: null },
          recoverySeconds: { value: null, band: null },
        },
      }),
    });
    expect(await screen.findByText('No SLOs defined')).toBeInTheDocument();
  });
});
