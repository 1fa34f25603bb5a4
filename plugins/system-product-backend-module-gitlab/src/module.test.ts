import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  ServiceFactory,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  CatalogServiceMock,
  catalogServiceMock,
} from '@backstage/plugin-catalog-node/testUtils';
// The test runs the module in the real plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import systemProductPlugin from '@system-product/backstage-plugin-backend';
import {
  WEBHOOK_TIMEOUT_MS,
  eventsModulesFromDist,
  eventually,
  testDatabaseIds,
  webhookTestBackendFeatures,
} from '@internal/system-product-test-utils';
import {
  DeliveryEventRecorder,
  ExternalDeliveryEvent,
} from '@system-product/backstage-plugin-node';
import { Server } from 'node:http';
import request from 'supertest';
import gitlabModule from './index';
import deploymentHook from './__fixtures__/deployment-hook.json';
import pipelineHook from './__fixtures__/pipeline-hook.json';

jest.setTimeout(60_000);

const SECRET = 'gitlab-webhook-test-secret';
const DORA = '/api/system-product/entities/system/default/shop/dora';
const INGRESS = '/api/events/http/gitlab';
const user = mockCredentials.user.header('user:default/ada');

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The commit of the documented pipeline, three days ago (in whole seconds,
 * as GitLab writes times), so that everything falls in DORA's 30 days.
 */
const COMMIT_AT = Math.floor((Date.now() - 3 * DAY) / SECOND) * SECOND;
const SHA = pipelineHook.commit.id;
const PROJECT = pipelineHook.project; // gitlab-org/gitlab-test

const pad = (n: number) => String(n).padStart(2, '0');
/** `2016-08-12 15:23:28` of an instant shifted by `offsetHours`. */
const wallClock = (ms: number, offsetHours: number) => {
  const d = new Date(ms + offsetHours * HOUR);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(
    d.getUTCDate(),
  )} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(
    d.getUTCSeconds(),
  )}`;
};
/** GitLab's pipeline times: `2016-08-12 15:23:28 UTC`. */
const pipelineTime = (ms: number) => `${wallClock(ms, 0)} UTC`;
/** GitLab's `status_changed_at`: `2021-04-28 21:50:00 +0200`. */
const deploymentTime = (ms: number) => `${wallClock(ms, 2)} +0200`;
/** GitLab's commit `timestamp`: `2016-08-12T17:23:21+02:00`. */
const commitTime = (ms: number) =>
  `${wallClock(ms, 2).replace(' ', 'T')}+02:00`;

/**
 * The documented pipeline hook moved in time: its commit at COMMIT_AT, the
 * pipeline created 7 s and finished 3 min 8 s later (as in the example,
 * 15:23:21, 15:23:28 and 15:26:29). Everything else is as published.
 */
const pipeline = () => ({
  ...pipelineHook,
  object_attributes: {
    ...pipelineHook.object_attributes,
    created_at: pipelineTime(COMMIT_AT + 7 * SECOND),
    finished_at: pipelineTime(COMMIT_AT + 3 * MINUTE + 8 * SECOND),
  },
  commit: { ...pipelineHook.commit, timestamp: commitTime(COMMIT_AT) },
});

/**
 * The documented deployment hook, moved to the pipeline's project and to
 * production (the example deploys another project to staging), finishing
 * at `at` with the given status, of the commit `sha`.
 */
const deployment = (options: {
  id: number;
  status: string;
  at: number;
  sha: string;
  project?: typeof PROJECT;
}) => {
  const project = options.project ?? PROJECT;
  return {
    ...deploymentHook,
    status: options.status,
    status_changed_at: deploymentTime(options.at),
    deployment_id: options.id,
    environment: 'production',
    environment_tier: 'production',
    environment_slug: 'production',
    project,
    short_sha: options.sha.slice(0, 8),
    commit_url: `${project.web_url}/-/commit/${options.sha}`,
  };
};

/** 2 hours after the commit, the deployment of the pipeline's commit succeeds. */
const DEPLOYED = deployment({
  id: 15,
  status: 'success',
  at: COMMIT_AT + 2 * HOUR,
  sha: SHA,
});
/** 3 hours after, one of a commit no pipeline hook named fails. */
const FAILED = deployment({
  id: 16,
  status: 'failed',
  at: COMMIT_AT + 3 * HOUR,
  sha: '279484c09fbe69ededfced8c1bb6e6d24616b468',
});

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'gitlab-test',
      namespace: 'default',
      annotations: { 'gitlab.com/project-slug': PROJECT.path_with_namespace },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/shop-team',
      system: 'shop',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { owner: 'group:default/shop-team' },
  },
];

// Backstage's event bus and the event store behave differently on
// PostgreSQL: the cases run on each engine.
const databases = TestDatabases.create({ ids: testDatabaseIds() });

/**
 * A backend with Backstage's events backend, its GitLab receiver, System
 * Product and this module, a catalog of the shop, every request allowed
 * (this test is about events, not access).
 */
async function startBackend(options: {
  webhookSecret?: string;
  database?: ServiceFactory;
  logger?: ServiceFactory;
  catalog?: CatalogServiceMock;
}): Promise<Server> {
  const catalog = options.catalog ?? catalogServiceMock({ entities });
  const { server } = await startTestBackend({
    features: [
      ...webhookTestBackendFeatures({
        config: {
          events: {
            ...(options.webhookSecret && {
              modules: { gitlab: { webhookSecret: options.webhookSecret } },
            }),
          },
          systemProduct: { survey: { respondentKeySecret: 'test-secret' } },
        },
      }),
      // The `gitlab` ingress with its token check, and the router to
      // `gitlab.<object_kind>`.
      ...eventsModulesFromDist(
        require.resolve(
          '@backstage/plugin-events-backend-module-gitlab/package.json',
        ),
        ['eventsModuleGitlabWebhook', 'eventsModuleGitlabEventRouter'],
      ),
      systemProductPlugin,
      gitlabModule,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => mockServices.permissions(),
      }),
      ...(options.database ? [options.database] : []),
      ...(options.logger ? [options.logger] : []),
    ],
  });
  return server;
}

// One backend per engine; the cases run in order, each on what the ones
// before it stored.
describe.each(databases.eachSupportedId())(
  'the GitLab module behind the real events backend on %s',
  databaseId => {
    let server: Server;
    let knex: Awaited<ReturnType<typeof databases.init>>;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      server = await startBackend({
        webhookSecret: SECRET,
        // A database of its own for each plugin, as in a real backend;
        // System Product's is the one the test looks into.
        database: createServiceFactory({
          service: coreServices.database,
          deps: { plugin: coreServices.pluginMetadata },
          async factory({ plugin }) {
            const client =
              plugin.getId() === 'system-product'
                ? knex
                : await databases.init(databaseId);
            return { getClient: async () => client };
          },
        }),
      });
    });

    /** POSTs a hook as GitLab sends it. */
    const post = (event: string, payload: object, token = SECRET) =>
      request(server)
        .post(INGRESS)
        .set('User-Agent', 'GitLab/17.6.0')
        .set('X-Gitlab-Event', event)
        .set('X-Gitlab-Instance', 'https://gitlab.example.com')
        .set('X-Gitlab-Token', token)
        .send(payload);

    const dora = async () => {
      const response = await request(server)
        .get(DORA)
        .set('Authorization', user);
      expect(response.status).toBe(200);
      return response.body;
    };

    /** The delivery events stored, of every entity (SQLite stores booleans as 0 and 1). */
    const storedEvents = async () =>
      (
        await knex('delivery_events')
          .select('event_id', 'entity_ref', 'type', 'succeeded')
          .orderBy('event_id')
      ).map(row => ({ ...row, succeeded: Boolean(row.succeeded) }));

    it("computes the shop's DORA figures from GitLab's deployment and pipeline hooks", async () => {
      // The deployment first: it waits for its commit's time.
      expect((await post('Deployment Hook', DEPLOYED)).status).toBe(202);
      expect((await post('Pipeline Hook', pipeline())).status).toBe(202);
      expect((await post('Deployment Hook', FAILED)).status).toBe(202);

      await eventually(async () => {
        const figures = await dora();
        // Lead time: status_changed_at of deployment 15 minus the pipeline's
        // commit.timestamp, COMMIT_AT + 2 h - COMMIT_AT = 7200 s; deployment
        // 16's commit is unknown, so it has none.
        expect(figures.changeLeadTime).toMatchObject({
          value: 2 * 60 * 60,
          sampleSize: 1,
        });
        // Change failure rate: 1 failed of 2 production deployments = 0.5.
        expect(figures.changeFailureRate).toMatchObject({
          value: 1 / 2,
          count: 1,
          sampleSize: 2,
        });
        expect(figures.deploymentFrequency).toMatchObject({ sampleSize: 2 });
      }, WEBHOOK_TIMEOUT_MS);

      // The component is not a system product itself: each event counts for
      // its System only. The pipeline is a build of GitLab's 63 s duration.
      expect(await storedEvents()).toEqual([
        {
          event_id: 'gitlab:gitlab-org/gitlab-test:deployment:15',
          entity_ref: 'system:default/shop',
          type: 'deployment',
          succeeded: true,
        },
        {
          event_id: 'gitlab:gitlab-org/gitlab-test:deployment:16',
          entity_ref: 'system:default/shop',
          type: 'deployment',
          succeeded: false,
        },
        {
          event_id: 'gitlab:gitlab-org/gitlab-test:pipeline:31',
          entity_ref: 'system:default/shop',
          type: 'build',
          succeeded: true,
        },
      ]);
      const build = await knex('delivery_events')
        .where('event_id', 'gitlab:gitlab-org/gitlab-test:pipeline:31')
        .first();
      expect(Number(build.duration_seconds)).toBe(63);
      expect(build.pipeline).toBe('Pipeline for branch: master');
    });

    it('refuses a hook with a wrong token and stores nothing of it', async () => {
      const before = await storedEvents();
      const forged = deployment({
        id: 17,
        status: 'failed',
        at: COMMIT_AT + 4 * HOUR,
        sha: SHA,
      });
      const response = await post('Deployment Hook', forged, 'not-the-secret');
      expect(response.status).toBe(403);
      const missing = await request(server)
        .post(INGRESS)
        .set('X-Gitlab-Event', 'Deployment Hook')
        .send(forged);
      expect(missing.status).toBe(403);

      expect(await storedEvents()).toEqual(before);
      expect((await dora()).changeFailureRate).toMatchObject({
        count: 1,
        sampleSize: 2,
      });
    });

    it('stores a redelivered hook once', async () => {
      const before = await storedEvents();
      expect((await post('Deployment Hook', FAILED)).status).toBe(202);
      expect((await post('Pipeline Hook', pipeline())).status).toBe(202);
      // A later hook that does count, so that waiting for it shows the
      // redeliveries before it were handled too.
      const PROBE = 'gitlab:gitlab-org/gitlab-test:deployment:18';
      const probe = deployment({
        id: 18,
        status: 'success',
        at: COMMIT_AT + 5 * HOUR,
        sha: SHA,
      });
      expect((await post('Deployment Hook', probe)).status).toBe(202);
      await eventually(async () => {
        expect((await storedEvents()).map(e => e.event_id)).toContain(PROBE);
      }, WEBHOOK_TIMEOUT_MS);

      expect((await storedEvents()).filter(e => e.event_id !== PROBE)).toEqual(
        before,
      );
      // 1 failed of now 3 deployments: the redelivered failure counted once.
      expect((await dora()).changeFailureRate).toMatchObject({
        count: 1,
        sampleSize: 3,
      });
    });

    it('stores nothing of a project no entity claims', async () => {
      const before = await storedEvents();
      const elsewhere = {
        ...PROJECT,
        name: 'elsewhere',
        path_with_namespace: 'someone/elsewhere',
        web_url: 'http://192.168.64.1:3005/someone/elsewhere',
      };
      const unclaimed = deployment({
        id: 19,
        status: 'success',
        at: COMMIT_AT + 6 * HOUR,
        sha: SHA,
        project: elsewhere,
      });
      expect((await post('Deployment Hook', unclaimed)).status).toBe(202);
      const pipelineElsewhere = { ...pipeline(), project: elsewhere };
      expect((await post('Pipeline Hook', pipelineElsewhere)).status).toBe(202);
      // A claimed hook after them: once it is stored, they were handled.
      const PROBE = 'gitlab:gitlab-org/gitlab-test:deployment:20';
      const probe = deployment({
        id: 20,
        status: 'success',
        at: COMMIT_AT + 7 * HOUR,
        sha: SHA,
      });
      expect((await post('Deployment Hook', probe)).status).toBe(202);
      await eventually(async () => {
        expect((await storedEvents()).map(e => e.event_id)).toContain(PROBE);
      }, WEBHOOK_TIMEOUT_MS);

      expect((await storedEvents()).filter(e => e.event_id !== PROBE)).toEqual(
        before,
      );
      expect(
        await knex('delivery_commits').where(
          'scope',
          'gitlab:someone/elsewhere',
        ),
      ).toEqual([]);
    });
  },
);

describe('the GitLab module without events.modules.gitlab.webhookSecret', () => {
  it('has no endpoint to receive GitLab webhooks, and says so at start-up', async () => {
    const logger = mockServices.logger.mock();
    const server = await startBackend({ logger: logger.factory });
    const response = await request(server)
      .post(INGRESS)
      .set('X-Gitlab-Event', 'Deployment Hook')
      .set('X-Gitlab-Token', SECRET)
      .send(DEPLOYED);
    expect(response.status).toBe(404);
    expect(logger.warn).toHaveBeenCalledWith(
      'GitLab webhooks: events.modules.gitlab.webhookSecret is not set, so the events backend accepts no GitLab webhook at /api/events/http/gitlab',
    );
  });
});

describe('the person behind a GitLab hook', () => {
  /** Where the documented pipeline's GitLab serves its pages. */
  const GITLAB_URL = 'http://192.168.64.1:3005';
  /** A User entity that the GitLab org provider would write for `username`. */
  const gitlabUser = (name: string, username: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        '192.168.64.1:3005/user-login': `${GITLAB_URL}/${username}`,
      },
    },
    spec: { memberOf: [] },
  });
  const users = [
    gitlabUser('grace', 'root'),
    gitlabUser('jane', 'jdoe'),
    // Two people claim one GitLab user: which of them it was cannot be known.
    gitlabUser('mona', 'monalisa'),
    gitlabUser('lisa', 'monalisa'),
    // A project access token's bot, which even a User entity does not make a person.
    gitlabUser('deploy-bot', 'project_1_bot_3f9a2c1d8e'),
  ];

  let catalog: CatalogServiceMock;
  let record: jest.SpyInstance;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  beforeEach(() => {
    catalog = catalogServiceMock({ entities: [...entities, ...users] });
    jest.spyOn(catalog, 'getEntities');
    record = jest.spyOn(DeliveryEventRecorder.prototype, 'record');
    logger = mockServices.logger.mock();
  });
  afterEach(() => record.mockRestore());

  const start = () =>
    startBackend({ webhookSecret: SECRET, catalog, logger: logger.factory });
  const post = (server: Server, event: string, payload: object) =>
    request(server)
      .post(INGRESS)
      .set('X-Gitlab-Event', event)
      .set('X-Gitlab-Token', SECRET)
      .send(payload);

  /** The catalog's lookups of User entities, not those of the backend. */
  const userLookups = () =>
    (catalog.getEntities as jest.Mock).mock.calls.filter(
      ([req]) => (req?.filter as Record<string, unknown>)?.kind === 'user',
    );
  /** The events of the hooks that reached the recorder so far. */
  const recorded = (): ExternalDeliveryEvent[] =>
    record.mock.calls.flatMap(([, events]) => events);
  const recordedEvent = (id: string) =>
    recorded().find(e => e.type !== 'commit' && e.id === id);

  /** The documented deployment `id`, of the pipeline's project, by `username`. */
  const deployedBy = (id: number, username: string) => ({
    ...deployment({
      id,
      status: 'success',
      at: COMMIT_AT + 2 * HOUR,
      sha: SHA,
    }),
    user: { ...deploymentHook.user, username },
    user_url: `${GITLAB_URL}/${username}`,
  });

  it('names the User entity of who triggered a pipeline on its build, not on its commit', async () => {
    const server = await start();
    expect(pipelineHook.user.username).toBe('root');
    expect((await post(server, 'Pipeline Hook', pipeline())).status).toBe(202);
    await eventually(async () => {
      expect(
        recordedEvent('gitlab:gitlab-org/gitlab-test:pipeline:31'),
      ).toMatchObject({ type: 'build', actor: 'user:default/grace' });
    }, WEBHOOK_TIMEOUT_MS);
    expect(recorded().find(e => e.type === 'commit')).not.toHaveProperty(
      'actor',
    );
  });

  it('names the User entity of who deployed', async () => {
    const server = await start();
    await post(server, 'Deployment Hook', deployedBy(15, 'jdoe'));
    await eventually(async () => {
      expect(
        recordedEvent('gitlab:gitlab-org/gitlab-test:deployment:15'),
      ).toMatchObject({ type: 'deployment', actor: 'user:default/jane' });
    }, WEBHOOK_TIMEOUT_MS);
    // The backend took the event with its actor.
    await eventually(async () => {
      const response = await request(server)
        .get(DORA)
        .set('Authorization', user);
      expect(response.body.deploymentFrequency.sampleSize).toBe(1);
    }, WEBHOOK_TIMEOUT_MS);
  });

  it.each([
    {
      what: 'a user no User entity has',
      username: 'hubot',
      logged: [
        expect.stringContaining(
          `No User entity has 192.168.64.1:3005/user-login: ${GITLAB_URL}/hubot, so its events have no actor`,
        ),
      ],
      lookups: 1,
    },
    {
      what: 'a user that two User entities have',
      username: 'monalisa',
      logged: [
        expect.stringContaining(
          `More than one User entity has 192.168.64.1:3005/user-login: ${GITLAB_URL}/monalisa`,
        ),
      ],
      lookups: 1,
    },
    {
      what: 'an access token bot, even one a User entity claims',
      username: 'project_1_bot_3f9a2c1d8e',
      logged: [],
      lookups: 0,
    },
  ])('names no actor for $what', async ({ username, logged, lookups }) => {
    const server = await start();
    await post(server, 'Deployment Hook', deployedBy(15, username));
    const id = 'gitlab:gitlab-org/gitlab-test:deployment:15';
    await eventually(async () => {
      expect(recordedEvent(id)).toBeDefined();
    }, WEBHOOK_TIMEOUT_MS);
    expect(recordedEvent(id)).not.toHaveProperty('actor');
    expect(userLookups()).toHaveLength(lookups);
    // What it logged of its lookups of User entities.
    const lookupLogs = (logger.debug as jest.Mock).mock.calls
      .map(([message]) => message)
      .filter(message => String(message).includes('/user-login'));
    expect(lookupLogs).toEqual(logged);
  });

  it('asks the catalog once per user for a burst of hooks, a user it does not know too', async () => {
    const server = await start();
    await post(server, 'Deployment Hook', deployedBy(15, 'jdoe'));
    await post(server, 'Deployment Hook', deployedBy(16, 'jdoe'));
    await post(server, 'Deployment Hook', deployedBy(17, 'hubot'));
    await post(server, 'Deployment Hook', deployedBy(18, 'hubot'));
    await eventually(async () => {
      expect(recorded()).toHaveLength(4);
    }, WEBHOOK_TIMEOUT_MS);
    expect(
      recorded().map(e =>
        e.type === 'commit' ? [e.sha, null] : [e.id, e.actor ?? null],
      ),
    ).toEqual([
      ['gitlab:gitlab-org/gitlab-test:deployment:15', 'user:default/jane'],
      ['gitlab:gitlab-org/gitlab-test:deployment:16', 'user:default/jane'],
      ['gitlab:gitlab-org/gitlab-test:deployment:17', null],
      ['gitlab:gitlab-org/gitlab-test:deployment:18', null],
    ]);
    expect(userLookups()).toHaveLength(2);
  });
});
