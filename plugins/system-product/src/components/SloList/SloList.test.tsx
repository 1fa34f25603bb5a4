import { emptyCanvasContent } from '@system-product/backstage-plugin-common';
import { screen } from '@testing-library/react';
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
