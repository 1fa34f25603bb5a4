import { mockServices } from '@backstage/backend-test-utils';
import { readHistoryDays } from './plugin';

const config = (slo: object) =>
  mockServices.rootConfig({ data: { systemProduct: { slo } } });

describe('systemProduct.slo.historyDays', () => {
  it('keeps 400 days unless configured', () => {
    expect(readHistoryDays(config({}))).toBe(400);
    expect(readHistoryDays(config({ historyDays: 30 }))).toBe(30);
  });

  it.each([0, -5, 1.5])('refuses %s at start-up', days => {
    expect(() => readHistoryDays(config({ historyDays: days }))).toThrow(
      `systemProduct.slo.historyDays must be a whole number of days, at least 1, got ${days}`,
    );
  });
});
