import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  Entity,
  parseEntityRef,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  ANNOTATION_SLO_REF,
  ANNOTATION_SURVEY,
  ANNOTATION_USERS,
  getSystemProductUsers,
  parseOpenSlo,
} from '@system-product/backstage-plugin-common';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { scaffolderModuleSystemProduct } from './module';

/*
 * Runs templates through the real scaffolder's dry-run route
 * (POST /api/scaffolder/v2/dry-run) with this module installed: the template
 * is sent in the body with the files beside it, as the template editor does,
 * so no template entity is needed in the catalog.
 */

const TEMPLATE_DIR = resolve(
  __dirname,
  '../../../examples/templates/new-system-product',
);

type DryRunResponse = {
  log: { body: { message: string; stepId?: string; status?: string } }[];
  directoryContents: { path: string; base64Content: string }[];
  output: Record<string, any>;
};

describe('scaffolder dry run', () => {
  const mockDir = createMockDirectory();
  const publishDirectory = mockDir.resolve('published');
  let baseUrl: string;
  let stopBackend: () => Promise<void>;

  beforeAll(async () => {
    mockDir.setContent({ work: {} });
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleSystemProduct,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            backend: { workingDirectory: mockDir.resolve('work') },
            systemProduct: { scaffolder: { publishDirectory } },
          },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    baseUrl = `http://localhost:${port}/api/scaffolder`;
    stopBackend = () => backend.stop();
  });

  afterAll(() => stopBackend?.());

  const headers = {
    'Content-Type': 'application/json',
    Authorization: mockCredentials.user.header('user:default/ada'),
  };

  async function dryRun(body: {
    template: unknown;
    values: Record<string, unknown>;
    directoryContents?: { path: string; base64Content: string }[];
  }): Promise<DryRunResponse> {
    const response = await fetch(`${baseUrl}/v2/dry-run`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ directoryContents: [], ...body }),
    });
    const json = await response.json();
    if (response.status !== 200) {
      throw new Error(
        `dry run answered ${response.status}: ${JSON.stringify(json)}`,
      );
    }
    return json;
  }

  const fileOf = (result: DryRunResponse, path: string) => {
    const file = result.directoryContents.find(f => f.path === path);
    if (!file) {
      throw new Error(
        `${path} was not generated; got ${result.directoryContents
          .map(f => f.path)
          .join(', ')}`,
      );
    }
    return Buffer.from(file.base64Content, 'base64').toString('utf8');
  };

  const logOf = (result: DryRunResponse, stepId: string) =>
    result.log
      .filter(entry => entry.body.stepId === stepId)
      .map(entry => entry.body.message);

  const failures = (result: DryRunResponse) =>
    result.log.filter(entry => entry.body.status === 'failed');

  describe('of the New system product template', () => {
    const values = {
      name: 'release-train',
      owner: 'group:default/platform-team',
      primaryUsers: ['group:default/mobile', 'group:default/payments'],
      valueProposition: 'Every merge reaches production within a day, safely',
      lifecycle: 'production',
      survey: 'platform-pulse',
      leadTimeHours: 12,
      leadTimePercent: 95,
      changeFailureRatePercent: 5,
      timeToRestoreHours: 1,
      timeToRestorePercent: 99,
      satisfactionMeasure: 'nps',
      satisfactionPercent: 50,
    };
    let result: DryRunResponse;

    beforeAll(async () => {
      const template = parse(
        readFileSync(join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
      );
      result = await dryRun({
        template,
        values,
        directoryContents: filesUnder(join(TEMPLATE_DIR, 'skeleton')).map(
          file => ({
            path: relative(TEMPLATE_DIR, file),
            base64Content: readFileSync(file).toString('base64'),
          }),
        ),
      });
    });

    it('runs every step without a failure', () => {
      expect(failures(result)).toEqual([]);
      expect(result.directoryContents.map(f => f.path).sort()).toEqual([
        'README.md',
        'catalog-info.yaml',
        'slos.yaml',
      ]);
    });

    it('writes a valid System entity with the system-product annotations', async () => {
      const entity: Entity = parse(fileOf(result, 'catalog-info.yaml'));
      await expect(systemEntityV1alpha1Validator.check(entity)).resolves.toBe(
        true,
      );
      expect(entity.metadata.name).toBe('release-train');
      expect(entity.metadata.description).toBe(values.valueProposition);
      expect(entity.metadata.labels).toEqual({ lifecycle: 'production' });
      expect(entity.spec?.owner).toBe('group:default/platform-team');

      const annotations = entity.metadata.annotations!;
      expect(annotations[ANNOTATION_USERS]).toBe(
        'group:default/mobile,group:default/payments',
      );
      expect(
        getSystemProductUsers(entity).map(ref => parseEntityRef(ref).kind),
      ).toEqual(['group', 'group']);
      expect(annotations[ANNOTATION_SURVEY]).toBe('platform-pulse');
      // The relative slo-ref names the file the template generated beside it.
      expect(annotations[ANNOTATION_SLO_REF]).toBe('./slos.yaml');
      expect(result.directoryContents.map(f => `./${f.path}`)).toContain(
        annotations[ANNOTATION_SLO_REF],
      );
    });

    it('writes slos.yaml that the OpenSLO parser accepts with the chosen targets', () => {
      const documents = parseAllDocuments(fileOf(result, 'slos.yaml'));
      expect(documents.flatMap(d => d.errors)).toEqual([]);
      const { slos, problems } = parseOpenSlo(
        documents.map(d => d.toJS()),
        'slos.yaml',
      );
      expect(problems).toEqual([]);
      const objectives = Object.fromEntries(
        slos.map(slo => [slo.name, slo.objectives[0]]),
      );
      expect(objectives).toEqual({
        'lead-time-for-changes': { target: 0.95, op: 'lte', value: 43200 },
        'change-failure-rate': { target: 0.95 },
        'time-to-restore': { target: 0.99, op: 'lte', value: 3600 },
        'developer-satisfaction': { target: 0.5, op: 'gte', value: 9 },
      });
      expect(slos.every(slo => slo.service === 'release-train')).toBe(true);
    });

    it('writes a README that names the system and its users', () => {
      const readme = fileOf(result, 'README.md');
      expect(readme).toContain('# release-train');
      expect(readme).toContain(values.valueProposition);
      expect(readme).toContain('group:default/mobile, group:default/payments');
    });

    it('publishes, registers and seeds nothing: each step says what it would do', () => {
      expect(logOf(result, 'publish')).toContainEqual(
        expect.stringContaining(
          `Dry run: would copy the workspace to ${join(
            publishDirectory,
            'release-train',
          )}`,
        ),
      );
      expect(existsSync(publishDirectory)).toBe(false);
      expect(logOf(result, 'register')).toContainEqual(
        'Skipping step register because its if condition was false',
      );
      expect(logOf(result, 'canvas')).toContainEqual(
        expect.stringContaining(
          'Dry run: would seed the canvas of system:default/release-train with its value proposition and 2 personas',
        ),
      );
    });

    it('links to the new entity', () => {
      expect(result.output.links).toEqual([
        expect.objectContaining({ entityRef: 'system:default/release-train' }),
      ]);
    });
  });

  describe('of the action examples', () => {
    it('lists every action of the module with its examples', async () => {
      const actions = await listModuleActions();
      expect(actions.map(a => a.id)).toEqual([
        'system-product:canvas:create',
        'system-product:publish:directory',
        'system-product:slos:generate',
      ]);
      for (const action of actions) {
        expect(action.examples.length).toBeGreaterThan(0);
      }
    });

    it('runs each example, its input checked against the action schema', async () => {
      const actions = await listModuleActions();
      for (const action of actions) {
        for (const example of action.examples) {
          const { steps } = parse(example.example);
          const result = await dryRun({
            template: {
              apiVersion: 'scaffolder.backstage.io/v1beta3',
              kind: 'Template',
              metadata: { name: 'example' },
              spec: { type: 'example', parameters: [], steps },
            },
            values: { name: 'example-system' },
          });
          expect({
            example: example.description,
            failures: failures(result),
          }).toEqual({ example: example.description, failures: [] });
          expect(logOf(result, steps[0].id)).toContainEqual(
            expect.stringContaining(`Running ${action.id} in dry-run mode`),
          );
        }
      }
    });

    it('answers 400 to a dry run whose input breaks the action schema', async () => {
      const response = await fetch(`${baseUrl}/v2/dry-run`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          template: {
            apiVersion: 'scaffolder.backstage.io/v1beta3',
            kind: 'Template',
            metadata: { name: 'example' },
            spec: {
              type: 'example',
              parameters: [],
              steps: [
                {
                  id: 'slos',
                  action: 'system-product:slos:generate',
                  input: {
                    service: 'x',
                    leadTime: { hours: 24, targetPercent: 150 },
                  },
                },
              ],
            },
          },
          values: {},
          directoryContents: [],
        }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: {
          name: 'InputError',
          message:
            'Invalid input passed to action system-product:slos:generate, instance.leadTime.targetPercent must be strictly less than 100',
        },
      });
    });

    async function listModuleActions(): Promise<
      { id: string; examples: { description: string; example: string }[] }[]
    > {
      const response = await fetch(`${baseUrl}/v2/actions`, { headers });
      expect(response.status).toBe(200);
      const actions: { id: string; examples?: any[] }[] = await response.json();
      return actions
        .filter(a => a.id.startsWith('system-product:'))
        .map(a => ({ id: a.id, examples: a.examples ?? [] }));
    }
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name))
      : [join(dir, entry.name)],
  );
}
