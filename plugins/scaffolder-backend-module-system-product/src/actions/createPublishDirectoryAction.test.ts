import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createPublishDirectoryAction } from './createPublishDirectoryAction';

describe('system-product:publish:directory', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const root = mockDir.resolve('published');
  const auth = mockServices.auth();

  const location = (name: string, spec: Entity['spec']): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: { name, namespace: 'default' },
    spec,
  });
  const locations = [
    location('generated-published', {
      type: 'file',
      target: join(root, '*', 'catalog-info.yaml'),
    }),
    location('generated-elsewhere', {
      type: 'file',
      target: mockDir.resolve('other/*/catalog-info.yaml'),
    }),
    location('from-git', {
      type: 'url',
      target: 'https://git.example/catalog-info.yaml',
    }),
  ];

  function setup(options: { publishDirectory?: string; entities?: Entity[] }) {
    const catalog = catalogServiceMock({
      entities: options.entities ?? locations,
    });
    jest.spyOn(catalog, 'refreshEntity');
    const config = mockServices.rootConfig({
      data: options.publishDirectory
        ? {
            systemProduct: {
              scaffolder: { publishDirectory: options.publishDirectory },
            },
          }
        : {},
    });
    const action = createPublishDirectoryAction({ config, catalog, auth });
    return { action, catalog };
  }

  const context = (input: Record<string, unknown>, isDryRun = false) => ({
    ...createMockActionContext({ input: input as any, workspacePath }),
    isDryRun,
  });

  beforeEach(() =>
    mockDir.setContent({
      workspace: {
        'catalog-info.yaml': 'kind: System\n',
        'slos.yaml': 'apiVersion: openslo/v1\n',
        docs: { 'index.md': '# Hello\n' },
      },
    }),
  );

  it('copies the workspace into a new folder and refreshes the file location that reads it', async () => {
    const { action, catalog } = setup({ publishDirectory: root });
    const ctx = context({ name: 'new-pipeline' });
    await action.handler(ctx as any);

    const target = join(root, 'new-pipeline');
    expect(readFileSync(join(target, 'catalog-info.yaml'), 'utf8')).toBe(
      'kind: System\n',
    );
    expect(readFileSync(join(target, 'docs', 'index.md'), 'utf8')).toBe(
      '# Hello\n',
    );
    expect(catalog.refreshEntity).toHaveBeenCalledTimes(1);
    expect(catalog.refreshEntity).toHaveBeenCalledWith(
      'location:default/generated-published',
      expect.anything(),
    );
    expect(ctx.output).toHaveBeenCalledWith('path', target);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoPath',
      join(target, 'catalog-info.yaml'),
    );
    expect(ctx.output).toHaveBeenCalledWith('refreshedLocations', [
      'location:default/generated-published',
    ]);
  });

  it('publishes but warns when no catalog location reads the directory', async () => {
    const { action, catalog } = setup({
      publishDirectory: root,
      entities: locations.slice(1),
    });
    const ctx = context({ name: 'new-pipeline' });
    const warn = jest.spyOn(ctx.logger, 'warn');
    await action.handler(ctx as any);

    expect(existsSync(join(root, 'new-pipeline', 'slos.yaml'))).toBe(true);
    expect(catalog.refreshEntity).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('No catalog file location reads'),
    );
    expect(ctx.output).toHaveBeenCalledWith('refreshedLocations', []);
  });

  it('writes nothing in a dry run but says where it would publish', async () => {
    const { action, catalog } = setup({ publishDirectory: root });
    const ctx = context({ name: 'new-pipeline' }, true);
    await action.handler(ctx as any);

    expect(existsSync(root)).toBe(false);
    expect(catalog.refreshEntity).not.toHaveBeenCalled();
    expect(ctx.output).toHaveBeenCalledWith('path', join(root, 'new-pipeline'));
  });

  it('refuses to run when no publish directory is configured', async () => {
    const { action } = setup({});
    await expect(
      action.handler(context({ name: 'new-pipeline' }) as any),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'set systemProduct.scaffolder.publishDirectory',
      ),
    });
  });

  it('only warns in a dry run when no publish directory is configured', async () => {
    const { action } = setup({});
    const ctx = context({ name: 'new-pipeline' }, true);
    const warn = jest.spyOn(ctx.logger, 'warn');
    await action.handler(ctx as any);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('not configured'),
    );
  });

  it('never replaces an existing folder', async () => {
    mockDir.addContent({ published: { 'new-pipeline': { 'keep.txt': 'x' } } });
    const { action } = setup({ publishDirectory: root });
    await expect(
      action.handler(context({ name: 'new-pipeline' }) as any),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    expect(existsSync(join(root, 'new-pipeline', 'catalog-info.yaml'))).toBe(
      false,
    );
  });

  it.each([['../escape'], ['a/b'], ['.hidden'], ['']])(
    'refuses the folder name %j',
    async name => {
      const { action } = setup({ publishDirectory: root });
      await expect(
        action.handler(context({ name }) as any),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining('name must be a folder name'),
      });
      expect(existsSync(root)).toBe(false);
    },
  );

  it('refuses a workspace with a symbolic link, which the catalog would follow', async () => {
    symlinkSync('/etc/hostname', join(workspacePath, 'docs', 'leak.md'));
    const { action } = setup({ publishDirectory: root });
    await expect(
      action.handler(context({ name: 'new-pipeline' }) as any),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('symbolic link'),
    });
    expect(existsSync(join(root, 'new-pipeline'))).toBe(false);
  });
});
