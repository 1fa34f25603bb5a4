import { RoadmapItem } from '@system-product/backstage-plugin-common';
import { metricChange } from './metricChange';

const item = (changes: Partial<RoadmapItem>) =>
  ({
    metric: 'deployment-success-ratio',
    metricBefore: null,
    metricAfter: null,
    ...changes,
  } as RoadmapItem);

describe('metricChange', () => {
  it('gives before and after with the relative change in percent', () => {
    expect(metricChange(item({ metricBefore: 0.9, metricAfter: 0.99 }))).toBe(
      'deployment-success-ratio: 0.9 → 0.99 (+10%)',
    );
    expect(metricChange(item({ metricBefore: 31, metricAfter: 19 }))).toBe(
      'deployment-success-ratio: 31 → 19 (-39%)',
    );
  });

  it('leaves out the relative change from zero', () => {
    expect(metricChange(item({ metricBefore: 0, metricAfter: 4 }))).toBe(
      'deployment-success-ratio: 0 → 4',
    );
  });

  it('says nothing until both values are known', () => {
    expect(metricChange(item({ metricBefore: 31 }))).toBeUndefined();
    expect(metricChange(item({ metric: null }))).toBeUndefined();
  });
});
