import { testDatabaseIds } from './testDatabaseIds';

describe('testDatabaseIds', () => {
  const env = process.env;
  afterEach(() => {
    process.env = env;
  });
  const withEnv = (vars: Record<string, string>) => {
    process.env = { ...vars };
  };

  it('gives each PostgreSQL whose connection string is set, and SQLite', () => {
    withEnv({
      BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING: 'postgresql://a',
      BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING: 'postgresql://b',
    });
    expect(testDatabaseIds()).toEqual([
      'POSTGRES_17',
      'POSTGRES_15',
      'SQLITE_3',
    ]);
  });

  it('gives SQLite alone outside CI without a connection string', () => {
    withEnv({});
    expect(testDatabaseIds()).toEqual(['SQLITE_3']);
  });

  it('throws under CI without a connection string', () => {
    withEnv({ CI: 'true' });
    expect(() => testDatabaseIds()).toThrow(
      /storage tests must run on PostgreSQL too/,
    );
  });
});
