import { AuditorService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { SurveyService } from '../services/SurveyService';
import { entityRefField } from './actionSchemas';
import {
  WRITE_ACTION_ATTRIBUTES,
  entityAndBody,
  performWrite,
} from './performWrite';

const NAME = 'open-system-product-survey-round';

/**
 * Registers `open-system-product-survey-round`: opens a survey round on a
 * system product, as `POST .../surveys` does (its target groups are invited
 * when it opens now). The survey service checks
 * `system-product.survey-round.manage` on the entity for the caller.
 */
export function createOpenSurveyRoundAction(options: {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
  surveys: Pick<SurveyService, 'openRound'>;
}): void {
  const { actionsRegistry, auditor, surveys } = options;
  actionsRegistry.register({
    name: NAME,
    title: 'Open a system product survey round',
    description: `Opens a round of the satisfaction survey of a delivery system treated as a product, from a
template of questions (default: the system's system-product/survey annotation, else platform-pulse, which asks
NPS, CSAT, two agreement items and four open questions). Its target groups (default: the system's
system-product/users annotation) are notified when it opens now. A round closes at closesAt, at most 366 days
after it opens; answers are anonymous and results are shown only once at least k people answered.
Needs the system-product.survey-round.manage permission on the system (typically its owners); others are refused.
Returns the round's id and questions, which answer-system-product-survey takes.`,
    attributes: WRITE_ACTION_ATTRIBUTES,
    schema: {
      input: z =>
        z
          .object({
            entityRef: entityRefField(z),
            title: z
              .string()
              .min(1)
              .max(200)
              .optional()
              .describe("Default the template's title"),
            templateId: z
              .string()
              .max(64)
              .optional()
              .describe(
                "Survey template usable for the system (platform-pulse, those of app-config, its owners' own); default the system-product/survey annotation, else platform-pulse",
              ),
            opensAt: z
              .string()
              .datetime({ offset: true })
              .optional()
              .describe(
                'ISO 8601 date-time with a time zone, e.g. 2026-11-20T10:00:00Z; default now',
              ),
            closesAt: z
              .string()
              .datetime({ offset: true })
              .describe(
                'ISO 8601 date-time with a time zone, after opensAt and at most 366 days after it',
              ),
            targetGroups: z
              .array(
                z
                  .string()
                  .max(255)
                  .regex(/^group:[^/]+\/.+$/, 'must be a group entity ref'),
              )
              .max(50)
              .optional()
              .describe(
                'Group entity refs to invite, e.g. "group:default/mobile"; default the system-product/users annotation',
              ),
          })
          .strict(),
      output: z =>
        z.object({
          id: z.string().describe('Id of the round, for answering it'),
          entityRef: z.string(),
          title: z.string(),
          templateId: z.string(),
          templateVersion: z
            .number()
            .int()
            .describe('The template version whose questions the round keeps'),
          opensAt: z.string(),
          closesAt: z.string(),
          targetGroups: z.array(z.string()),
          questions: z.array(
            z.object({
              id: z.string().describe('Key of its answer'),
              kind: z
                .enum(['nps', 'csat', 'likert', 'text', 'single', 'multiple'])
                .describe(
                  'nps: 0 to 10; csat: 1 to 5; likert: 1 to 5; text; single: the index of one option; multiple: an array of option indexes',
                ),
              prompt: z.string(),
              options: z
                .array(z.string())
                .optional()
                .describe(
                  'single and multiple: the options, answered by index from 0',
                ),
              maxChoices: z
                .number()
                .int()
                .optional()
                .describe('multiple: most options one answer may choose'),
              anchors: z
                .object({ low: z.string(), high: z.string() })
                .optional()
                .describe(
                  'nps, csat and likert: what the lowest and highest value mean',
                ),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'A two-week pulse survey of the CI/CD pipeline',
        input: {
          entityRef: 'system:default/ci-cd-pipeline',
          title: 'Q4 pulse',
          closesAt: '2026-12-04T17:00:00Z',
        },
      },
    ],
    action: async context => {
      const round = await performWrite(context, {
        auditor,
        action: NAME,
        eventId: 'survey-round-open',
        severityLevel: 'medium',
        write: caller =>
          surveys.openRound(...entityAndBody(context.input), caller),
        result: opened => ({
          roundId: opened.id,
          templateId: opened.templateId,
        }),
      });
      return {
        output: {
          id: round.id,
          entityRef: round.entityRef,
          title: round.title,
          templateId: round.templateId,
          templateVersion: round.templateVersion,
          opensAt: round.opensAt,
          closesAt: round.closesAt,
          targetGroups: round.targetGroups,
          questions: round.questions.map(question => ({ ...question })),
        },
      };
    },
  });
}
