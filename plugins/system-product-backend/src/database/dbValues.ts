import { Knex } from 'knex';

/** Whether a database error is a unique or primary-key violation (PostgreSQL or SQLite). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? '';
  return code === '23505' || code.startsWith('SQLITE_CONSTRAINT');
}

/**
 * Whether PostgreSQL rolled a transaction back because of another one it
 * waited for (deadlock 40P01, serialization failure 40001): running it again
 * is safe and expected to succeed.
 */
export function isTransientConflict(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? '';
  return code === '40P01' || code === '40001';
}

/**
 * Runs a transaction, and once more if PostgreSQL rolled it back as a
 * transient conflict. A second conflict is thrown (the router answers 503).
 */
export async function retryTransientConflict<T>(
  transaction: () => Promise<T>,
): Promise<T> {
  try {
    return await transaction();
  } catch (error) {
    if (isTransientConflict(error)) return transaction();
    throw error;
  }
}

/**
 * The number of the `ms`-long span since `origin` (epoch milliseconds,
 * default the epoch) that a timestamp column falls in, on both engines
 * (SQLite stores timestamps as epoch milliseconds). Callers keep the column
 * at or after `origin`, where both engines' divisions round down alike.
 */
export function epochSpan(
  db: Knex,
  column: string,
  ms: number,
  origin = 0,
): Knex.Raw {
  return db.client.config.client === 'pg'
    ? db.raw('floor((extract(epoch from ??) * 1000 - ?) / ?)', [
        column,
        origin,
        ms,
      ])
    : db.raw('cast((?? - ?) / ? as integer)', [column, origin, ms]);
}

/** SQLite hands timestamps back as epoch milliseconds or strings, PostgreSQL as Dates. */
export function toIso(value: string | number | Date): string {
  return new Date(value).toISOString();
}
