import { RoadmapItem } from '@system-product/backstage-plugin-common';
import { screen } from '@testing-library/react';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { RoadmapBoard } from './RoadmapBoard';

function item(overrides: Partial<RoadmapItem>): RoadmapItem {
  return {
    id: overrides.title ?? 'x',
    entityRef: 'system:default/ci-cd-pipeline',
    version: 1,
    title: 'x',
    description: '',
    kind: 'quick-win',
    status: 'idea',
    owner: null,
    targetDate: null,
    milestones: [],
    painPoints: [],
    touchpointIds: [],
    metric: null,
    metricBefore: null,
    metricAfter: null,
    shippedAt: null,
    updatedBy: 'user:default/ada',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('RoadmapBoard', () => {
  it('groups items by status, tells quick wins apart and shows before/after of shipped ones', async () => {
    await renderWithEntity(<RoadmapBoard />, {
      getRoadmap: async () => [
        item({
          title: 'Autoscale runners',
          kind: 'strategic',
          status: 'planned',
          metric: 'lead-time',
        }),
        item({
          title: 'Quarantine flaky tests',
          status: 'shipped',
          metric: 'deployment-success-ratio',
          metricBefore: 0.9,
          metricAfter: 0.99,
          shippedAt: '2026-11-20T10:00:00.000Z',
          milestones: [
            { title: 'List them', done: true },
            { title: 'Fix them', done: false },
          ],
        }),
      ],
    });
    expect(await screen.findByText('Planned (1)')).toBeInTheDocument();
    expect(screen.getByText('Shipped (1)')).toBeInTheDocument();
    expect(screen.getByText('Ideas (0)')).toBeInTheDocument();
    expect(screen.getByText('Strategic')).toBeInTheDocument();
    expect(screen.getByText('Quick win')).toBeInTheDocument();
    expect(screen.getByText('Should move lead-time')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Did it work? deployment-success-ratio: 0.9 → 0.99 (+10%)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('1 of 2 milestones done')).toBeInTheDocument();
    expect(
      screen.getByText('2026-11-20 · Quarantine flaky tests'),
    ).toBeInTheDocument();
  });

  it('explains how to start when there are no items', async () => {
    await renderWithEntity(<RoadmapBoard />, { getRoadmap: async () => [] });
    expect(
      await screen.findByText('No improvements planned yet'),
    ).toBeInTheDocument();
  });
});
