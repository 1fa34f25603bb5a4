/** Whether a database error is a unique or primary-key violation (PostgreSQL or SQLite). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? '';
  return code === '23505' || code.startsWith('SQLITE_CONSTRAINT');
}

/** SQLite hands timestamps back as epoch milliseconds or strings, PostgreSQL as Dates. */
export function toIso(value: string | number | Date): string {
  return new Date(value).toISOString();
}
