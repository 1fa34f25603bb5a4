import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  SYSTEM_PRODUCT_PLUGIN_ID,
  SystemProductClient,
  emptyCanvasContent,
} from '@system-product/backstage-plugin-common';

/**
 * `system-product:canvas:create`: seeds the canvas of an entity with what the
 * template asked, through the System Product API and on behalf of the user who
 * runs the template (so the usual ownership rules apply).
 *
 * @public
 */
export function createCanvasAction(options: {
  auth: AuthService;
  discovery: DiscoveryService;
}) {
  const { auth, discovery } = options;
  return createTemplateAction({
    id: 'system-product:canvas:create',
    description:
      'Seeds the System Transformation Canvas of a catalog entity with its value proposition and primary users',
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
      },
      output: {
        version: z =>
          z.number().describe('Canvas version after seeding (0 in a dry run)'),
      },
    },
    async handler(ctx) {
      const entity = parseEntityRef(ctx.input.entityRef);
      const content = emptyCanvasContent();
      content.valueProposition.value = ctx.input.valueProposition;
      content.users.personas = ctx.input.primaryUsers.map(ref => ({
        name: ref,
        description: '',
        needs: [],
        frustrations: [],
        successMeasures: [],
      }));

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would seed the canvas of ${ctx.input.entityRef}`,
        );
        ctx.output('version', 0);
        return;
      }

      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await ctx.getInitiatorCredentials(),
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
      ctx.logger.info(`Seeded the canvas of ${ctx.input.entityRef}`);
      ctx.output('version', canvas.version);
    },
  });
}
