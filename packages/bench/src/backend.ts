import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { DefaultHttpAuthService } from '@backstage/backend-defaults/httpAuth';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
// The in-memory catalog that stands in for a real one, so the bench needs no
// catalog backend.
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The bench runs the plugin itself, as a backend package would.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import systemProductPlugin from '@system-product/backstage-plugin-backend';
import githubModule from '@system-product/backstage-plugin-backend-module-github';
import eventsPlugin from '@backstage/plugin-events-backend';
import githubEventsModule from '@backstage/plugin-events-backend-module-github';
import { Knex } from 'knex';
import { AddressInfo, createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { benchEntities } from './entities';
import { timedCatalog, timedHttpAuth } from './stages';

/** A running backend with the System Product plugin, and how to call it. */
export interface BenchBackend {
  /** `http://127.0.0.1:<port>/api/system-product` */
  baseUrl: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** An `Authorization` header value for the static service token. */
  authorization: string;
  /** The secret GitHub webhooks are signed with (`events.modules.github.webhookSecret`). */
  githubWebhookSecret: string;
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
  /**
   * With GitHub webhooks: the events backend, its GitHub receiver and the
   * System Product GitHub module, the events backend on a database of its own.
   */
  webhooks?: { knex: Knex };
}): Promise<BenchBackend> {
  const port = options.port ?? (await freePort());
  const token = options.token ?? randomBytes(24).toString('hex');
  const githubWebhookSecret = randomBytes(24).toString('hex');
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
        events: {
          modules: { github: { webhookSecret: githubWebhookSecret } },
          // One backend: no events bus, so nothing long-polls the database.
          useEventBus: 'never',
        },
        systemProduct: {
          survey: { minResponses: 5, respondentKeySecret: 'bench-secret' },
          slo: { evaluationMinutes: options.evaluationMinutes ?? 5 },
        },
      },
    }),
  );
  backend.add(
    createServiceFactory({
      service: coreServices.database,
      deps: { plugin: coreServices.pluginMetadata },
      factory: ({ plugin }) => {
        const knex =
          plugin.getId() === 'system-product' || !options.webhooks
            ? options.knex
            : options.webhooks.knex;
        return { getClient: async () => knex };
      },
    }),
  );
  // The in-memory catalog and Backstage's own httpAuth, each call timed
  // while the bench traces a request's stages (see stages.ts).
  backend.add(
    createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () =>
        timedCatalog(
          catalogServiceMock({ entities: benchEntities(options.entityCount) }),
        ),
    }),
  );
  backend.add(
    createServiceFactory({
      service: coreServices.httpAuth,
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        plugin: coreServices.pluginMetadata,
      },
      factory: ({ auth, discovery, plugin }) =>
        timedHttpAuth(
          DefaultHttpAuthService.create({
            auth,
            discovery,
            pluginId: plugin.getId(),
          }),
        ),
    }),
  );
  if (options.scheduler === 'idle') backend.add(idleScheduler);
  backend.add(systemProductPlugin);
  if (options.webhooks) {
    // GitHub webhooks as an installation receives them: the events backend,
    // its GitHub receiver (signature check, routing by event) and our module.
    backend.add(eventsPlugin);
    backend.add(githubEventsModule);
    backend.add(githubModule);
  }
  await backend.start();
  return {
    baseUrl: `http://127.0.0.1:${port}/api/system-product`,
    origin: `http://127.0.0.1:${port}`,
    authorization: `Bearer ${token}`,
    githubWebhookSecret,
    stop: () => backend.stop(),
  };
}
