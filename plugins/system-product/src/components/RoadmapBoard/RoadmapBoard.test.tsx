import { RoadmapItem } from '@system-product/backstage-plugin-common';
import { ResponseError } from '@backstage/errors';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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

  it('offers no editing to non-owners', async () => {
    await renderWithEntity(<RoadmapBoard />, {
      getRoadmap: async () => [item({ title: 'Autoscale runners' })],
    });
    expect(await screen.findByText('Autoscale runners')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add improvement' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit Autoscale runners' }),
    ).not.toBeInTheDocument();
  });

  it('lets an owner add an improvement tied to a metric', async () => {
    const createRoadmapItem = jest.fn().mockResolvedValue(item({}));
    await renderWithEntity(
      <RoadmapBoard />,
      { getRoadmap: async () => [], createRoadmapItem },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add improvement' }),
    );
    fireEvent.change(screen.getByLabelText(/Title/), {
      target: { value: 'Cache dependencies' },
    });
    fireEvent.change(screen.getByLabelText('SLO or metric it should move'), {
      target: { value: 'lead-time-for-changes' },
    });
    fireEvent.change(screen.getByLabelText('Value before'), {
      target: { value: '31' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(createRoadmapItem).toHaveBeenCalledWith(
        { kind: 'System', namespace: 'default', name: 'ci-cd-pipeline' },
        expect.objectContaining({
          title: 'Cache dependencies',
          kind: 'quick-win',
          status: 'idea',
          metric: 'lead-time-for-changes',
          metricBefore: 31,
          metricAfter: null,
        }),
      ),
    );
  });

  it('keeps the edits on a stale save and saves them over the newer version', async () => {
    const stale = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({ error: { name: 'ConflictError', message: 'stale' } }),
        {
          status: 409,
          headers: { 'Content-Type': 'application/json' },
        },
      ) as any,
    );
    const original = item({ title: 'Autoscale runners', version: 2 });
    const newer = { ...original, version: 3, updatedBy: 'user:default/grace' };
    const getRoadmap = jest
      .fn()
      .mockResolvedValueOnce([original])
      .mockResolvedValue([newer]);
    const updateRoadmapItem = jest
      .fn()
      .mockRejectedValueOnce(stale)
      .mockResolvedValue(newer);
    await renderWithEntity(
      <RoadmapBoard />,
      { getRoadmap, updateRoadmapItem },
      { owner: true },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit Autoscale runners' }),
    );
    fireEvent.change(screen.getByLabelText(/Title/), {
      target: { value: 'Autoscale runners by queue' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'user:default/grace changed this item meanwhile (now version 3)',
    );
    expect(screen.getByLabelText(/Title/)).toHaveValue(
      'Autoscale runners by queue',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updateRoadmapItem).toHaveBeenCalledTimes(2));
    expect(updateRoadmapItem.mock.calls[0][1].version).toBe(2);
    expect(updateRoadmapItem.mock.calls[1][1]).toMatchObject({
      version: 3,
      title: 'Autoscale runners by queue',
    });
  });
});
