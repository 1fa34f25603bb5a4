import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  SYSTEM_PRODUCT_PLUGIN_ID,
  SystemProductClient,
  emptyCanvasContent,
} from '@system-product/backstage-plugin-common';

const DEFAULT_WAIT_SECONDS = 60;
const MAX_WAIT_SECONDS = 600;
const POLL_MS = 2000;

/**
 * `system-product:canvas:create`: seeds the canvas of an entity with what the
 * template asked, through the System Product API and on behalf of the user who
 * runs the template (so the usual ownership rules apply). An entity that was
 * just published appears in the catalog only after the catalog has processed
 * it, so the action waits for it first.
 *
 * @public
 */
export function createCanvasAction(options: {
  auth: AuthService;
  discovery: DiscoveryService;
  catalog: CatalogService;
  /** Time between catalog look-ups while waiting; tests shorten it. */
  pollMs?: number;
}) {
  const { auth, discovery, catalog, pollMs = POLL_MS } = options;
  return createTemplateAction({
    id: 'system-product:canvas:create',
    description:
      'Seeds the System Transformation Canvas of a catalog entity with its value proposition and primary users, once the entity is in the catalog',
    supportsDryRun: true,
    examples: [
      {
        description: 'Seed the canvas of a new system product',
        example: [
          'steps:',
          '  - id: canvas',
          '    action: system-product:canvas:create',
          '    input:',
          '      entityRef: system:default/ci-cd-pipeline',
          '      valueProposition: Every merge reaches production within an hour, safely',
          '      primaryUsers:',
          '        - group:default/mobile',
        ].join('\n'),
      },
      {
        description:
          'Seed the canvas of an entity the catalog may take a few minutes to read',
        example: [
          'steps:',
          '  - id: canvas',
          '    action: system-product:canvas:create',
          '    input:',
          '      entityRef: system:default/support-desk',
          '      valueProposition: Every engineer gets an answer within a working day',
          '      waitForEntitySeconds: 300',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .describe(
              'Entity whose canvas to seed, e.g. system:default/my-system',
            ),
        valueProposition: z =>
          z.string().max(4000).describe('What value the system delivers'),
        primaryUsers: z =>
          z
            .array(z.string())
            .default([])
            .describe(
              'Entity refs of the primary user groups; each becomes a persona',
            ),
        waitForEntitySeconds: z =>
          z
            .number()
            .int()
            .min(0)
            .max(MAX_WAIT_SECONDS)
            .default(DEFAULT_WAIT_SECONDS)
            .describe(
              `How long to wait for the entity to appear in the catalog (default ${DEFAULT_WAIT_SECONDS})`,
            ),
      },
      output: {
        version: z =>
          z.number().describe('Canvas version after seeding (0 in a dry run)'),
      },
    },
    async handler(ctx) {
      let entity: CompoundEntityRef;
      try {
        entity = parseEntityRef(ctx.input.entityRef);
      } catch (error) {
        throw new InputError(
          `entityRef must be an entity ref such as system:default/my-system: ${
            (error as Error).message
          }`,
        );
      }
      // The scaffolder validates the input but does not fill in defaults.
      const primaryUsers = ctx.input.primaryUsers ?? [];
      const waitSeconds =
        ctx.input.waitForEntitySeconds ?? DEFAULT_WAIT_SECONDS;
      const content = emptyCanvasContent();
      content.valueProposition.value = ctx.input.valueProposition;
      content.users.personas = primaryUsers.map(ref => ({
        name: ref,
        description: '',
        needs: [],
        frustrations: [],
        successMeasures: [],
      }));

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would seed the canvas of ${stringifyEntityRef(
            entity,
          )} with its value proposition and ${primaryUsers.length} personas`,
        );
        ctx.output('version', 0);
        return;
      }

      const credentials = await ctx.getInitiatorCredentials();
      await waitForEntity(entity, credentials, waitSeconds, ctx);

      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: credentials,
        targetPluginId: SYSTEM_PRODUCT_PLUGIN_ID,
      });
      const client = new SystemProductClient({
        discoveryApi: discovery,
        fetchApi: {
          fetch: (input, init) =>
            fetch(input, {
              ...init,
              headers: { ...init?.headers, Authorization: `Bearer ${token}` },
            }),
        },
      });
      const canvas = await client.updateCanvas(entity, { version: 0, content });
      ctx.logger.info(`Seeded the canvas of ${stringifyEntityRef(entity)}`);
      ctx.output('version', canvas.version);
    },
  });

  /** Resolves once the user can see the entity in the catalog, or throws NotFoundError. */
  async function waitForEntity(
    entity: CompoundEntityRef,
    credentials: BackstageCredentials,
    waitSeconds: number,
    ctx: {
      logger: { info(message: string): void };
      signal?: AbortSignal;
    },
  ) {
    const ref = stringifyEntityRef(entity);
    const deadline = Date.now() + waitSeconds * 1000;
    let logged = false;
    for (;;) {
      if (await catalog.getEntityByRef(entity, { credentials })) return;
      if (Date.now() >= deadline || ctx.signal?.aborted) {
        throw new NotFoundError(
          `${ref} is not in the catalog after ${waitSeconds} seconds; register it first, or give the catalog more time with waitForEntitySeconds`,
        );
      }
      if (!logged) {
        ctx.logger.info(
          `Waiting up to ${waitSeconds} seconds for the catalog to read ${ref}`,
        );
        logged = true;
      }
      await new Promise(done =>
        setTimeout(done, Math.min(pollMs, Math.max(0, deadline - Date.now()))),
      );
    }
  }
}
