import { parseGitlabTime } from './parseGitlabTime';

describe('parseGitlabTime', () => {
  it('reads the pipeline form, "UTC" spelled out', () => {
    expect(parseGitlabTime('2016-08-12 15:26:29 UTC')).toBe(
      '2016-08-12T15:26:29.000Z',
    );
  });

  it('reads the deployment form with a +0200 offset, two hours ahead of UTC', () => {
    expect(parseGitlabTime('2021-04-28 21:50:00 +0200')).toBe(
      '2021-04-28T19:50:00.000Z',
    );
  });

  it('reads ISO 8601 with a colon offset, a negative one, Z and fractions', () => {
    expect(parseGitlabTime('2016-08-12T17:23:21+02:00')).toBe(
      '2016-08-12T15:23:21.000Z',
    );
    // 23:30 at -05:30 is 05:00 the next day in UTC.
    expect(parseGitlabTime('2021-12-31T23:30:00-05:30')).toBe(
      '2022-01-01T05:00:00.000Z',
    );
    expect(parseGitlabTime('2021-02-23T02:41:37.886Z')).toBe(
      '2021-02-23T02:41:37.886Z',
    );
  });

  it('reads no time where there is none or it is not a real one', () => {
    expect(parseGitlabTime(null)).toBeUndefined();
    expect(parseGitlabTime(undefined)).toBeUndefined();
    expect(parseGitlabTime(1629000000)).toBeUndefined();
    expect(parseGitlabTime('')).toBeUndefined();
    expect(parseGitlabTime('yesterday')).toBeUndefined();
    expect(parseGitlabTime('2021-02-30 10:00:00 UTC')).toBeUndefined();
    expect(parseGitlabTime('2021-04-28 24:00:00 UTC')).toBeUndefined();
    expect(parseGitlabTime('2021-04-28 21:50:00')).toBeUndefined();
    expect(parseGitlabTime('2021-04-28 21:50:00 +2500')).toBeUndefined();
  });
});
