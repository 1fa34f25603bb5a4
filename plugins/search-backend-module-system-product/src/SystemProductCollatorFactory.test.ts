import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { RegisterCollatorParameters } from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import {
  Canvas,
  CanvasContent,
  RoadmapItem,
  emptyCanvasContent,
} from '@system-product/backstage-plugin-common';
import searchModule from '.';

function entity(
  kind: string,
  name: string,
  extra: { title?: string; annotations?: Record<string, string> } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      ...(extra.title ? { title: extra.title } : {}),
      ...(extra.annotations ? { annotations: extra.annotations } : {}),
    },
    spec: { owner: 'group:default/platform-team' },
  };
}

const emptyContent: CanvasContent = emptyCanvasContent();

const pipelineCanvas: Canvas = {
  entityRef: 'system:default/ci-cd-pipeline',
  version: 3,
  content: {
    ...emptyContent,
    users: {
      personas: [
        {
          name: 'Mobile developer',
          description: 'Ships the iOS and Android apps',
          needs: ['Green builds within ten minutes'],
          frustrations: ['Flaky simulator tests'],
          successMeasures: [],
        },
      ],
    },
    valueProposition: {
      ...emptyContent.valueProposition,
      value: 'Every merged commit reaches production safely the same day',
    },
    roadmap: { ...emptyContent.roadmap, painPoints: ['Slow artifact upload'] },
  },
};

function roadmapItem(id: string, title: string): RoadmapItem {
  return {
    id,
    entityRef: 'system:default/ci-cd-pipeline',
    version: 1,
    title,
    description: 'Cache dependencies between pipeline runs',
    kind: 'quick-win',
    status: 'planned',
    owner: null,
    targetDate: null,
    milestones: [{ title: 'Cache keys per lockfile', done: false }],
    painPoints: ['Slow builds'],
    touchpointIds: [],
    metric: 'build-duration',
    metricBefore: null,
    metricAfter: null,
    shippedAt: null,
    updatedBy: 'user:default/ada',
    updatedAt: '2026-11-01T00:00:00.000Z',
  };
}

/** Answers of the fake System Product backend, by request path. */
type Answers = Record<string, { status: number; body?: unknown }>;

const pipelineAnswers: Answers = {
  '/entities/system/default/ci-cd-pipeline/canvas': {
    status: 200,
    body: pipelineCanvas,
  },
  '/entities/system/default/ci-cd-pipeline/roadmap': {
    status: 200,
    body: {
      items: [
        roadmapItem('r1', 'Dependency cache'),
        roadmapItem('r2', 'Parallel test shards'),
      ],
    },
  },
};

/**
 * Collates once through the module in a test backend, against a fake System
 * Product backend plugin that answers from `answers` (404 for anything else)
 * and records who asked for what.
 */
async function collate(options: {
  entities: Entity[];
  answers: Answers;
  config?: object;
}) {
  const calls: Array<{ path: string; subject?: string }> = [];
  const fakeSystemProductBackend = createBackendPlugin({
    pluginId: 'system-product',
    register(reg) {
      reg.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          httpRouter.use(async (req, res) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            calls.push({
              path: req.path,
              subject: credentials.principal.subject,
            });
            const answer = options.answers[req.path] ?? { status: 404 };
            res.status(answer.status).json(
              answer.body ?? {
                error: { name: 'Error', message: `status ${answer.status}` },
              },
            );
          });
        },
      });
    },
  });
  const registered: RegisterCollatorParameters[] = [];
  const scheduler = mockServices.scheduler.mock();
  const logger = mockServices.logger.mock();
  await startTestBackend({
    extensionPoints: [
      [
        searchIndexRegistryExtensionPoint,
        { addCollator: (p: RegisterCollatorParameters) => registered.push(p) },
      ],
    ],
    features: [
      searchModule,
      fakeSystemProductBackend,
      catalogServiceMock.factory({ entities: options.entities }),
      scheduler.factory,
      logger.factory,
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
    ],
  });
  expect(registered).toHaveLength(1);
  const documents: any[] = [];
  for await (const document of await registered[0].factory.getCollator()) {
    documents.push(document);
  }
  return { documents, calls, registered, scheduler, logger };
}

describe('SystemProductCollatorFactory', () => {
  it('indexes each saved canvas and each roadmap item, visible as the entity is', async () => {
    const { documents, registered } = await collate({
      entities: [
        entity('System', 'ci-cd-pipeline', { title: 'CI/CD Pipeline' }),
      ],
      answers: pipelineAnswers,
    });

    expect(registered[0].factory.type).toBe('system-product');
    expect(registered[0].factory.visibilityPermission).toMatchObject({
      type: 'resource',
      name: 'catalog.entity.read',
      resourceType: 'catalog-entity',
    });
    expect(documents).toEqual([
      {
        documentKind: 'canvas',
        title: 'CI/CD Pipeline',
        text: [
          'Every merged commit reaches production safely the same day',
          'Mobile developer: Ships the iOS and Android apps',
          'Green builds within ten minutes',
          'Flaky simulator tests',
          'Slow artifact upload',
        ].join('\n'),
        location:
          '/catalog/default/system/ci-cd-pipeline/system-product/canvas',
        entityRef: 'system:default/ci-cd-pipeline',
        entityTitle: 'CI/CD Pipeline',
        owner: 'group:default/platform-team',
        authorization: { resourceRef: 'system:default/ci-cd-pipeline' },
      },
      {
        documentKind: 'roadmap-item',
        title: 'Dependency cache',
        text: [
          'Cache dependencies between pipeline runs',
          'Slow builds',
          'Expected to move: build-duration',
          'Cache keys per lockfile',
        ].join('\n'),
        location:
          '/catalog/default/system/ci-cd-pipeline/system-product/roadmap#roadmap-item-r1',
        entityRef: 'system:default/ci-cd-pipeline',
        entityTitle: 'CI/CD Pipeline',
        owner: 'group:default/platform-team',
        itemKind: 'quick-win',
        status: 'planned',
        authorization: { resourceRef: 'system:default/ci-cd-pipeline' },
      },
      expect.objectContaining({
        title: 'Parallel test shards',
        location:
          '/catalog/default/system/ci-cd-pipeline/system-product/roadmap#roadmap-item-r2',
      }),
    ]);
  });

  it('asks the System Product backend with the search plugin token, only for system products', async () => {
    const { calls } = await collate({
      entities: [
        entity('System', 'ci-cd-pipeline'),
        entity('Component', 'build-runner'),
        entity('Component', 'docs-site', {
          annotations: { 'system-product/enabled': 'true' },
        }),
        entity('System', 'legacy-ftp', {
          annotations: { 'system-product/enabled': 'false' },
        }),
      ],
      answers: pipelineAnswers,
    });

    expect(calls.map(c => c.path).sort()).toEqual([
      '/entities/component/default/docs-site/canvas',
      '/entities/component/default/docs-site/roadmap',
      '/entities/system/default/ci-cd-pipeline/canvas',
      '/entities/system/default/ci-cd-pipeline/roadmap',
    ]);
    expect(new Set(calls.map(c => c.subject))).toEqual(
      new Set(['plugin:search']),
    );
  });

  it('indexes nothing for a canvas never saved or not found, and keeps the roadmap', async () => {
    const { documents } = await collate({
      entities: [entity('System', 'support-desk'), entity('System', 'gone')],
      answers: {
        '/entities/system/default/support-desk/canvas': {
          status: 200,
          body: {
            entityRef: 'system:default/support-desk',
            version: 0,
            content: emptyContent,
          },
        },
        '/entities/system/default/support-desk/roadmap': {
          status: 200,
          body: { items: [roadmapItem('r9', 'Self-service ticket triage')] },
        },
      },
    });

    expect(documents.map(d => [d.entityRef, d.documentKind])).toEqual([
      ['system:default/support-desk', 'roadmap-item'],
    ]);
  });

  it('skips a system the backend fails on, says why, and indexes the others', async () => {
    const { documents, logger } = await collate({
      entities: [
        entity('System', 'broken'),
        entity('System', 'ci-cd-pipeline', { title: 'CI/CD Pipeline' }),
      ],
      answers: {
        ...pipelineAnswers,
        '/entities/system/default/broken/roadmap': { status: 500 },
        '/entities/system/default/broken/canvas': {
          status: 200,
          body: { ...pipelineCanvas, entityRef: 'system:default/broken' },
        },
      },
    });

    expect(new Set(documents.map(d => d.entityRef))).toEqual(
      new Set(['system:default/ci-cd-pipeline']),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Not indexing the system product system:default/broken',
      ),
    );
  });

  it('pages through large catalogs', async () => {
    const many = Array.from({ length: 230 }, (_, i) =>
      entity('System', `system-${i}`),
    );
    const { calls } = await collate({ entities: many, answers: {} });

    expect(new Set(calls.map(c => c.path.split('/')[4])).size).toBe(230);
  });

  it('runs on the schedule from config, every 10 minutes by default', async () => {
    const configured = await collate({
      entities: [],
      answers: {},
      config: {
        search: {
          collators: {
            systemProduct: {
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } },
            },
          },
        },
      },
    });
    const defaulted = await collate({ entities: [], answers: {} });

    expect(configured.scheduler.createScheduledTaskRunner).toHaveBeenCalledWith(
      expect.objectContaining({
        frequency: { hours: 1 },
        timeout: { minutes: 5 },
      }),
    );
    expect(defaulted.scheduler.createScheduledTaskRunner).toHaveBeenCalledWith(
      expect.objectContaining({ frequency: { minutes: 10 } }),
    );
  });
});
