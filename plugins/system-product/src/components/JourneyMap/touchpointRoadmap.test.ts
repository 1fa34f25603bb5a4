import { roadmapItem } from '../../__testUtils__/roadmapItem';
import { itemsAddressing, roadmapItemLine } from './touchpointRoadmap';

const now = new Date('2026-12-07T12:00:00Z');

describe('itemsAddressing', () => {
  it('lists open items and those shipped in the last 30 days, in progress first, then by target date', () => {
    const items = [
      roadmapItem({ title: 'Idea', touchpointIds: ['t1'] }),
      roadmapItem({
        title: 'Planned late',
        status: 'planned',
        targetDate: '2027-02-01',
        touchpointIds: ['t1', 't2'],
      }),
      roadmapItem({
        title: 'Planned soon',
        status: 'planned',
        targetDate: '2026-12-20',
        touchpointIds: ['t1'],
      }),
      roadmapItem({
        title: 'Doing',
        status: 'in-progress',
        touchpointIds: ['t1'],
      }),
      roadmapItem({
        title: 'Shipped lately',
        status: 'shipped',
        shippedAt: '2026-11-08T12:00:00Z',
        touchpointIds: ['t1'],
      }),
      roadmapItem({
        title: 'Shipped long ago',
        status: 'shipped',
        shippedAt: '2026-11-07T11:59:00Z',
        touchpointIds: ['t1'],
      }),
      roadmapItem({
        title: 'Dropped',
        status: 'dropped',
        touchpointIds: ['t1'],
      }),
      roadmapItem({ title: 'Elsewhere', touchpointIds: ['t2'] }),
    ];
    expect(itemsAddressing(items, 't1', now).map(i => i.title)).toEqual([
      'Doing',
      'Planned soon',
      'Planned late',
      'Idea',
      'Shipped lately',
    ]);
  });
});

describe('roadmapItemLine', () => {
  it('names the state, the title and the target day', () => {
    expect(
      roadmapItemLine(
        roadmapItem({
          title: 'Cache dependencies',
          status: 'in-progress',
          targetDate: '2026-12-18',
        }),
        now,
      ),
    ).toBe('In progress: Cache dependencies · target 18 Dec');
    expect(roadmapItemLine(roadmapItem({ title: 'Shard tests' }), now)).toBe(
      'Idea: Shard tests',
    );
  });

  it('gives a shipped item the day it shipped', () => {
    expect(
      roadmapItemLine(
        roadmapItem({
          title: 'Retry flaky tests',
          status: 'shipped',
          targetDate: '2026-11-30',
          shippedAt: '2026-12-01T09:00:00Z',
        }),
        now,
      ),
    ).toBe('Shipped: Retry flaky tests · 1 Dec');
  });
});
