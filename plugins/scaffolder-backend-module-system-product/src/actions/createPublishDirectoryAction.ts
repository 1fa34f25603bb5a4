import {
  AuthService,
  RootConfigService,
  isChildPath,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { cp, lstat, mkdir, readdir } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

/**
 * Config key of the folder this action publishes into.
 *
 * @public
 */
export const PUBLISH_DIRECTORY_CONFIG =
  'systemProduct.scaffolder.publishDirectory';

/** A folder name that cannot climb out of the publish directory or hide. */
const FOLDER_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/i;

const GLOB_CHARS = /[*?[\]{}!]/;

/**
 * `system-product:publish:directory`: copies the workspace into a new folder
 * of a directory on the backend's disk that an administrator configured
 * (`systemProduct.scaffolder.publishDirectory`), then asks the catalog to
 * refresh the `file` locations that read that directory, so the new entity
 * shows up within seconds.
 *
 * For portals without a git host (demos, air-gapped trials). Where there is a
 * git host, publish with its action (`publish:github`, ...) and
 * `catalog:register` instead.
 *
 * @public
 */
export function createPublishDirectoryAction(options: {
  config: RootConfigService;
  catalog: CatalogService;
  auth: AuthService;
}) {
  const { config, catalog, auth } = options;
  const configured = config.getOptionalString(PUBLISH_DIRECTORY_CONFIG);
  // Relative paths are read like the catalog's file locations: from the
  // backend's working directory.
  const root = configured ? resolve(configured) : undefined;

  return createTemplateAction({
    id: 'system-product:publish:directory',
    description: `Copies the workspace into a new folder of the directory set in ${PUBLISH_DIRECTORY_CONFIG} and refreshes the catalog file locations that read it`,
    supportsDryRun: true,
    examples: [
      {
        description:
          'Publish the workspace as a folder the catalog reads through a file location',
        example: [
          'steps:',
          '  - id: publish',
          '    action: system-product:publish:directory',
          '    input:',
          '      name: ${{ parameters.name }}',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        name: z =>
          z
            .string()
            .regex(FOLDER_NAME)
            .describe(
              'Name of the new folder: letters, digits, dots, dashes and underscores',
            ),
      },
      output: {
        path: z => z.string().describe('Absolute path of the new folder'),
        catalogInfoPath: z =>
          z
            .string()
            .describe('Absolute path of catalog-info.yaml in the new folder'),
        refreshedLocations: z =>
          z
            .array(z.string())
            .describe(
              'Catalog locations asked to read the new folder (none in a dry run)',
            ),
      },
    },
    async handler(ctx) {
      const { name } = ctx.input;
      if (typeof name !== 'string' || !FOLDER_NAME.test(name)) {
        throw new InputError(
          `name must be a folder name of letters, digits, dots, dashes and underscores, not ${JSON.stringify(
            name,
          )}`,
        );
      }
      if (!root) {
        const message = `Publishing to a directory is not configured: set ${PUBLISH_DIRECTORY_CONFIG} in app-config, or publish with your git host's action instead`;
        // A dry run shows the generated files anyway; the step says why a
        // real run would stop here.
        if (ctx.isDryRun) {
          ctx.logger.warn(`Dry run: ${message}`);
          return;
        }
        throw new InputError(message);
      }
      const target = join(root, name);
      const catalogInfoPath = join(target, 'catalog-info.yaml');
      if (await pathExists(target)) {
        throw new ConflictError(
          `${target} already exists; choose another name or remove the folder`,
        );
      }
      await assertNoSymlinks(ctx.workspacePath);
      ctx.output('path', target);
      ctx.output('catalogInfoPath', catalogInfoPath);

      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would copy the workspace to ${target}`);
        ctx.output('refreshedLocations', []);
        return;
      }

      await mkdir(root, { recursive: true });
      // errorOnExist with force off: a folder created meanwhile is not overwritten.
      await cp(ctx.workspacePath, target, {
        recursive: true,
        force: false,
        errorOnExist: true,
      });
      ctx.logger.info(`Copied the workspace to ${target}`);

      const credentials = await auth.getOwnServiceCredentials();
      const { items } = await catalog.getEntities(
        { filter: { kind: 'Location', 'spec.type': 'file' } },
        { credentials },
      );
      const readers = items.filter(location =>
        locationTargets(location).some(t =>
          isChildPath(globBase(t), catalogInfoPath),
        ),
      );
      const refs = readers.map(location => stringifyEntityRef(location));
      for (const ref of refs) {
        await catalog.refreshEntity(ref, { credentials });
      }
      if (refs.length > 0) {
        ctx.logger.info(
          `Asked the catalog to read it again: ${refs.join(', ')}`,
        );
      } else {
        ctx.logger.warn(
          `No catalog file location reads ${root}; add one with target ${join(
            root,
            '*',
            'catalog-info.yaml',
          )} to catalog.locations so the catalog finds the new folder`,
        );
      }
      ctx.output('refreshedLocations', refs);
    },
  });
}

function locationTargets(location: Entity): string[] {
  const spec = (location.spec ?? {}) as { target?: unknown; targets?: unknown };
  const targets = [
    spec.target,
    ...(Array.isArray(spec.targets) ? spec.targets : []),
  ];
  return targets.filter((t): t is string => typeof t === 'string');
}

/** The folders of a file location's target up to its first glob segment. */
function globBase(target: string): string {
  const parts = resolve(target).split(sep);
  const firstGlob = parts.findIndex(part => GLOB_CHARS.test(part));
  return firstGlob === -1
    ? parts.join(sep)
    : parts.slice(0, firstGlob).join(sep);
}

async function pathExists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/**
 * The catalog follows symlinks when it reads files, so a link in the workspace
 * could expose files of the backend host; such a workspace is not published.
 */
async function assertNoSymlinks(workspacePath: string): Promise<void> {
  const entries = await readdir(workspacePath, {
    recursive: true,
    withFileTypes: true,
  });
  const link = entries.find(entry => entry.isSymbolicLink());
  if (link) {
    throw new InputError(
      `The workspace holds a symbolic link (${join(
        link.parentPath,
        link.name,
      )}); links are not published`,
    );
  }
}
