import { RoadmapItem } from '@system-product/backstage-plugin-common';
import { metricChange, withUnit } from './metricChange';

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

  it('gives each value with the unit of the item', () => {
    expect(
      metricChange(
        item({
          metric: 'lead-time-for-changes',
          metricBefore: 31,
          metricAfter: 19,
          metricUnit: 'h',
        }),
      ),
    ).toBe('lead-time-for-changes: 31 h → 19 h (-39%)');
    expect(
      metricChange(
        item({
          metric: 'Deployments',
          metricBefore: 4,
          metricAfter: 10,
          metricUnit: ' builds/week ',
        }),
      ),
    ).toBe('Deployments: 4 builds/week → 10 builds/week (+150%)');
  });

  it('gives values in percent with the difference in points, not a relative change', () => {
    expect(
      metricChange(
        item({
          metric: 'docs-build-success',
          metricBefore: 91,
          metricAfter: 97,
          metricUnit: '%',
        }),
      ),
    ).toBe('docs-build-success: 91% → 97% (+6 points)');
    expect(
      metricChange(
        item({ metricBefore: 99.5, metricAfter: 98.5, metricUnit: '%' }),
      ),
    ).toBe('deployment-success-ratio: 99.5% → 98.5% (-1 point)');
    // Without the floating-point noise of 97.3 - 97.1.
    expect(
      metricChange(
        item({ metricBefore: 97.1, metricAfter: 97.3, metricUnit: '%' }),
      ),
    ).toBe('deployment-success-ratio: 97.1% → 97.3% (+0.2 points)');
    expect(
      metricChange(item({ metricBefore: 0, metricAfter: 40, metricUnit: '%' })),
    ).toBe('deployment-success-ratio: 0% → 40% (+40 points)');
  });

  it('keeps plain numbers for an item without a unit', () => {
    for (const metricUnit of [null, undefined, '', ' ']) {
      expect(
        metricChange(item({ metricBefore: 31, metricAfter: 19, metricUnit })),
      ).toBe('deployment-success-ratio: 31 → 19 (-39%)');
    }
  });

  it('leaves out the relative change from zero', () => {
    expect(metricChange(item({ metricBefore: 0, metricAfter: 4 }))).toBe(
      'deployment-success-ratio: 0 → 4',
    );
    expect(
      metricChange(
        item({ metricBefore: 0, metricAfter: 4, metricUnit: 'min' }),
      ),
    ).toBe('deployment-success-ratio: 0 min → 4 min');
  });

  it('says nothing until both values are known', () => {
    expect(metricChange(item({ metricBefore: 31 }))).toBeUndefined();
    expect(metricChange(item({ metric: null }))).toBeUndefined();
    expect(
      metricChange(item({ metricBefore: 31, metricUnit: 'h' })),
    ).toBeUndefined();
  });
});

describe('withUnit', () => {
  it('puts a space before a unit but none before a percent sign', () => {
    expect(withUnit(31, 'h')).toBe('31 h');
    expect(withUnit(2.5, 'days')).toBe('2.5 days');
    expect(withUnit(97.5, '%')).toBe('97.5%');
    expect(withUnit(31, null)).toBe('31');
    expect(withUnit(31)).toBe('31');
  });
});
