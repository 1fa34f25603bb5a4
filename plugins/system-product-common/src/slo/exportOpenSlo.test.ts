import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseOpenSlo } from './openslo';
import { toOpenSloDocument } from './exportOpenSlo';

const examples = join(__dirname, '../../../../examples/systems');

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

  it('writes a calendar window with its UTC start time', () => {
    const doc = toOpenSloDocument({
      name: 'monthly',
      displayName: 'Monthly',
      description: '',
      service: '',
      budgetingMethod: 'Timeslices',
      window: {
        duration: { amount: 1, unit: 'M' },
        isRolling: false,
        calendarStart: '2026-01-01T00:00:00.000Z',
      },
      objective: {
        target: 0.99,
        op: 'lte',
        value: 600,
        timeSliceTarget: 0.95,
        timeSliceWindow: { amount: 1, unit: 'h' },
      },
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
        calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'UTC' },
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
});
