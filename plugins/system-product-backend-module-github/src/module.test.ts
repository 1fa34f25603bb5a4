import {
  LoggerService,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  ServiceMock,
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
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
  webhookTestBackendFeatures,
} from '@internal/system-product-test-utils';
import {
  DeliveryEventRecorder,
  ExternalDeliveryEvent,
} from '@system-product/backstage-plugin-node';
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Server } from 'node:http';
import { dirname, resolve } from 'node:path';
import request from 'supertest';
import { githubExample } from './__testUtils__/githubExamples';
import githubModule from './index';

jest.setTimeout(60_000);

const SECRET = 'the-webhook-secret';
const REPO = 'Codertocat/Hello-World'; // the repository of the published examples
const DORA = '/api/system-product/entities/system/default/shop/dora';
const SLOS = '/api/system-product/entities/system/default/shop/slos';
const user = mockCredentials.user.header('user:default/ada');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A whole minute six hours ago: every event of the tests is after it and before now. */
const T0 = Math.floor(Date.now() / MINUTE) * MINUTE - 6 * HOUR;
const at = (ms: number) => new Date(T0 + ms).toISOString();

/** The copy of `@backstage/plugin-events-node` that the package in `dir` loads. */
function eventsNodeOf(dir: string): { path: string; version: string } {
  const path = require.resolve('@backstage/plugin-events-node/package.json', {
    paths: [dir],
  });
  return { path, version: JSON.parse(readFileSync(path, 'utf8')).version };
}
const eventsBackendCopy = eventsNodeOf(
  dirname(require.resolve('@backstage/plugin-events-backend/package.json')),
);
const thisModuleCopy = eventsNodeOf(resolve(__dirname, '..'));

/** The body's HMAC-SHA256 with the secret, as GitHub signs a webhook. */
const signature = (body: string, secret: string) =>
  `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

describe('the GitHub module behind the real events backend', () => {
  const dir = createMockDirectory();

  const entities: Entity[] = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        name: 'shop',
        namespace: 'default',
        annotations: {
          'backstage.io/managed-by-location': `file:${dir.resolve(
            'catalog-info.yaml',
          )}`,
          'system-product/slo-ref': './slos.yaml',
        },
      },
      spec: { owner: 'group:default/shop-team' },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'hello-world',
        namespace: 'default',
        annotations: { 'github.com/project-slug': REPO },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/shop-team',
        system: 'shop',
      },
    },
    // A system product that claims repositories, but not nobody/else.
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        name: 'platform',
        namespace: 'default',
        annotations: { 'system-product/event-sources': 'github:acme/*' },
      },
      spec: { owner: 'group:default/platform-team' },
    },
  ];

  /** The logger of every plugin and module of the backend a test starts. */
  let logger: ServiceMock<LoggerService>;

  const start = async (
    { webhookSecret }: { webhookSecret?: string } = {
      webhookSecret: SECRET,
    },
    catalog: CatalogServiceMock = catalogServiceMock({ entities }),
  ) => {
    const { server } = await startTestBackend({
      features: [
        ...webhookTestBackendFeatures({
          config: {
            systemProduct: { survey: { respondentKeySecret: 'test-secret' } },
            events: {
              ...(webhookSecret && { modules: { github: { webhookSecret } } }),
            },
          },
        }),
        // The webhook ingress that checks signatures, and the router to
        // `github.<x-github-event>`.
        ...eventsModulesFromDist(
          require.resolve(
            '@backstage/plugin-events-backend-module-github/package.json',
          ),
          ['eventsModuleGithubWebhook', 'eventsModuleGithubEventRouter'],
        ),
        systemProductPlugin,
        githubModule,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        mockServices.permissions.factory(),
        logger.factory,
      ],
    });
    return server;
  };

  /** POSTs a webhook as GitHub sends it, signed with `secret`. */
  const deliver = (
    server: Server,
    event: string,
    payload: object,
    options: { delivery?: string; secret?: string } = {},
  ) => {
    const body = JSON.stringify(payload);
    return request(server)
      .post('/api/events/http/github')
      .set('content-type', 'application/json')
      .set('user-agent', 'GitHub-Hookshot/2a5a8e5')
      .set('x-github-event', event)
      .set('x-github-delivery', options.delivery ?? randomUUID())
      .set('x-hub-signature-256', signature(body, options.secret ?? SECRET))
      .send(body);
  };

  const dora = async (server: Server, name = 'shop') => {
    const response = await request(server)
      .get(DORA.replace('/shop/', `/${name}/`))
      .set('Authorization', user);
    expect(response.status).toBe(200);
    return response.body;
  };

  /** The published push, of a commit at `time`. */
  const push = (sha: string, time: string) => {
    const payload = githubExample('push', p => p.ref === 'refs/heads/master');
    payload.commits = [{ ...payload.commits[0], id: sha, timestamp: time }];
    payload.head_commit = payload.commits[0];
    return payload;
  };

  /** The published deployment_status, of deployment `id` of `sha`, in `state` at `time`. */
  const deploymentStatus = (
    id: number,
    sha: string,
    state: 'success' | 'failure',
    time: string,
  ) => {
    const payload = githubExample(
      'deployment_status',
      p => !('workflow_run' in p),
    );
    payload.deployment.id = id;
    payload.deployment.sha = sha;
    payload.deployment_status.state = state;
    payload.deployment_status.created_at = time;
    return payload;
  };

  const SHA = '6113728f27ae82c7b1a177c8d03f9e96e0adf246'; // the examples' commit
  const OTHER_SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e'; // never pushed

  beforeEach(() => {
    logger = mockServices.logger.mock();
    dir.setContent({
      'catalog-info.yaml': '',
      'slos.yaml': `
apiVersion: openslo/v1
kind: SLO
metadata: { name: builds }
spec:
  service: shop
  budgetingMethod: Occurrences
  timeWindow: [{ duration: 1d, isRolling: true }]
  objectives: [{ target: 0.9 }]
  indicator:
    metadata: { name: build-success }
    spec:
      ratioMetric:
        good: { metricSource: { type: system-product, spec: { event: build, measure: build-success } } }
        total: { metricSource: { type: system-product, spec: { event: build, measure: count } } }
`,
    });
  });

  it(`computes DORA from signed webhooks, through the events backend's @backstage/plugin-events-node ${eventsBackendCopy.version} to this module's ${thisModuleCopy.version}`, async () => {
    // Two copies of the events node library meet: the service and the
    // extension point are matched by id, which is what lets the events
    // reach this module at all.
    expect(eventsBackendCopy.path).not.toBe(thisModuleCopy.path);
    const server = await start();

    // The deployment's status comes first, and its commit only then.
    const deployed = at(2 * HOUR + 30 * MINUTE);
    expect(
      await deliver(
        server,
        'deployment_status',
        deploymentStatus(1001, SHA, 'success', deployed),
      ),
    ).toMatchObject({ status: 202 });
    await eventually(async () => {
      const figures = await dora(server);
      expect(figures.deploymentFrequency.sampleSize).toBe(1);
      expect(figures.changeLeadTime).toMatchObject({
        value: null,
        sampleSize: 0,
      });
    }, WEBHOOK_TIMEOUT_MS);

    expect(await deliver(server, 'push', push(SHA, at(0)))).toMatchObject({
      status: 202,
    });
    // Lead time = deploy time − commit time = 2 h 30 min.
    await eventually(async () => {
      expect((await dora(server)).changeLeadTime).toMatchObject({
        value: 2.5 * 3600,
        sampleSize: 1,
      });
    }, WEBHOOK_TIMEOUT_MS);

    // A failed deployment of a commit never pushed: it counts for the
    // change failure rate, and without a commit time not for lead time.
    await deliver(
      server,
      'deployment_status',
      deploymentStatus(1002, OTHER_SHA, 'failure', at(3 * HOUR)),
    );
    await eventually(async () => {
      const figures = await dora(server);
      expect(figures.deploymentFrequency.sampleSize).toBe(2);
      // Change failure rate = failed / deployments = 1 / 2.
      expect(figures.changeFailureRate).toMatchObject({
        value: 0.5,
        count: 1,
        sampleSize: 2,
      });
      expect(figures.changeLeadTime).toMatchObject({
        value: 2.5 * 3600,
        sampleSize: 1,
      });
    }, WEBHOOK_TIMEOUT_MS);

    // An issue labelled incident, opened and then closed.
    const issue: any = githubExample('issues', p => p.action === 'opened');
    issue.issue.labels.push({ ...issue.issue.labels[0], name: 'incident' });
    issue.issue.created_at = at(3 * HOUR + 10 * MINUTE);
    await deliver(server, 'issues', issue);
    await eventually(async () => {
      expect((await dora(server)).incidents.timeToRestore).toMatchObject({
        value: null,
        sampleSize: 0,
      });
    }, WEBHOOK_TIMEOUT_MS);
    issue.action = 'closed';
    issue.issue.state = 'closed';
    issue.issue.closed_at = at(4 * HOUR);
    await deliver(server, 'issues', issue);
    // Time to restore = closed − opened = 50 min; when people knew, GitHub does not say.
    await eventually(async () => {
      const { incidents } = await dora(server);
      expect(incidents.timeToRestore).toMatchObject({
        value: 50 * 60,
        sampleSize: 1,
      });
      expect(incidents.timeToDetect).toMatchObject({ sampleSize: 0 });
    }, WEBHOOK_TIMEOUT_MS);
  });

  it('counts completed workflow runs in a build SLO', async () => {
    const server = await start();
    const run = githubExample(
      'workflow_run',
      p => p.action === 'completed' && p.workflow_run.conclusion === 'success',
    );
    run.repository.full_name = REPO;
    run.workflow_run.run_started_at = at(HOUR);
    run.workflow_run.conclusion = 'failure';
    run.workflow_run.updated_at = at(HOUR + 5 * MINUTE);
    await deliver(server, 'workflow_run', run);
    // The re-run: attempt 2 of the same run, which succeeds.
    run.workflow_run.run_attempt = 2;
    run.workflow_run.run_started_at = at(2 * HOUR);
    run.workflow_run.conclusion = 'success';
    run.workflow_run.updated_at = at(2 * HOUR + 4 * MINUTE);
    await deliver(server, 'workflow_run', run);

    await eventually(async () => {
      const response = await request(server)
        .get(SLOS)
        .set('Authorization', user);
      expect(response.status).toBe(200);
      const builds = response.body.items.find(
        (item: { name: string }) => item.name === 'builds',
      );
      // SLI = successful builds / builds = 1 / 2.
      expect(builds.evaluation).toMatchObject({
        sli: 0.5,
        counted: { unit: 'events', bad: 1, total: 2 },
      });
    }, WEBHOOK_TIMEOUT_MS);
  });

  it('refuses a webhook signed with another secret, and stores nothing', async () => {
    const server = await start();
    const status = deploymentStatus(1001, SHA, 'success', at(HOUR));
    const refused = await deliver(server, 'deployment_status', status, {
      secret: 'not-the-secret',
    });
    expect(refused.status).toBe(403);
    const unsigned = await request(server)
      .post('/api/events/http/github')
      .set('content-type', 'application/json')
      .set('x-github-event', 'deployment_status')
      .send(JSON.stringify(status));
    expect(unsigned.status).toBe(403);

    // A signed webhook after them is stored: only it counts.
    await deliver(server, 'deployment_status', status);
    await eventually(async () => {
      expect((await dora(server)).deploymentFrequency.sampleSize).toBe(1);
    }, WEBHOOK_TIMEOUT_MS);
  });

  it("refuses a webhook sent as a form, GitHub's default content type", async () => {
    const server = await start();
    const body = `payload=${encodeURIComponent(
      JSON.stringify(deploymentStatus(1001, SHA, 'success', at(HOUR))),
    )}`;
    const response = await request(server)
      .post('/api/events/http/github')
      .set('content-type', 'application/x-www-form-urlencoded')
      .set('x-github-event', 'deployment_status')
      .set('x-hub-signature-256', signature(body, SECRET))
      .send(body);
    expect(response.status).toBe(415);
  });

  it('stores a redelivered webhook once', async () => {
    const server = await start();
    const status = deploymentStatus(1001, SHA, 'success', at(HOUR));
    const delivery = randomUUID();
    await deliver(server, 'deployment_status', status, { delivery });
    await deliver(server, 'deployment_status', status, { delivery });
    // A later one that is counted shows that both were handled.
    await deliver(
      server,
      'deployment_status',
      deploymentStatus(1002, SHA, 'success', at(2 * HOUR)),
    );
    await eventually(async () => {
      expect((await dora(server)).deploymentFrequency.sampleSize).toBe(2);
    }, WEBHOOK_TIMEOUT_MS);
  });

  it('stores nothing of a repository that nobody claims', async () => {
    const server = await start();
    const unclaimed = deploymentStatus(1001, SHA, 'success', at(HOUR));
    unclaimed.repository.full_name = 'nobody/else';
    expect(await deliver(server, 'deployment_status', unclaimed)).toMatchObject(
      { status: 202 },
    );
    // The same deployment of the claimed repository, after it, is stored.
    await deliver(
      server,
      'deployment_status',
      deploymentStatus(1001, SHA, 'success', at(HOUR)),
    );
    await eventually(async () => {
      expect((await dora(server)).deploymentFrequency.sampleSize).toBe(1);
    }, WEBHOOK_TIMEOUT_MS);
    expect(
      (await dora(server, 'platform')).deploymentFrequency.sampleSize,
    ).toBe(0);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('No entity claims github:nobody/else'),
    );
  });

  it('answers 202 to a webhook it cannot store, and logs its delivery id', async () => {
    const server = await start();
    const status = deploymentStatus(1001, SHA, 'success', 'the day before');
    const delivery = randomUUID();
    expect(
      await deliver(server, 'deployment_status', status, { delivery }),
    ).toMatchObject({ status: 202 });
    await eventually(async () => {
      expect(logger.warn).toHaveBeenCalledWith(
        `Could not store github.deployment_status of ${REPO} (GitHub delivery ${delivery})`,
        expect.objectContaining({
          message: expect.stringContaining('deployTime must be a date-time'),
        }),
      );
    }, WEBHOOK_TIMEOUT_MS);
    expect((await dora(server)).deploymentFrequency.sampleSize).toBe(0);
  });

  it('ignores a ping', async () => {
    const server = await start();
    const ping = githubExample('ping', p => 'repository' in p);
    expect(await deliver(server, 'ping', ping)).toMatchObject({ status: 202 });
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('receives no GitHub webhook without a webhook secret', async () => {
    const server = await start({});
    const response = await deliver(
      server,
      'deployment_status',
      deploymentStatus(1001, SHA, 'success', at(HOUR)),
    );
    expect(response.status).toBe(404);
  });

  describe('the person behind an event', () => {
    /** A User entity that the GitHub org provider would write for `login`. */
    const githubUser = (name: string, login: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: {
        name,
        namespace: 'default',
        annotations: { 'github.com/user-login': login },
      },
      spec: { memberOf: [] },
    });
    const users = [
      githubUser('grace', 'Codertocat'),
      // Two people claim one login: which of them it was cannot be known.
      githubUser('mona', 'monalisa'),
      githubUser('lisa', 'monalisa'),
      // An app's login, which even a User entity does not make a person.
      githubUser('deploy-bot', 'argocd[bot]'),
    ];

    let catalog: CatalogServiceMock;
    let record: jest.SpyInstance;
    beforeEach(() => {
      catalog = catalogServiceMock({ entities: [...entities, ...users] });
      jest.spyOn(catalog, 'getEntities');
      record = jest.spyOn(DeliveryEventRecorder.prototype, 'record');
    });
    afterEach(() => record.mockRestore());

    /** The catalog's lookups of User entities, not those of the backend. */
    const userLookups = () =>
      (catalog.getEntities as jest.Mock).mock.calls.filter(
        ([req]) => (req?.filter as Record<string, unknown>)?.kind === 'user',
      );
    /** The events of the webhooks that reached the recorder so far. */
    const recorded = (): ExternalDeliveryEvent[] =>
      record.mock.calls.flatMap(([, events]) => events);
    const recordedEvent = (id: string) =>
      recorded().find(e => e.type !== 'commit' && e.id === id);

    /** The published deployment_status, of deployment `id`, created by `login`. */
    const deployedBy = (id: number, login: string, type = 'User') => {
      const payload: any = deploymentStatus(id, SHA, 'success', at(HOUR));
      payload.deployment.creator = {
        ...payload.deployment.creator,
        login,
        type,
      };
      payload.sender = payload.deployment.creator;
      return payload;
    };

    it('names the User entity of the login as the actor', async () => {
      const server = await start(undefined, catalog);
      await deliver(
        server,
        'deployment_status',
        deployedBy(1001, 'Codertocat'),
      );
      await eventually(async () => {
        expect(
          recordedEvent('github:codertocat/hello-world:deployment:1001'),
        ).toMatchObject({ type: 'deployment', actor: 'user:default/grace' });
      }, WEBHOOK_TIMEOUT_MS);
      // The backend took the event with its actor.
      await eventually(async () => {
        expect((await dora(server)).deploymentFrequency.sampleSize).toBe(1);
      }, WEBHOOK_TIMEOUT_MS);
    });

    it('names who triggered a workflow run on its build, not on its commit', async () => {
      const server = await start(undefined, catalog);
      const run = githubExample(
        'workflow_run',
        p =>
          p.action === 'completed' && p.workflow_run.conclusion === 'success',
      );
      run.repository.full_name = REPO;
      expect(run.workflow_run.triggering_actor.login).toBe('Codertocat');
      await deliver(server, 'workflow_run', run);
      await eventually(async () => {
        expect(
          recordedEvent(
            'github:codertocat/hello-world:workflow_run:289782451:1',
          ),
        ).toMatchObject({ type: 'build', actor: 'user:default/grace' });
      }, WEBHOOK_TIMEOUT_MS);
      expect(recorded().find(e => e.type === 'commit')).toEqual({
        type: 'commit',
        sha: '3484a3fb816e0859fd6e1cea078d76385ff50625',
        time: '2020-10-05T16:32:07Z',
      });
    });

    it.each([
      {
        what: 'a login no User entity has',
        login: 'hubot',
        type: 'User',
        logged: [
          expect.stringContaining(
            'No User entity has github.com/user-login: hubot, so its events have no actor',
          ),
        ],
        lookups: 1,
      },
      {
        what: 'a login that two User entities have',
        login: 'monalisa',
        type: 'User',
        logged: [
          expect.stringContaining(
            'More than one User entity has github.com/user-login: monalisa',
          ),
        ],
        lookups: 1,
      },
      {
        what: 'a bot, even one a User entity claims',
        login: 'argocd[bot]',
        type: 'Bot',
        logged: [],
        lookups: 0,
      },
    ])('names no actor for $what', async ({ login, type, logged, lookups }) => {
      const server = await start(undefined, catalog);
      await deliver(server, 'deployment_status', deployedBy(1001, login, type));
      const id = 'github:codertocat/hello-world:deployment:1001';
      await eventually(async () => {
        expect(recordedEvent(id)).toBeDefined();
      }, WEBHOOK_TIMEOUT_MS);
      expect(recordedEvent(id)).not.toHaveProperty('actor');
      expect(userLookups()).toHaveLength(lookups);
      // What it logged of its lookups of User entities.
      const lookupLogs = (logger.debug as jest.Mock).mock.calls
        .map(([message]) => message)
        .filter(message => String(message).includes('github.com/user-login'));
      expect(lookupLogs).toEqual(logged);
    });

    it('asks the catalog once per login for a burst of webhooks, a login it does not know too', async () => {
      const server = await start(undefined, catalog);
      await deliver(
        server,
        'deployment_status',
        deployedBy(1001, 'Codertocat'),
      );
      await deliver(
        server,
        'deployment_status',
        deployedBy(1002, 'Codertocat'),
      );
      await deliver(server, 'deployment_status', deployedBy(1003, 'hubot'));
      await deliver(server, 'deployment_status', deployedBy(1004, 'hubot'));
      await eventually(async () => {
        expect(recorded()).toHaveLength(4);
      }, WEBHOOK_TIMEOUT_MS);
      expect(
        recorded().map(e =>
          e.type === 'commit' ? [e.sha, null] : [e.id, e.actor ?? null],
        ),
      ).toEqual([
        ['github:codertocat/hello-world:deployment:1001', 'user:default/grace'],
        ['github:codertocat/hello-world:deployment:1002', 'user:default/grace'],
        ['github:codertocat/hello-world:deployment:1003', null],
        ['github:codertocat/hello-world:deployment:1004', null],
      ]);
      expect(userLookups()).toHaveLength(2);
    });
  });
});
