import { UrlReaderServiceReadUrlOptions } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import {
  NotAllowedError,
  NotFoundError,
  NotModifiedError,
} from '@backstage/errors';
import {
  CatalogProcessorCache,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import { SystemProductAnnotationsProcessor } from './SystemProductAnnotationsProcessor';

const repoFile = 'https://github.com/acme/pipeline/blob/main/catalog-info.yaml';
const repoSlos = 'https://github.com/acme/pipeline/blob/main/slos.yaml';
const urlLocation: LocationSpec = { type: 'url', target: repoFile };

const validSlos = `apiVersion: openslo/v1
kind: SLO
metadata: { name: deploy-success }
spec:
  budgetingMethod: Occurrences
  timeWindow: [{ duration: 28d, isRolling: true }]
  objectives: [{ target: 0.99 }]
  indicator:
    metadata: { name: success }
    spec:
      ratioMetric:
        good: { metricSource: { type: system-product, spec: { event: deployment, measure: deployment-success } } }
        total: { metricSource: { type: system-product, spec: { event: deployment, measure: count } } }
`;

/** Files the fake UrlReader serves, by URL, each with its ETag (and content, a valid SLO by default). */
function fakeReader(files: Record<string, { etag: string; content?: string }>) {
  const readUrl = jest.fn(
    async (url: string, options?: UrlReaderServiceReadUrlOptions) => {
      const file = files[url];
      if (url.startsWith('https://secret.example.com/')) {
        throw new NotAllowedError(
          `Reading from '${url}' is not allowed. You may need to configure an integration for the target host`,
        );
      }
      if (!file) throw new NotFoundError(`${url} not found`);
      if (options?.etag === file.etag) throw new NotModifiedError();
      return {
        etag: file.etag,
        buffer: async () => Buffer.from(file.content ?? validSlos),
        stream: () => {
          throw new Error('not used');
        },
      };
    },
  );
  return { reader: mockServices.urlReader.mock({ readUrl }), readUrl };
}

/** The catalog keeps one cache per entity and processor between runs. */
function memoryCache(): CatalogProcessorCache {
  const values = new Map<string, unknown>();
  return {
    get: async key => values.get(key) as any,
    set: async (key, value) => {
      values.set(key, value);
    },
  };
}

function system(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'ci-cd-pipeline', namespace: 'default', annotations },
    spec: { owner: 'group:default/platform-team' },
  };
}

async function problemsOf(
  entity: Entity,
  options: {
    location?: LocationSpec;
    files?: Record<string, { etag: string }>;
  } = {},
): Promise<string[]> {
  const { reader } = fakeReader(options.files ?? {});
  const processor = new SystemProductAnnotationsProcessor({ reader });
  const result = (await processor.postProcessEntity(
    entity,
    options.location ?? urlLocation,
    jest.fn(),
    memoryCache(),
  )) as AlphaEntity;
  return (result.status?.items ?? []).map(item => item.message);
}

describe('SystemProductAnnotationsProcessor', () => {
  it('leaves an entity with good annotations untouched', async () => {
    const entity = system({
      'system-product/enabled': 'true',
      'system-product/users': 'group:default/mobile, payments',
      'system-product/slo-ref': './slos.yaml',
      'system-product/survey': 'platform-pulse',
      'system-product/event-sources': 'github:acme/*, pagerduty:PABC123',
      'backstage.io/techdocs-ref': 'dir:.',
    });
    const { reader } = fakeReader({ [repoSlos]: { etag: 'e1' } });
    const processor = new SystemProductAnnotationsProcessor({ reader });

    const result = await processor.postProcessEntity(
      entity,
      urlLocation,
      jest.fn(),
      memoryCache(),
    );

    expect(result).toBe(entity);
  });

  it('accepts surveys turned off and an absolute url: reference', async () => {
    expect(
      await problemsOf(
        system({
          'system-product/survey': 'off',
          'system-product/slo-ref': `url:${repoSlos}`,
          'system-product/enabled': 'false',
        }),
        { files: { [repoSlos]: { etag: 'e1' } } },
      ),
    ).toEqual([]);
  });

  it('reports every bad value as an error status item the error panel shows, keeping the entity', async () => {
    const entity = system({
      'system-product/enabled': 'yes',
      'system-product/users': 'group:default/mobile,user:default/ada,not a ref',
      'system-product/survey': 'Off',
    });
    const { reader } = fakeReader({});
    const processor = new SystemProductAnnotationsProcessor({ reader });

    const result = (await processor.postProcessEntity(
      entity,
      urlLocation,
      jest.fn(),
      memoryCache(),
    )) as AlphaEntity;

    expect(result.metadata).toEqual(entity.metadata);
    expect(result.spec).toEqual(entity.spec);
    expect(result.status?.items).toEqual([
      {
        type: 'backstage.io/catalog-processing',
        level: 'error',
        message:
          'InputError: system-product/enabled must be "true" or "false", not "yes"',
        error: {
          name: 'InputError',
          message:
            'system-product/enabled must be "true" or "false", not "yes"',
        },
      },
      expect.objectContaining({
        message: expect.stringContaining(
          '"user:default/ada" is a user, but the annotation names the primary user groups',
        ),
      }),
      expect.objectContaining({
        message: expect.stringContaining('"not a ref" is not a valid entity'),
      }),
      expect.objectContaining({
        message: expect.stringContaining(
          'write "off" in lower case to turn surveys off',
        ),
      }),
    ]);
  });

  it('rejects entity refs that do not parse and an empty user list', async () => {
    expect(
      await problemsOf(system({ 'system-product/users': 'group:default/' })),
    ).toEqual([
      expect.stringContaining('"group:default/" is not an entity ref'),
    ]);
    expect(await problemsOf(system({ 'system-product/users': ' , ' }))).toEqual(
      [expect.stringContaining('names no group')],
    );
  });

  it('rejects event sources that are not source:pattern items', async () => {
    expect(
      await problemsOf(
        system({ 'system-product/event-sources': 'github:acme/*, jira:OPS' }),
      ),
    ).toEqual([
      expect.stringContaining(
        'system-product/event-sources item "jira:OPS" must be source:pattern',
      ),
    ]);
  });

  it('rejects a survey value that is not a template id', async () => {
    expect(
      await problemsOf(system({ 'system-product/survey': 'platform pulse' })),
    ).toEqual([
      expect.stringContaining(
        'system-product/survey must be a survey template id',
      ),
    ]);
  });

  it('names unknown system-product annotations and suggests the one meant', async () => {
    expect(
      await problemsOf(
        system({
          'system-product/slo-reff': './slos.yaml',
          'system-product/colour': 'blue',
        }),
      ),
    ).toEqual([
      expect.stringContaining(
        'system-product/slo-reff is not a System Product annotation; did you mean system-product/slo-ref?',
      ),
      expect.stringMatching(
        /^InputError: system-product\/colour is not a System Product annotation \(known: system-product\/enabled, /,
      ),
    ]);
  });

  it('rejects slo-ref values that are neither url: nor a relative path', async () => {
    expect(
      await problemsOf(
        system({ 'system-product/slo-ref': 'https://example.com/slos.yaml' }),
      ),
    ).toEqual([expect.stringContaining('prefix a URL with url:')]);
    expect(
      await problemsOf(system({ 'system-product/slo-ref': '/etc/slos.yaml' })),
    ).toEqual([expect.stringContaining('is an absolute path')]);
    expect(
      await problemsOf(system({ 'system-product/slo-ref': 'url:slos.yaml' })),
    ).toEqual([
      expect.stringContaining('"slos.yaml" after url: is not an absolute URL'),
    ]);
  });

  it('reports an OpenSLO file that does not exist next to the catalog file', async () => {
    expect(
      await problemsOf(system({ 'system-product/slo-ref': './slo.yaml' })),
    ).toEqual([
      'InputError: system-product/slo-ref: https://github.com/acme/pipeline/blob/main/slo.yaml does not exist',
    ]);
  });

  it('passes on why the UrlReader may not read the file', async () => {
    expect(
      await problemsOf(
        system({
          'system-product/slo-ref': 'url:https://secret.example.com/slos.yaml',
        }),
      ),
    ).toEqual([
      expect.stringContaining(
        'https://secret.example.com/slos.yaml cannot be read: Reading from',
      ),
    ]);
  });

  it('rereads an unchanged file with its ETag and accepts "not modified"', async () => {
    const { reader, readUrl } = fakeReader({ [repoSlos]: { etag: 'e1' } });
    const processor = new SystemProductAnnotationsProcessor({ reader });
    const cache = memoryCache();
    const entity = system({ 'system-product/slo-ref': './slos.yaml' });

    const first = await processor.postProcessEntity(
      entity,
      urlLocation,
      jest.fn(),
      cache,
    );
    const second = await processor.postProcessEntity(
      entity,
      urlLocation,
      jest.fn(),
      cache,
    );

    expect(readUrl.mock.calls.map(call => call[1])).toEqual([
      undefined,
      { etag: 'e1' },
    ]);
    expect(first).toBe(entity);
    expect(second).toBe(entity);
  });

  describe('with a catalog file on disk', () => {
    const dir = createMockDirectory({
      content: {
        'systems/ci/catalog-info.yaml': 'kind: System',
        'systems/ci/slos.yaml': validSlos,
        'systems/other/slos.yaml': validSlos,
        'systems/ci/broken.yaml': `${validSlos.replace(
          'target: 0.99',
          'target: 1.5',
        )}---
apiVersion: openslo/v1
kind: AlertCondition
metadata: { name: unused }
spec: { severity: page, condition: { kind: burnrate, op: gte, threshold: 2, lookbackWindow: 1h } }
`,
      },
    });
    const fileLocation = (): LocationSpec => ({
      type: 'file',
      target: dir.resolve('systems/ci/catalog-info.yaml'),
    });

    it('finds a relative OpenSLO file beside it', async () => {
      expect(
        await problemsOf(system({ 'system-product/slo-ref': './slos.yaml' }), {
          location: fileLocation(),
        }),
      ).toEqual([]);
    });

    it('reports what is wrong inside the OpenSLO file: a refused SLO as an error, a document with no effect as a warning', async () => {
      const { reader } = fakeReader({});
      const processor = new SystemProductAnnotationsProcessor({ reader });
      const result = (await processor.postProcessEntity(
        system({ 'system-product/slo-ref': './broken.yaml' }),
        fileLocation(),
        jest.fn(),
        memoryCache(),
      )) as AlphaEntity;
      const file = dir.resolve('systems/ci/broken.yaml');
      expect(
        result.status?.items?.map(item => [item.level, item.message]),
      ).toEqual([
        [
          'error',
          `InputError: system-product/slo-ref: ${file}, document 1 (deploy-success), spec.objectives[0].target: must be between 0 and 1 (or targetPercent between 0 and 100), exclusive`,
        ],
        [
          'warning',
          `InputError: system-product/slo-ref: ${file}, document 2 (unused), kind: this AlertCondition is not used by any SLO of the file, so it has no effect`,
        ],
      ]);
    });

    it('reports a missing file with the path it resolved to', async () => {
      expect(
        await problemsOf(system({ 'system-product/slo-ref': 'slo.yml' }), {
          location: fileLocation(),
        }),
      ).toEqual([
        `InputError: system-product/slo-ref: ${dir.resolve(
          'systems/ci/slo.yml',
        )} does not exist ("slo.yml" relative to ${dir.resolve(
          'systems/ci/catalog-info.yaml',
        )})`,
      ]);
    });

    it('refuses a path that leaves the catalog file folder', async () => {
      expect(
        await problemsOf(
          system({ 'system-product/slo-ref': '../other/slos.yaml' }),
          { location: fileLocation() },
        ),
      ).toEqual([
        expect.stringContaining(
          `"../other/slos.yaml" leaves the folder of the entity's catalog file`,
        ),
      ]);
    });

    it('reports a folder given as the file', async () => {
      expect(
        await problemsOf(system({ 'system-product/slo-ref': '.' }), {
          location: fileLocation(),
        }),
      ).toEqual([expect.stringContaining('is not a file')]);
    });
  });

  it('cannot resolve a relative path against a location of another type', async () => {
    expect(
      await problemsOf(system({ 'system-product/slo-ref': './slos.yaml' }), {
        location: { type: 'github-discovery', target: 'acme' },
      }),
    ).toEqual([
      expect.stringContaining(
        'comes from a github-discovery location it cannot be resolved against',
      ),
    ]);
  });

  it('keeps status items other processors set', async () => {
    const entity = {
      ...system({ 'system-product/enabled': 'maybe' }),
      status: {
        items: [{ type: 'example.com/audit', level: 'info', message: 'ok' }],
      },
    } as AlphaEntity;
    const { reader } = fakeReader({});
    const processor = new SystemProductAnnotationsProcessor({ reader });

    const result = (await processor.postProcessEntity(
      entity,
      urlLocation,
      jest.fn(),
      memoryCache(),
    )) as AlphaEntity;

    expect(result.status?.items?.map(i => i.type)).toEqual([
      'example.com/audit',
      'backstage.io/catalog-processing',
    ]);
  });
});
