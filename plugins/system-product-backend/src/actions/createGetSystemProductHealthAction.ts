import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  DORA_DEFAULT_PERIOD_DAYS,
  Journey,
  SurveyRound,
  isScaleKind,
} from '@system-product/backstage-plugin-common';
import { JourneyService } from '../services/JourneyService';
import { SloService } from '../services/SloService';
import { SurveyService } from '../services/SurveyService';
import { entityRefField } from './actionSchemas';
import { parseEntityRefInput } from './parseEntityRefInput';

/** Pain points listed by the action. */
const TOP_PAIN_POINTS = 5;

/**
 * Registers `get-system-product-health`: the SLOs of a system product with
 * their status now, its DORA figures of the last 30 days, the satisfaction of its latest survey round
 * with enough answers, and the journey touchpoints that hurt most. Everything
 * is read with the caller's credentials, so it follows their catalog
 * visibility, and survey results stay k-anonymous.
 */
export function createGetSystemProductHealthAction(options: {
  actionsRegistry: ActionsRegistryService;
  slos: Pick<SloService, 'list' | 'dora'>;
  surveys: Pick<SurveyService, 'listRounds'>;
  journeys: Pick<JourneyService, 'getJourney'>;
}): void {
  const { actionsRegistry, slos, surveys, journeys } = options;
  actionsRegistry.register({
    name: 'get-system-product-health',
    title: 'Get system product health',
    description: `How a delivery system treated as a product is doing, for its users and against its objectives.
Returns its service-level objectives (SLOs) with their current status (met, at-risk, breached or no-data),
SLI, target and remaining error budget; its DORA figures of the last 30 days (deployment cadence, change lead time,
change fail rate, deployment rework rate, failed-deployment recovery time, incident time to detect and restore), each with
its sample size and its band from the 2024 State of DevOps report (null when there are too few samples);
the satisfaction (NPS, CSAT and other scores) of the newest survey round that has enough answers to be shown
anonymously; and the journey touchpoints with the most reported friction (reports times mean severity, 1 to 5).
Use it to answer questions such as "how healthy is the CI/CD pipeline?" or "what hurts users of the support desk most?".`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefField(z),
        }),
      output: z => {
        const band = z.enum(['elite', 'high', 'medium', 'low']).nullable();
        const doraFigure = (description: string) =>
          z
            .object({
              value: z.number().nullable(),
              sampleSize: z.number(),
              band,
            })
            .describe(description);
        const doraRate = (description: string) =>
          z
            .object({
              value: z.number().nullable(),
              count: z.number(),
              sampleSize: z.number(),
              band,
            })
            .describe(description);
        return z.object({
          entityRef: z.string(),
          slos: z.array(
            z.object({
              name: z.string(),
              displayName: z.string(),
              origin: z
                .enum(['file', 'portal'])
                .describe('Defined in the OpenSLO file or in the portal'),
              status: z.enum(['met', 'at-risk', 'breached', 'no-data']),
              target: z.number().describe('Objective, 0 to 1'),
              sli: z
                .number()
                .nullable()
                .describe('Current SLI, 0 to 1; null without data'),
              errorBudgetRemaining: z
                .number()
                .nullable()
                .describe('1 untouched, 0 spent, below 0 overspent'),
              window: z.string().describe('e.g. "28d rolling"'),
              reason: z
                .string()
                .optional()
                .describe('Why there is no value, if there is none'),
            }),
          ),
          sloFile: z.object({
            source: z.string().nullable(),
            problems: z.array(z.string()),
          }),
          dora: z.object({
            days: z.number(),
            minSamples: z
              .number()
              .describe('Fewest samples a figure needs for a band'),
            deploymentFrequency: z.object({
              cadence: z
                .enum([
                  'on-demand',
                  'daily',
                  'weekly',
                  'monthly',
                  'fewer-than-monthly',
                ])
                .nullable()
                .describe(
                  'How often it deploys to production; null without a deployment',
                ),
              band,
              sampleSize: z.number().describe('Production deployments'),
            }),
            changeLeadTime: doraFigure('Median commit-to-production seconds'),
            changeFailureRate: doraRate(
              'Production deployments that failed or caused a production incident / production deployments',
            ),
            deploymentReworkRate: doraRate(
              'Deployments made to remediate an incident / production deployments',
            ),
            failedDeploymentRecoveryTime: doraFigure(
              'Median seconds from a failed deployment to recovery',
            ),
            timeToDetect: doraFigure(
              'Median seconds from an incident starting to its detection',
            ),
            timeToRestore: doraFigure(
              'Median seconds from an incident starting to its resolution',
            ),
            bandsSource: z.string().describe('Where the bands come from'),
          }),
          satisfaction: z
            .object({
              roundId: z.string(),
              title: z.string(),
              closesAt: z.string(),
              responses: z.number(),
              nps: z.number().nullable().describe('-100 to 100'),
              csat: z
                .number()
                .nullable()
                .describe('Share of 4 and 5, 0 to 100'),
              scores: z.array(
                z.object({
                  question: z.string(),
                  kind: z.string(),
                  score: z.number().nullable(),
                }),
              ),
            })
            .nullable()
            .describe(
              'Newest survey round with enough answers to be shown; null if none has',
            ),
          topPainPoints: z.array(
            z.object({
              stage: z.string(),
              touchpoint: z.string(),
              reports: z.number(),
              averageSeverity: z
                .number()
                .nullable()
                .describe(
                  'Mean severity 1–5; null below the k reporters it needs',
                ),
              failureModes: z.array(z.string()),
            }),
          ),
        });
      },
    },
    examples: [
      {
        title: 'Health of the CI/CD pipeline',
        input: { entityRef: 'system:default/ci-cd-pipeline' },
      },
    ],
    action: async ({ input, credentials }) => {
      const ref = parseEntityRefInput(input.entityRef);
      const [evaluated, dora, rounds, journey] = await Promise.all([
        slos.list(ref, credentials),
        slos.dora(ref, DORA_DEFAULT_PERIOD_DAYS, credentials),
        surveys.listRounds(ref, credentials),
        journeys.getJourney(ref, credentials),
      ]);
      return {
        output: {
          entityRef: stringifyEntityRef(ref),
          slos: evaluated.items.map(slo => ({
            name: slo.name,
            displayName: slo.displayName || slo.name,
            origin: slo.origin,
            status: slo.evaluation.status,
            target: slo.objectives[0].target,
            sli: slo.evaluation.sli,
            errorBudgetRemaining: slo.evaluation.remaining,
            window: `${slo.window.duration.amount}${slo.window.duration.unit} ${
              slo.window.isRolling ? 'rolling' : 'calendar'
            }`,
            ...(slo.evaluation.reason ? { reason: slo.evaluation.reason } : {}),
          })),
          sloFile: {
            source: evaluated.source,
            problems: evaluated.problems.map(
              p =>
                `${p.file} document ${p.document}${
                  p.field ? ` ${p.field}` : ''
                }: ${p.message}`,
            ),
          },
          dora: {
            days: dora.days,
            minSamples: dora.minSamples,
            deploymentFrequency: {
              cadence: dora.deploymentFrequency.cadence,
              band: dora.deploymentFrequency.band,
              sampleSize: dora.deploymentFrequency.sampleSize,
            },
            changeLeadTime: dora.changeLeadTime,
            changeFailureRate: dora.changeFailureRate,
            deploymentReworkRate: dora.deploymentReworkRate,
            failedDeploymentRecoveryTime: dora.failedDeploymentRecoveryTime,
            timeToDetect: dora.incidents.timeToDetect,
            timeToRestore: dora.incidents.timeToRestore,
            bandsSource: `${dora.bandsSource.title} (${dora.bandsSource.url})`,
          },
          satisfaction: latestSatisfaction(rounds),
          topPainPoints: topPainPoints(journey),
        },
      };
    },
  });
}

/**
 * The newest round whose scores are shown: the survey service leaves scores
 * out until k people answered, so nothing here can single anyone out.
 */
function latestSatisfaction(rounds: SurveyRound[]) {
  const round = rounds.find(r => r.scores);
  if (!round?.scores) return null;
  const scores = round.questions
    .filter(q => isScaleKind(q.kind))
    .map(q => ({
      question: q.prompt,
      kind: q.kind,
      score: round.scores?.[q.id] ?? null,
    }));
  const first = (kind: string) =>
    scores.find(s => s.kind === kind)?.score ?? null;
  return {
    roundId: round.id,
    title: round.title,
    closesAt: round.closesAt,
    responses: round.responseCount,
    nps: first('nps'),
    csat: first('csat'),
    scores,
  };
}

/**
 * Touchpoints with friction, the most total pain (reports × mean severity)
 * first; where a mean is hidden below k, by reports.
 */
function topPainPoints(journey: Journey) {
  return journey.stages
    .flatMap(stage =>
      stage.touchpoints.map(touchpoint => ({
        stage: stage.name,
        touchpoint: touchpoint.name,
        reports: touchpoint.friction.reports,
        averageSeverity: touchpoint.friction.averageSeverity,
        failureModes: touchpoint.failureModes,
      })),
    )
    .filter(p => p.reports > 0)
    .sort(
      (a, b) =>
        b.reports * (b.averageSeverity ?? 1) -
          a.reports * (a.averageSeverity ?? 1) ||
        (b.averageSeverity ?? 0) - (a.averageSeverity ?? 0),
    )
    .slice(0, TOP_PAIN_POINTS);
}
