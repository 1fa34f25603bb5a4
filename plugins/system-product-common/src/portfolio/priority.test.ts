import { investmentPriority } from './priority';

describe('investmentPriority', () => {
  const base = {
    userGroups: 2,
    averageSeverity: null,
    frictionReports: 0,
    nps: null,
    csat: null,
    slos: { breached: 0, atRisk: 0, met: 0 },
    activeRoadmapItems: 0,
  };

  it('combines impact, the known signs of need and support on fixed scales', () => {
    const result = investmentPriority({
      userGroups: 4,
      averageSeverity: 3.4,
      frictionReports: 10,
      nps: -20,
      csat: 60,
      slos: { breached: 1, atRisk: 1, met: 2 },
      activeRoadmapItems: 1,
    });
    // impact 4/5; friction (3.4 - 1)/4 = 0.6; dissatisfaction the mean of
    // (100 + 20)/200 = 0.6 and (100 - 60)/100 = 0.4, 0.5; slo (1 + 1/2)/4 =
    // 0.375; need (0.6 + 0.5 + 0.375)/3 = 0.491667; support 0.5 + 0.25 =
    // 0.75; score 0.8 x 0.491667 x 0.75 = 0.295.
    expect(result.impact).toBeCloseTo(0.8, 10);
    expect(result.friction).toBeCloseTo(0.6, 10);
    expect(result.dissatisfaction).toBeCloseTo(0.5, 10);
    expect(result.slo).toBeCloseTo(0.375, 10);
    expect(result.need).toBeCloseTo(1.475 / 3, 10);
    expect(result.support).toBe(0.75);
    expect(result.score).toBeCloseTo(0.295, 10);
    expect(result.reasons).toEqual([
      '4 user groups depend on it',
      'Friction 3.4 of 5 from 10 reports',
      'Survey: NPS -20, 60% satisfied',
      'SLOs: 1 breached, 1 at risk, 2 met',
      '1 roadmap item planned or in progress',
    ]);
  });

  it('keeps dissatisfaction in the score once friction is reported, so the happiest system does not rank first', () => {
    const happy = investmentPriority({
      ...base,
      averageSeverity: 2,
      frictionReports: 6,
      nps: 80,
    });
    const unhappy = investmentPriority({
      ...base,
      averageSeverity: 2,
      frictionReports: 6,
      nps: -60,
    });
    // need: happy (0.25 + 0.1)/2 = 0.175, unhappy (0.25 + 0.8)/2 = 0.525;
    // impact 2/5, support 0.5.
    expect(happy.score).toBeCloseTo(0.4 * 0.175 * 0.5, 10);
    expect(unhappy.score).toBeCloseTo(0.4 * 0.525 * 0.5, 10);
    expect(unhappy.score).toBeGreaterThan(happy.score);
  });

  it('counts breached SLOs as need on their own', () => {
    const result = investmentPriority({
      ...base,
      slos: { breached: 2, atRisk: 0, met: 0 },
    });
    expect(result.slo).toBe(1);
    expect(result.need).toBe(1);
    expect(result.score).toBeCloseTo(0.4 * 1 * 0.5, 10);
  });

  it('caps impact at five user groups and support at two active items', () => {
    const result = investmentPriority({
      ...base,
      userGroups: 12,
      averageSeverity: 5,
      frictionReports: 3,
      activeRoadmapItems: 7,
    });
    expect(result).toMatchObject({ impact: 1, support: 1, need: 1, score: 1 });
  });

  it('scores a system nothing says hurts at zero, never NaN, and says why', () => {
    const result = investmentPriority({ ...base, userGroups: 0 });
    expect(result).toMatchObject({
      impact: 0,
      friction: null,
      dissatisfaction: null,
      slo: null,
      need: 0,
      score: 0,
    });
    expect(result.reasons).toEqual([
      'No user groups named (system-product/users), so no impact',
      'No friction, survey or SLO figures yet: nothing says it hurts',
      'No roadmap item planned or in progress',
    ]);
  });
});
