import { formatScore } from './formatScore';

describe('formatScore', () => {
  it('gives NPS in points, CSAT as satisfied and Likert as agree', () => {
    expect(formatScore('nps', 33.3)).toBe('NPS +33');
    expect(formatScore('csat', 66.7)).toBe('67% satisfied');
    expect(formatScore('likert', 50)).toBe('50% agree');
    expect(formatScore('likert', null)).toBe('no answers');
  });
});
