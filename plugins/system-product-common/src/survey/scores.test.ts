import { meanValue, netPromoterScore, topTwoBoxScore } from './scores';

describe('survey scores', () => {
  it('computes NPS as promoters minus detractors in percent', () => {
    // 5 promoters, 3 passives, 2 detractors of 10: 50% - 20% = 30
    expect(netPromoterScore({ 10: 2, 9: 3, 8: 2, 7: 1, 6: 1, 0: 1 })).toBe(30);
  });

  it('ranges NPS from -100 to 100', () => {
    expect(netPromoterScore({ 0: 4 })).toBe(-100);
    expect(netPromoterScore({ 10: 4 })).toBe(100);
  });

  it('computes CSAT as the share of 4 and 5', () => {
    expect(topTwoBoxScore({ 5: 1, 4: 2, 3: 1 })).toBe(75);
  });

  it('answers null, never NaN, when nobody answered', () => {
    expect(netPromoterScore({})).toBeNull();
    expect(topTwoBoxScore({ 4: 0 })).toBeNull();
    expect(meanValue({})).toBeNull();
  });

  it('averages the values', () => {
    expect(meanValue({ 1: 1, 5: 3 })).toBe(4);
  });
});
