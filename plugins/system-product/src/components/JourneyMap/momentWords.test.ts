import {
  cooldownText,
  momentEvents,
  roundMonth,
  samplePercent,
} from './momentWords';

describe('momentWords', () => {
  it.each([
    [
      'deployment',
      'succeeded',
      'production',
      'production deployments that succeeded',
    ],
    ['deployment', 'any', 'production', 'production deployments'],
    ['deployment', 'failed', null, 'deployments that failed'],
    ['deployment', 'any', null, 'all deployments'],
    ['build', 'failed', null, 'builds that failed'],
    ['incident', 'any', null, 'all incidents'],
    ['ticket', 'any', null, 'all tickets'],
    ['custom', 'any', null, 'all custom events'],
  ] as const)(
    'names %s events of outcome %s in %s as "%s"',
    (eventType, outcome, environment, words) => {
      expect(
        momentEvents({ eventType, outcome, environment, page: null }),
      ).toBe(words);
    },
  );

  it('names a page trigger by its path', () => {
    expect(
      momentEvents({
        eventType: 'page',
        outcome: 'any',
        environment: null,
        page: '/create',
      }),
    ).toBe('visits to /create and the pages below it');
  });

  it('gives the sample rate as a percentage without float noise', () => {
    expect([1, 0.1, 0.125, 0.005, 0.07].map(samplePercent)).toEqual([
      '100%',
      '10%',
      '12.5%',
      '0.5%',
      '7%',
    ]);
  });

  it('says how often one person is asked at most, and the month of a round', () => {
    expect(cooldownText(1)).toBe('at most once a day per person');
    expect(cooldownText(14)).toBe('at most once in 14 days per person');
    expect(roundMonth('2026-12-01T00:00:00.000Z')).toBe('December 2026');
  });
});
