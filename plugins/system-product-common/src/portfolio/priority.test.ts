import { investmentPriority } from './priority';

describe('investmentPriority', () => {
  const base = {
    userGroups: 2,
    maxUserGroups: 4,
    averageSeverity: null,
    nps: null,
    activeRoadmapItems: 0,
  };

  it('multiplies impact, friction and support', () => {
    // impact 0.5, friction (5-1)/4 = 1, support 0.5 + 0.5 * 1/2 = 0.75
    expect(
      investmentPriority({
        ...base,
        averageSeverity: 5,
        activeRoadmapItems: 1,
      }),
    ).toEqual({ impact: 0.5, friction: 1, support: 0.75, score: 0.375 });
  });

  it('falls back to dissatisfaction when nobody reported friction', () => {
    expect(investmentPriority({ ...base, nps: -20 }).friction).toBeCloseTo(0.6);
  });

  it('ranks a system nothing says hurts at zero, never NaN', () => {
    const result = investmentPriority({
      ...base,
      userGroups: 0,
      maxUserGroups: 0,
    });
    expect(result.score).toBe(0);
    expect(Number.isNaN(result.impact)).toBe(false);
  });

  it('ranks the painful, widely used system with engaged owners first', () => {
    const painful = investmentPriority({
      ...base,
      userGroups: 4,
      averageSeverity: 4.2,
      activeRoadmapItems: 2,
    });
    const mild = investmentPriority({
      ...base,
      userGroups: 4,
      averageSeverity: 2,
      activeRoadmapItems: 2,
    });
    const narrow = investmentPriority({
      ...base,
      userGroups: 1,
      averageSeverity: 4.2,
      activeRoadmapItems: 2,
    });
    expect(painful.score).toBeGreaterThan(mild.score);
    expect(painful.score).toBeGreaterThan(narrow.score);
  });
});
