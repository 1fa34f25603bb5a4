import {
  CapturedQuery,
  replayDependencies,
  toKnexPlaceholders,
} from './queryReplay';

const q = (start: number, end: number): CapturedQuery => ({
  sql: 'select 1',
  bindings: [],
  start,
  end,
});

describe('query replay', () => {
  it('chains statements a route ran one after another', () => {
    expect(replayDependencies([q(0, 1), q(2, 3), q(4, 5)])).toEqual([-1, 0, 1]);
  });

  it('keeps statements a route ran side by side side by side', () => {
    // Two counts sent together, then one statement after each answer.
    const queries = [q(0, 4), q(0.1, 2), q(2.1, 3), q(4.1, 5)];
    expect(replayDependencies(queries)).toEqual([-1, -1, 1, 0]);
  });

  it('turns numbered placeholders into knex bindings and escapes question marks', () => {
    expect(toKnexPlaceholders('select $1 where a ? b and c = $2', 2)).toBe(
      'select ? where a \\? b and c = ?',
    );
  });

  it('refuses SQL whose placeholders do not match its bindings', () => {
    expect(() => toKnexPlaceholders('select $2, $1', 2)).toThrow(
      'out of order',
    );
    expect(() => toKnexPlaceholders('select $1', 2)).toThrow(
      '1 placeholders but 2 bindings',
    );
  });
});
