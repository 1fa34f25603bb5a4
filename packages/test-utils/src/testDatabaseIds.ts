import { TestDatabaseId } from '@backstage/backend-test-utils';

/**
 * The engines storage tests run on, for `TestDatabases.create({ ids })`:
 * SQLite always, and each PostgreSQL whose
 * `BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING` is set (the
 * repo's test script sets it). Under CI a missing PostgreSQL fails the run
 * instead of silently testing SQLite alone.
 */
export function testDatabaseIds(): TestDatabaseId[] {
  const postgres = (
    [
      'POSTGRES_18',
      'POSTGRES_17',
      'POSTGRES_16',
      'POSTGRES_15',
      'POSTGRES_14',
    ] as const
  ).filter(
    id =>
      process.env[
        `BACKSTAGE_TEST_DATABASE_${id.replace('_', '')}_CONNECTION_STRING`
      ],
  );
  if (process.env.CI && postgres.length === 0) {
    throw new Error(
      'CI is set but no BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING is: storage tests must run on PostgreSQL too',
    );
  }
  return [...postgres, 'SQLITE_3'];
}
