import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseOpenSlo } from './openslo';
import { toOpenSloDocument } from './exportOpenSlo';

const examples = join(__dirname, '../../../../examples/systems');
const fixtures = join(__dirname, '__fixtures__/openslo');

describe('toOpenSloDocument', () => {
  it('exports every example SLO so that the parser reads back the same definition', () => {
    let count = 0;
    for (const system of readdirSync(examples)) {
      const text = readFileSync(join(examples, system, 'slos.yaml'), 'utf8');
      const { slos } = parseOpenSlo(
        parseAllDocuments(text).map(d => d.toJS()),
        'slos.yaml',
      );
      const again = parseOpenSlo(slos.map(toOpenSloDocument), 'export.yaml');
      expect(again.problems).toEqual([]);
      expect(again.slos).toEqual(slos);
      count += slos.length;
    }
    expect(count).toBeGreaterThanOrEqual(6);
  });

  it('writes a calendar window with its start time and time zone', () => {
    const doc = toOpenSloDocument({
      name: 'monthly',
      displayName: 'Monthly',
      description: '',
      service: '',
      budgetingMethod: 'Timeslices',
      window: {
        duration: { amount: 1, unit: 'M' },
        isRolling: false,
        calendar: {
          startTime: '2026-01-01 00:00:00',
          timeZone: 'Europe/Berlin',
        },
      },
      objectives: [
        {
          target: 0.99,
          op: 'lte',
          value: 600,
          timeSliceTarget: 0.95,
          timeSliceWindow: { amount: 1, unit: 'h' },
        },
      ],
      indicator: {
        name: 'build-duration',
        threshold: {
          type: 'system-product',
          spec: { event: 'build', measure: 'build-duration-seconds' },
        },
      },
    });
    expect(doc.spec.timeWindow).toEqual([
      {
        duration: '1M',
        isRolling: false,
        calendar: {
          startTime: '2026-01-01 00:00:00',
          timeZone: 'Europe/Berlin',
        },
      },
    ]);
    expect(doc.spec.objectives).toEqual([
      {
        target: 0.99,
        op: 'lte',
        value: 600,
        timeSliceTarget: 0.95,
        timeSliceWindow: '1h',
      },
    ]);
    expect(parseOpenSlo([doc], 'x').problems).toEqual([]);
  });

  it("round-trips every SLO of OpenSLO's own published examples: objectives, time zones, data sources, alert policies", () => {
    // All documents of the published examples in one file, so that the
    // AlertPolicy, AlertCondition and DataSource examples resolve.
    const documents = readdirSync(fixtures)
      .filter(file => file.endsWith('.yaml'))
      .flatMap(file =>
        parseAllDocuments(readFileSync(join(fixtures, file), 'utf8')).map(d =>
          d.toJS(),
        ),
      );
    const { slos } = parseOpenSlo(documents, 'openslo-examples.yaml');
    expect(slos.length).toBe(5);
    const again = parseOpenSlo(slos.map(toOpenSloDocument), 'export.yaml');
    expect(again.problems.filter(p => p.severity !== 'warning')).toEqual([]);
    expect(again.slos).toEqual(slos);
  });

  it("writes a composite SLO back with each objective's indicator and weight, and an alert policy inline", () => {
    const source = (measure: string) => ({
      type: 'system-product',
      spec: { event: 'deployment', measure },
    });
    const composite = {
      name: 'delivery',
      displayName: 'Delivery',
      description: '',
      service: '',
      budgetingMethod: 'Occurrences' as const,
      window: { duration: { amount: 28, unit: 'd' as const }, isRolling: true },
      objectives: [
        {
          displayName: 'Lead time',
          target: 0.9,
          op: 'lte' as const,
          value: 86400,
          compositeWeight: 2,
          indicator: { name: 'lead', threshold: source('lead-time-seconds') },
        },
        {
          displayName: 'Success',
          target: 0.95,
          compositeWeight: 1,
          indicator: {
            name: 'success',
            ratio: {
              good: source('deployment-success'),
              total: source('count'),
            },
          },
        },
      ],
      alertPolicies: [
        {
          name: 'fast-burn',
          alertWhenBreaching: true,
          alertWhenResolved: true,
          alertWhenNoData: false,
          conditions: [
            {
              name: 'burn-2x',
              severity: 'page',
              kind: 'burnrate' as const,
              op: 'gte' as const,
              threshold: 2,
              lookbackWindow: { amount: 1, unit: 'h' as const },
              alertAfter: { amount: 5, unit: 'm' as const },
            },
          ],
          notificationTargets: [
            { name: 'owners', target: 'group:default/platform-team' },
          ],
        },
      ],
    };
    const { slos, problems } = parseOpenSlo(
      [toOpenSloDocument(composite)],
      'x',
    );
    expect(problems).toEqual([]);
    expect(slos).toEqual([composite]);
  });
});
