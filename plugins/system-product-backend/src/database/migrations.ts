import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@system-product/backstage-plugin-backend',
  'migrations',
);

/**
 * Brings the plugin's database to the newest schema, unless the adopter has
 * turned migrations off for it (`backend.database.plugin.system-product`).
 */
export async function applyDatabaseMigrations(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}

/** Runs every migration's `down`, newest first. For tests. */
export async function rollbackDatabaseMigrations(client: Knex): Promise<void> {
  await client.migrate.rollback({ directory: migrationsDir }, true);
}

/** Applies the migrations to a bare knex client. For tests. */
export async function migrateClient(client: Knex): Promise<void> {
  await client.migrate.latest({ directory: migrationsDir });
}
