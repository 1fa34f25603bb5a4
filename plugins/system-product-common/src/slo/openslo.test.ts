import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseOpenSlo } from './openslo';

const examples = join(__dirname, '../../../../examples/systems');
const fixtures = join(__dirname, '__fixtures__/openslo');
const fixture = (file: string) => readFileSync(join(fixtures, file), 'utf8');

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
        window: { duration: { amount: 28, unit: 'd' }, isRolling: true },
        objectives: [{ target: 0.95, op: 'lte', value: 86400 }],
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
      window: {
        isRolling: false,
        calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'UTC' },
      },
      objectives: [{ target: 0.99, timeSliceWindow: { amount: 1, unit: 'd' } }],
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
      [2, 'spec.indicatorRef'],
      [2, 'spec.objectives[0].target'],
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

  it("loads every one of OpenSLO's published v1 examples, saying what it assumed", () => {
    const files = readdirSync(fixtures).filter(f => f.endsWith('.yaml'));
    expect(files.length).toBe(13);
    for (const file of files) {
      const { problems } = parseFile(fixture(file), file);
      // Nothing is refused: at most notes (defaults assumed, documents
      // that no SLO of the same file uses).
      expect(problems.filter(p => p.severity !== 'warning')).toEqual([]);
    }
  });

  it("evaluates OpenSLO's Timeslices example with its two objectives and its New York calendar", () => {
    const { slos, problems } = parseFile(
      fixture('budgeting-method--timeslices-slo.yaml'),
    );
    expect(problems).toEqual([]);
    expect(slos[0].window).toEqual({
      duration: { amount: 1, unit: 'm' },
      isRolling: false,
      calendar: {
        startTime: '2022-01-01 12:00:00',
        timeZone: 'America/New_York',
      },
    });
    expect(slos[0].objectives.map(o => [o.displayName, o.target])).toEqual([
      ['Internal objective', 0.995],
      ['SLA', 0.99],
    ]);
  });

  it('keeps op without value on a ratio metric (it compares nothing there) and a number of minutes as timeSliceWindow', () => {
    const { slos, problems } = parseFile(
      fixture('budgeting-method--ratio-timeslices.yaml').replace(
        'timeSliceWindow: 1m',
        'timeSliceWindow: 5',
      ),
    );
    expect(problems).toEqual([]);
    expect(slos[0].objectives[0]).toEqual({
      displayName: 'Good',
      target: 0.99,
      op: 'gt',
      timeSliceWindow: { amount: 5, unit: 'm' },
    });
  });

  it('resolves metricSourceRef to a DataSource of the file for its type, never keeping its connection details', () => {
    const { slos, problems } = parseFile(`
apiVersion: openslo/v1
kind: DataSource
metadata: { name: cloudwatch-prod }
spec:
  type: CloudWatch
  connectionDetails: { accessKeyID: key, secretAccessKey: secret }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: uptime }
spec:
  budgetingMethod: Occurrences
  timeWindow: [{ duration: 28d, isRolling: true }]
  objectives: [{ target: 0.99 }]
  indicator:
    metadata: { name: uptime }
    spec:
      ratioMetric:
        counter: false
        rawType: failure
        raw: { metricSource: { metricSourceRef: cloudwatch-prod, spec: { query: errors } } }
`);
    expect(problems).toEqual([]);
    expect(slos[0].indicator).toEqual({
      name: 'uptime',
      ratio: {
        raw: {
          type: 'CloudWatch',
          dataSource: 'cloudwatch-prod',
          spec: { query: 'errors' },
        },
        rawType: 'failure',
      },
    });
    expect(JSON.stringify(slos)).not.toContain('secret');
  });

  it('reads composite SLOs, alert policies with their conditions and targets, and reports a policy that no SLO uses', () => {
    const { slos, problems } = parseFile(`
apiVersion: openslo/v1
kind: AlertCondition
metadata: { name: fast-burn }
spec:
  severity: page
  condition: { kind: burnrate, op: gte, threshold: 14.4, lookbackWindow: 1h, alertAfter: 5m }
---
apiVersion: openslo/v1
kind: AlertNotificationTarget
metadata: { name: platform-team }
spec: { target: 'group:default/platform-team' }
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata: { name: page-owners }
spec:
  alertWhenBreaching: true
  alertWhenResolved: true
  conditions: [{ conditionRef: fast-burn }]
  notificationTargets: [{ targetRef: platform-team }]
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata: { name: unused }
spec:
  conditions: [{ conditionRef: fast-burn }]
  notificationTargets: [{ targetRef: platform-team }]
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: delivery }
spec:
  budgetingMethod: Occurrences
  timeWindow: [{ duration: 28d, isRolling: true }]
  alertPolicies: [{ alertPolicyRef: page-owners }]
  objectives:
    - displayName: Lead time
      target: 0.9
      op: lte
      value: 86400
      compositeWeight: 3
      indicator:
        metadata: { name: lead }
        spec: { thresholdMetric: { metricSource: { type: system-product, spec: { event: deployment, measure: lead-time-seconds } } } }
    - displayName: Success
      target: 0.95
      indicator:
        metadata: { name: success }
        spec:
          ratioMetric:
            good: { metricSource: { type: system-product, spec: { event: deployment, measure: deployment-success } } }
            total: { metricSource: { type: system-product, spec: { event: deployment, measure: count } } }
`);
    expect(slos).toHaveLength(1);
    expect(slos[0].indicator).toBeUndefined();
    expect(slos[0].objectives.map(o => o.compositeWeight)).toEqual([
      3,
      undefined,
    ]);
    expect(slos[0].alertPolicies).toEqual([
      {
        name: 'page-owners',
        alertWhenBreaching: true,
        alertWhenResolved: true,
        alertWhenNoData: false,
        conditions: [
          {
            name: 'fast-burn',
            severity: 'page',
            kind: 'burnrate',
            op: 'gte',
            threshold: 14.4,
            lookbackWindow: { amount: 1, unit: 'h' },
            alertAfter: { amount: 5, unit: 'm' },
          },
        ],
        notificationTargets: [
          { name: 'platform-team', target: 'group:default/platform-team' },
        ],
      },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        document: 4,
        name: 'unused',
        severity: 'warning',
        message: expect.stringContaining('not used by any SLO'),
      }),
    ]);
  });

  it('refuses a calendar window in a time zone that does not exist, or starting on a day that does not', () => {
    const calendarSlo = (startTime: string, timeZone: string) =>
      validSlo.replace(
        '[{ duration: 28d, isRolling: true }]',
        `[{ duration: 1M, calendar: { startTime: "${startTime}", timeZone: ${timeZone} } }]`,
      );
    expect(
      parseFile(
        calendarSlo('2026-01-01 00:00:00', 'Mars/Olympus'),
      ).problems.map(p => p.field),
    ).toEqual(['spec.timeWindow[0].calendar.timeZone']);
    expect(
      parseFile(
        calendarSlo('2026-02-30 00:00:00', 'Europe/Berlin'),
      ).problems.map(p => p.field),
    ).toEqual(['spec.timeWindow[0].calendar.startTime']);
  });
});
