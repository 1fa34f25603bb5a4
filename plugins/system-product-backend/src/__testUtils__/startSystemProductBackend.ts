import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { Server } from 'node:http';
import { systemProductPlugin } from '../plugin';
import { ownerOnlyPermissions } from './ownerOnlyPermissions';

/** The owner of {@link testSystem}: the only user the test policy lets change it. */
export const OWNER = 'user:default/ada';

/** A visible system product; any other entity ref is invisible (404). */
export const testSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'ci-cd-pipeline',
    namespace: 'default',
    annotations: { 'system-product/users': 'group:default/mobile' },
  },
  spec: { owner: 'group:default/platform-team' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/platform-team' }],
};

/**
 * Starts the plugin in a test backend with an in-memory catalog holding
 * {@link testSystem}, a policy that lets only {@link OWNER} (and services) change things,
 * and k = 3 for survey results. `survey` adds to `systemProduct.survey`
 * (e.g. `templates`).
 */
export async function startSystemProductBackend(
  extraFeatures: Parameters<typeof startTestBackend>[0]['features'] = [],
  entities: Entity[] = [testSystem],
  survey: object = {},
): Promise<Server> {
  const permissions = ownerOnlyPermissions(OWNER);
  const { server } = await startTestBackend({
    features: [
      systemProductPlugin,
      catalogServiceMock.factory({ entities }),
      permissions.factory,
      mockServices.rootConfig.factory({
        data: {
          systemProduct: {
            survey: {
              minResponses: 3,
              respondentKeySecret: 'test-secret',
              ...survey,
            },
            // Every response of every test is checked against the document.
            validateResponses: true,
          },
        },
      }),
      ...(extraFeatures ?? []),
    ],
  });
  return server;
}

/**
 * {@link startSystemProductBackend} on a fresh database of one of the storage
 * tests' engines; the knex client comes back too, to look into the tables.
 */
export async function startOnTestDatabase(
  databases: TestDatabases,
  id: TestDatabaseId,
  entities?: Entity[],
): Promise<{ db: Knex; server: Server }> {
  const db = await databases.init(id);
  const server = await startSystemProductBackend(
    [mockServices.database.factory({ knex: db })],
    entities,
  );
  return { db, server };
}

/**
 * {@link testSystem} registered from `catalog.yaml` in `dir`, naming
 * `slos.yaml` beside it as its OpenSLO file (`system-product/slo-ref`).
 */
export function testSystemWithSloFile(dir: {
  resolve(path: string): string;
}): Entity {
  return {
    ...testSystem,
    metadata: {
      ...testSystem.metadata,
      annotations: {
        ...testSystem.metadata.annotations,
        'backstage.io/managed-by-location': `file:${dir.resolve(
          'catalog.yaml',
        )}`,
        'system-product/slo-ref': './slos.yaml',
      },
    },
  };
}
