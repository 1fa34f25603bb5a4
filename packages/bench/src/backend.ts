import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
// The in-memory catalog that stands in for a real one, so the bench needs no
// catalog backend.
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The bench runs the plugin itself, as a backend package would.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import systemProductPlugin from '@system-product/backstage-plugin-backend';
import { Knex } from 'knex';
import { AddressInfo, createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { benchEntities } from './entities';

/** A running backend with the System Product plugin, and how to call it. */
export interface BenchBackend {
  /** `http://127.0.0.1:<port>/api/system-product` */
  baseUrl: string;
  /** An `Authorization` header value for the static service token. */
  authorization: string;
  stop(): Promise<void>;
}

/** A scheduler that never runs anything: the bench measures routes alone. */
const idleScheduler = createServiceFactory({
  service: coreServices.scheduler,
  deps: {},
  factory: () => ({
    triggerTask: async () => {},
    cancelTask: async () => {},
    scheduleTask: async () => {},
    createScheduledTaskRunner: () => ({ run: async () => {} }),
    getScheduledTasks: async () => [],
  }),
});

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise(done => server.close(done));
  return port;
}

/**
 * Starts a production-style backend (Backstage's default services) on
 * loopback with the System Product plugin on `knex`, an in-memory catalog of
 * `entityCount` bench systems, and a static service token for callers.
 * `scheduler: 'real'` keeps Backstage's database-coordinated scheduler (the
 * SLO evaluation runs every `evaluationMinutes`); `'idle'` runs no task.
 */
export async function startBenchBackend(options: {
  knex: Knex;
  entityCount: number;
  scheduler: 'real' | 'idle';
  evaluationMinutes?: number;
  port?: number;
  token?: string;
}): Promise<BenchBackend> {
  const port = options.port ?? (await freePort());
  const token = options.token ?? randomBytes(24).toString('hex');
  process.env.LOG_LEVEL ??= 'warn';
  const backend = createBackend();
  backend.add(
    mockServices.rootConfig.factory({
      data: {
        backend: {
          baseUrl: `http://127.0.0.1:${port}`,
          listen: { host: '127.0.0.1', port },
          auth: {
            externalAccess: [
              { type: 'static', options: { token, subject: 'bench' } },
            ],
          },
        },
        systemProduct: {
          survey: { minResponses: 5, respondentKeySecret: 'bench-secret' },
          slo: { evaluationMinutes: options.evaluationMinutes ?? 5 },
        },
      },
    }),
  );
  backend.add(mockServices.database.factory({ knex: options.knex }));
  backend.add(
    catalogServiceMock.factory({
      entities: benchEntities(options.entityCount),
    }),
  );
  if (options.scheduler === 'idle') backend.add(idleScheduler);
  backend.add(systemProductPlugin);
  await backend.start();
  return {
    baseUrl: `http://127.0.0.1:${port}/api/system-product`,
    authorization: `Bearer ${token}`,
    stop: () => backend.stop(),
  };
}
