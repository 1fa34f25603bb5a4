import { AuditorService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { RoadmapItemStatus } from '@system-product/backstage-plugin-common';
import { RoadmapService } from '../services/RoadmapService';
import { entityRefField, nonBlankName } from './actionSchemas';
import {
  WRITE_ACTION_ATTRIBUTES,
  entityAndBody,
  performWrite,
} from './performWrite';

const NAME = 'create-system-product-roadmap-item';
const KINDS = ['quick-win', 'strategic'] as const;
const STATUSES = [
  'idea',
  'planned',
  'in-progress',
  'shipped',
  'dropped',
] as const satisfies readonly RoadmapItemStatus[];

/**
 * Registers `create-system-product-roadmap-item`: adds an item to the roadmap
 * of a system product, as `POST .../roadmap` does. The roadmap service checks
 * `system-product.roadmap.manage` on the entity for the caller.
 */
export function createCreateRoadmapItemAction(options: {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
  roadmap: Pick<RoadmapService, 'create'>;
}): void {
  const { actionsRegistry, auditor, roadmap } = options;
  actionsRegistry.register({
    name: NAME,
    title: 'Add a system product roadmap item',
    description: `Adds an improvement item to the roadmap of a delivery system treated as a product: a quick win or a
strategic change, with optional status (default idea), owner, target date, milestones, the user pain points and
journey touchpoints it addresses, and the SLO or metric it should move (with its value before and after, once known).
Needs the system-product.roadmap.manage permission on the system (typically its owners); others are refused.
Use it when someone asks to put an improvement on a system's roadmap, e.g. "plan a dependency cache for the CI/CD pipeline".`,
    attributes: WRITE_ACTION_ATTRIBUTES,
    schema: {
      input: z => {
        const metricValue = (what: string) =>
          z.number().finite().nullable().optional().describe(what);
        return z
          .object({
            entityRef: entityRefField(z),
            title: nonBlankName(z).describe('Short name of the improvement'),
            description: z.string().max(4000).optional(),
            kind: z
              .enum(KINDS)
              .describe(
                'quick-win: small, soon; strategic: a larger change of the system',
              ),
            status: z.enum(STATUSES).optional().describe('Default idea'),
            owner: z
              .string()
              .max(255)
              .nullable()
              .optional()
              .describe(
                'Entity ref of who owns it, e.g. "group:default/platform-team"',
              ),
            targetDate: z
              .string()
              .date()
              .nullable()
              .optional()
              .describe('Target day, YYYY-MM-DD'),
            milestones: z
              .array(
                z
                  .object({
                    title: nonBlankName(z),
                    done: z.boolean().optional().describe('Default false'),
                  })
                  .strict(),
              )
              .max(20)
              .optional(),
            painPoints: z
              .array(z.string().max(500))
              .max(20)
              .optional()
              .describe('The user pain points it addresses, in words'),
            touchpointIds: z
              .array(z.string().max(64))
              .max(50)
              .optional()
              .describe('Ids of the journey touchpoints it addresses'),
            metric: z
              .string()
              .max(200)
              .nullable()
              .optional()
              .describe('Name of the SLO or metric it should move'),
            metricBefore: metricValue('Value of the metric before'),
            metricAfter: metricValue('Value of the metric after, once shipped'),
            metricUnit: z
              .string()
              .min(1)
              .max(16)
              .regex(/\S/, 'must not be blank')
              .nullable()
              .optional()
              .describe(
                'Unit of metricBefore and metricAfter, e.g. h, min, %, builds/week',
              ),
          })
          .strict();
      },
      output: z =>
        z.object({
          id: z.string().describe('Id of the new item'),
          entityRef: z.string(),
          version: z.number().describe('1 for a new item'),
          title: z.string(),
          kind: z.enum(KINDS),
          status: z.enum(STATUSES),
          owner: z.string().nullable(),
          targetDate: z.string().nullable().describe('YYYY-MM-DD'),
          metric: z.string().nullable(),
        }),
    },
    examples: [
      {
        title: 'Plan a dependency cache for the CI/CD pipeline',
        input: {
          entityRef: 'system:default/ci-cd-pipeline',
          title: 'Dependency cache',
          kind: 'quick-win',
          status: 'planned',
          targetDate: '2027-01-15',
          painPoints: ['Slow builds'],
          metric: 'build-duration',
          metricBefore: 31,
          metricUnit: 'min',
        },
      },
    ],
    action: async context => {
      const item = await performWrite(context, {
        auditor,
        action: NAME,
        eventId: 'roadmap-item-create',
        severityLevel: 'medium',
        write: caller =>
          roadmap.create(...entityAndBody(context.input), caller),
        result: created => ({ itemId: created.id, version: created.version }),
      });
      return {
        output: {
          id: item.id,
          entityRef: item.entityRef,
          version: item.version,
          title: item.title,
          kind: item.kind,
          status: item.status,
          owner: item.owner,
          targetDate: item.targetDate,
          metric: item.metric,
        },
      };
    },
  });
}
