import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseOpenSlo } from './openslo';

const examples = join(__dirname, '../../../../examples/systems');

function parseFile(text: string, file = 'slos.yaml') {
  return parseOpenSlo(
    parseAllDocuments(text).map(d => d.toJS()),
    file,
  );
}

const validSlo = `
apiVersion: openslo/v1
kind: SLO
metadata: { name: lead-time, displayName: Lead time for changes }
spec:
  service: ci-cd-pipeline
  budgetingMethod: Occurrences
  timeWindow: [{ duration: 28d, isRolling: true }]
  objectives: [{ op: lte, value: 86400, target: 0.95 }]
  indicator:
    metadata: { name: lead-time-seconds }
    spec:
      thresholdMetric:
        metricSource: { type: system-product, spec: { event: deployment, measure: lead-time-seconds } }
`;

describe('parseOpenSlo', () => {
  it('accepts every example SLO file of the demo portal', () => {
    for (const system of readdirSync(examples)) {
      const file = join(examples, system, 'slos.yaml');
      const result = parseFile(readFileSync(file, 'utf8'), file);
      expect(result.problems).toEqual([]);
      expect(result.slos.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('parses a threshold SLO with its window and objective', () => {
    const { slos } = parseFile(validSlo);
    expect(slos).toEqual([
      {
        name: 'lead-time',
        displayName: 'Lead time for changes',
        description: '',
        service: 'ci-cd-pipeline',
        budgetingMethod: 'Occurrences',
        window: {
          duration: { amount: 28, unit: 'd' },
          isRolling: true,
          calendarStart: undefined,
        },
        objective: { target: 0.95, op: 'lte', value: 86400 },
        indicator: {
          name: 'lead-time-seconds',
          threshold: {
            type: 'system-product',
            spec: { event: 'deployment', measure: 'lead-time-seconds' },
          },
        },
      },
    ]);
  });

  it('resolves indicatorRef, targetPercent and calendar windows', () => {
    const { slos, problems } = parseFile(`
apiVersion: openslo/v1
kind: SLI
metadata: { name: deploy-success }
spec:
  ratioMetric:
    counter: true
    good: { metricSource: { type: system-product, spec: { measure: deployment-success } } }
    total: { metricSource: { type: system-product, spec: { measure: count } } }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: deploy-success-ratio }
spec:
  budgetingMethod: RatioTimeslices
  timeWindow: [{ duration: 1M, isRolling: false, calendar: { startTime: "2026-01-01 00:00:00", timeZone: UTC } }]
  objectives: [{ targetPercent: 99, timeSliceWindow: 1d }]
  indicatorRef: deploy-success
`);
    expect(problems).toEqual([]);
    expect(slos[0]).toMatchObject({
      budgetingMethod: 'RatioTimeslices',
      window: { isRolling: false, calendarStart: '2026-01-01T00:00:00.000Z' },
      objective: { target: 0.99, timeSliceWindow: { amount: 1, unit: 'd' } },
      indicator: {
        name: 'deploy-success',
        ratio: { good: { type: 'system-product' } },
      },
    });
  });

  it('reports each bad SLO by file, document and field and keeps the good ones', () => {
    const broken = `
apiVersion: openslo/v1
kind: SLO
metadata: { name: Broken_Name }
spec:
  budgetingMethod: Sometimes
  timeWindow: [{ duration: 4 weeks, isRolling: true }]
  objectives: [{ target: 1.5 }]
  indicatorRef: missing
`;
    const { slos, problems } = parseFile(
      `${validSlo}---${broken}---\napiVersion: v2\nkind: SLO\n`,
      'team/slos.yaml',
    );
    expect(slos.map(s => s.name)).toEqual(['lead-time']);
    expect(problems.map(p => [p.document, p.field])).toEqual([
      [2, 'metadata.name'],
      [2, 'spec.budgetingMethod'],
      [2, 'spec.timeWindow[0].duration'],
      [2, 'spec.objectives[0].target'],
      [2, 'spec.indicatorRef'],
      [3, 'apiVersion'],
    ]);
    expect(problems[0].file).toBe('team/slos.yaml');
  });

  it('asks for slice settings of Timeslices and op/value of threshold metrics', () => {
    const { problems } = parseFile(
      validSlo
        .replace('Occurrences', 'Timeslices')
        .replace('{ op: lte, value: 86400, target: 0.95 }', '{ target: 0.95 }'),
    );
    expect(problems.map(p => p.field)).toEqual([
      'spec.objectives[0].timeSliceWindow',
      'spec.objectives[0].timeSliceTarget',
      'spec.objectives[0].op',
    ]);
  });
});
