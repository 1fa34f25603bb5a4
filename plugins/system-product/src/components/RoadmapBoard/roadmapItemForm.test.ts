import { RoadmapItem } from '@system-product/backstage-plugin-common';
import { toForm, toInput, withMetric } from './roadmapItemForm';

const stored = {
  title: 'Quarantine the 20 flakiest tests',
  description: '',
  kind: 'quick-win',
  status: 'shipped',
  owner: null,
  targetDate: null,
  milestones: [],
  painPoints: [],
  touchpointIds: [],
  metric: 'lead-time-for-changes',
  metricBefore: 31,
  metricAfter: 19,
  metricUnit: 'h',
} as unknown as RoadmapItem;

describe('the roadmap item form', () => {
  it('edits the unit as text and saves it trimmed, or null when empty', () => {
    const form = toForm(stored);
    expect(form).toMatchObject({
      metricBefore: '31',
      metricAfter: '19',
      metricUnit: 'h',
    });
    expect(toInput(form).metricUnit).toBe('h');
    expect(toInput({ ...form, metricUnit: ' builds/week ' }).metricUnit).toBe(
      'builds/week',
    );
    expect(toInput({ ...form, metricUnit: '  ' }).metricUnit).toBeNull();
    // An item of a backend without units, and a new item.
    const { metricUnit: _, ...older } = stored;
    expect(toForm(older as RoadmapItem).metricUnit).toBe('');
    expect(toInput(toForm()).metricUnit).toBeNull();
  });

  it('sets the unit to % when the metric becomes an SLO, and only then', () => {
    const isSlo = (metric: string) => metric === 'build-success';
    const form = { ...toForm(), metric: 'build', metricUnit: 'h' };
    expect(withMetric(form, 'build-success', isSlo)).toMatchObject({
      metric: 'build-success',
      metricUnit: '%',
    });
    expect(withMetric(form, 'build minutes', isSlo)).toMatchObject({
      metric: 'build minutes',
      metricUnit: 'h',
    });
    // The same SLO again (a reset of the text) keeps what the owner set.
    const onSlo = { ...form, metric: 'build-success', metricUnit: 'min' };
    expect(withMetric(onSlo, 'build-success', isSlo).metricUnit).toBe('min');
  });
});
