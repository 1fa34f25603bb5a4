import knexFactory, { Knex } from 'knex';

/**
 * The PostgreSQL server the bench and the load test use: `BENCH_PG_URL`, else
 * the local server on 127.0.0.1:5432 that scripts/ensure-postgres.sh starts.
 */
export function serverUrl(): string {
  return process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432';
}

/** A knex client on one database of a server, pool as Backstage's default. */
export function connect(
  url: string,
  database: string,
  pool: Knex.PoolConfig = { min: 0, max: 10 },
): Knex {
  const connection = new URL(url);
  connection.pathname = `/${database}`;
  return knexFactory({
    client: 'pg',
    connection: connection.toString(),
    pool,
    // A dropped server should fail a request quickly, not hang it for a minute.
    acquireConnectionTimeout: 10_000,
  });
}

/** Creates `database` afresh (dropping what a previous run left). */
export async function recreateDatabase(
  url: string,
  database: string,
): Promise<void> {
  const admin = connect(url, 'postgres', { min: 0, max: 1 });
  try {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database]);
    await admin.raw('CREATE DATABASE ??', [database]);
  } finally {
    await admin.destroy();
  }
}

/** Drops `database`, closing whatever is still connected to it. */
export async function dropDatabase(
  url: string,
  database: string,
): Promise<void> {
  const admin = connect(url, 'postgres', { min: 0, max: 1 });
  try {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database]);
  } finally {
    await admin.destroy();
  }
}

/** `SELECT version()` of the server, for the report. */
export async function serverVersion(url: string): Promise<string> {
  const admin = connect(url, 'postgres', { min: 0, max: 1 });
  try {
    const { rows } = await admin.raw('SHOW server_version');
    return String(rows[0].server_version);
  } finally {
    await admin.destroy();
  }
}
