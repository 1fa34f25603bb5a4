import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { RoadmapItemStatus } from '@system-product/backstage-plugin-common';
import { RoadmapService } from '../services/RoadmapService';
import { entityRefField } from './actionSchemas';
import { parseEntityRefInput } from './parseEntityRefInput';

/** Open items, in the order they are listed: work under way first. */
const OPEN_STATUSES = [
  'in-progress',
  'planned',
  'idea',
] as const satisfies readonly RoadmapItemStatus[];

/**
 * Registers `get-system-product-roadmap`: the open improvement items of a
 * system product (in progress, planned, ideas), read with the caller's
 * credentials so it follows their catalog visibility.
 */
export function createGetSystemProductRoadmapAction(options: {
  actionsRegistry: ActionsRegistryService;
  roadmap: Pick<RoadmapService, 'list'>;
}): void {
  const { actionsRegistry, roadmap } = options;
  actionsRegistry.register({
    name: 'get-system-product-roadmap',
    title: 'Get system product roadmap',
    description: `The open improvement items on the roadmap of a delivery system treated as a product:
those in progress first, then planned ones, then ideas, each by target date. Each item says whether it is a
quick win or a strategic change, who owns it, its milestones, the user pain points it addresses and the SLO or
metric it is expected to move. Shipped and dropped items are left out; only their counts are given.
Use it to answer questions such as "what is the platform team doing about slow builds?".`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefField(z),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          items: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              description: z.string(),
              kind: z.enum(['quick-win', 'strategic']),
              status: z.enum(['in-progress', 'planned', 'idea']),
              owner: z.string().nullable(),
              targetDate: z.string().nullable().describe('YYYY-MM-DD'),
              milestones: z.array(
                z.object({ title: z.string(), done: z.boolean() }),
              ),
              painPoints: z.array(z.string()),
              metric: z
                .string()
                .nullable()
                .describe('SLO or metric the item should move'),
            }),
          ),
          shipped: z.number().describe('Items already shipped'),
          dropped: z.number().describe('Items given up'),
        }),
    },
    examples: [
      {
        title: 'Open roadmap of the CI/CD pipeline',
        input: { entityRef: 'system:default/ci-cd-pipeline' },
      },
    ],
    action: async ({ input, credentials }) => {
      const ref = parseEntityRefInput(input.entityRef);
      const all = await roadmap.list(ref, credentials);
      const items = all
        .flatMap(item => {
          const status = OPEN_STATUSES.find(s => s === item.status);
          return status ? [{ ...item, status }] : [];
        })
        .sort(
          (a, b) =>
            OPEN_STATUSES.indexOf(a.status) - OPEN_STATUSES.indexOf(b.status) ||
            compareTargetDates(a.targetDate, b.targetDate),
        );
      return {
        output: {
          entityRef: stringifyEntityRef(ref),
          items: items.map(item => ({
            id: item.id,
            title: item.title,
            description: item.description,
            kind: item.kind,
            status: item.status,
            owner: item.owner,
            targetDate: item.targetDate,
            milestones: item.milestones,
            painPoints: item.painPoints,
            metric: item.metric,
          })),
          shipped: all.filter(i => i.status === 'shipped').length,
          dropped: all.filter(i => i.status === 'dropped').length,
        },
      };
    },
  });
}

/** Earlier target dates first; items without one last. */
function compareTargetDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
