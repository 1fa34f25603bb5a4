import { RoadmapItem } from '@system-product/backstage-plugin-common';

/**
 * A roadmap item of the example system: an idea without owner, date, milestones
 * or metric, its id its title; `overrides` fill it in.
 */
export function roadmapItem(overrides: Partial<RoadmapItem>): RoadmapItem {
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
