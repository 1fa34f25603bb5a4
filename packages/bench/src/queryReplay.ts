import { Knex } from 'knex';

/** One SQL statement a route ran, with when it was sent and answered. */
export interface CapturedQuery {
  sql: string;
  bindings: readonly unknown[];
  start: number;
  end: number;
}

/**
 * Records every statement `knex` runs while `fn` runs. The plugin's own knex
 * is passed in, so what is recorded is exactly the SQL a route sent.
 */
export async function captureQueries(
  knex: Knex,
  fn: () => Promise<unknown>,
): Promise<CapturedQuery[]> {
  const pending = new Map<string, Omit<CapturedQuery, 'end'>>();
  const done: CapturedQuery[] = [];
  const onQuery = (data: any) => {
    // Transaction control statements carry no id; reads run none.
    if (!data.__knexQueryUid) return;
    pending.set(data.__knexQueryUid, {
      sql: data.sql,
      bindings: data.bindings ?? [],
      start: performance.now(),
    });
  };
  const onResponse = (_response: unknown, data: any) => {
    const query = pending.get(data.__knexQueryUid);
    if (!query) return;
    pending.delete(data.__knexQueryUid);
    done.push({ ...query, end: performance.now() });
  };
  knex.on('query', onQuery);
  knex.on('query-response', onResponse);
  try {
    await fn();
  } finally {
    knex.off('query', onQuery);
    knex.off('query-response', onResponse);
  }
  if (pending.size > 0) {
    throw new Error(`${pending.size} statements did not complete`);
  }
  return done.sort((a, b) => a.start - b.start);
}

/**
 * For each statement, the one it waited for: the statement answered last
 * before it was sent (-1 for none). Replaying along these edges keeps the
 * route's shape: statements it ran side by side run side by side, and those
 * it ran one after another run one after another.
 */
export function replayDependencies(queries: CapturedQuery[]): number[] {
  return queries.map(query => {
    let dependency = -1;
    queries.forEach((other, i) => {
      if (
        other.end <= query.start &&
        (dependency === -1 || other.end > queries[dependency].end)
      ) {
        dependency = i;
      }
    });
    return dependency;
  });
}

/** knex.raw takes `?` placeholders; the captured PostgreSQL SQL has `$n`. */
export function toKnexPlaceholders(sql: string, bindingCount: number): string {
  let expected = 1;
  const converted = sql
    .replace(/\?/g, '\\?')
    .replace(/\$(\d+)/g, (_match, n: string) => {
      if (Number(n) !== expected) {
        throw new Error(`placeholder $${n} out of order in: ${sql}`);
      }
      expected++;
      return '?';
    });
  if (expected - 1 !== bindingCount) {
    throw new Error(
      `${expected - 1} placeholders but ${bindingCount} bindings in: ${sql}`,
    );
  }
  return converted;
}

/** Runs the captured statements through `knex`, in the route's shape. */
export async function replayQueries(
  knex: Knex,
  queries: CapturedQuery[],
): Promise<void> {
  const dependencies = replayDependencies(queries);
  const statements = queries.map(q =>
    toKnexPlaceholders(q.sql, q.bindings.length),
  );
  const runs: Promise<unknown>[] = [];
  queries.forEach((query, i) => {
    const after = dependencies[i] === -1 ? undefined : runs[dependencies[i]];
    const run = () => knex.raw(statements[i], query.bindings as any[]);
    runs[i] = after ? after.then(run) : run();
  });
  await Promise.all(runs);
}
