import { AuditorService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { Journey } from '@system-product/backstage-plugin-common';
import { JourneyService } from '../services/JourneyService';
import { entityRefField, nonBlankName } from './actionSchemas';
import { parseEntityRefInput } from './parseEntityRefInput';
import { WRITE_ACTION_ATTRIBUTES, performWrite } from './performWrite';

const NAME = 'report-system-product-friction';
/** Touchpoints named in the error for one that is not on the map. */
const LISTED_TOUCHPOINTS = 30;

/**
 * Registers `report-system-product-friction`: the calling user reports
 * friction on a touchpoint of a system product's journey map, as
 * `POST .../friction` does. Any user who can see the entity may; who reported
 * is kept only as a key.
 */
export function createReportFrictionAction(options: {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
  journeys: Pick<JourneyService, 'getJourney' | 'reportFriction'>;
}): void {
  const { actionsRegistry, auditor, journeys } = options;
  actionsRegistry.register({
    name: NAME,
    title: 'Report friction on a system product journey',
    description: `Reports, as the calling user, friction they meet at a touchpoint (a step such as "Wait for checks")
of the user journey of a delivery system treated as a product: a severity from 1 (a nuisance) to 5 (blocks work)
and optionally what happened. Any user who can see the system may report; the report is anonymous (only a key of
the reporter is kept, and texts and mean severities are shown only once several people reported). Name the
touchpoint by its name on the journey map or by its id; an unknown name is answered with the touchpoints there are.
Use it when a user says something like "the checks on the CI/CD pipeline keep timing out".`,
    attributes: WRITE_ACTION_ATTRIBUTES,
    schema: {
      input: z =>
        z
          .object({
            entityRef: entityRefField(z),
            touchpoint: nonBlankName(z).describe(
              'The touchpoint: its name on the journey map (case does not matter) or its id',
            ),
            severity: z
              .number()
              .int()
              .min(1)
              .max(5)
              .describe('1 (a nuisance) to 5 (blocks work)'),
            text: z
              .string()
              .max(2000)
              .optional()
              .describe(
                'What happened, in the user’s words; shown to others only among the reports of at least k people',
              ),
          })
          .strict(),
      output: z =>
        z.object({
          status: z.literal('recorded'),
          entityRef: z.string(),
          stage: z.string().describe('Stage of the touchpoint'),
          touchpoint: z.string().describe('Name of the touchpoint'),
          touchpointId: z.string(),
        }),
    },
    examples: [
      {
        title: 'Slow checks on the CI/CD pipeline',
        input: {
          entityRef: 'system:default/ci-cd-pipeline',
          touchpoint: 'Wait for checks',
          severity: 4,
          text: 'Checks took 40 minutes and then timed out',
        },
        output: {
          status: 'recorded',
          entityRef: 'system:default/ci-cd-pipeline',
          stage: 'Commit',
          touchpoint: 'Wait for checks',
          touchpointId: 'f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
        },
      },
    ],
    action: async context => {
      const { input } = context;
      const output = await performWrite(context, {
        auditor,
        action: NAME,
        eventId: 'friction-report',
        severityLevel: 'low',
        anonymous: true,
        allow: ['user'],
        refusal: `${NAME} reports as the calling user; a service imports reports through POST /entities/{kind}/{namespace}/{name}/friction, naming each reporter`,
        write: async caller => {
          const ref = parseEntityRefInput(input.entityRef);
          const journey = await journeys.getJourney(ref, caller);
          const found = findTouchpoint(journey, input.touchpoint);
          await journeys.reportFriction(
            ref,
            {
              touchpointId: found.touchpointId,
              severity: input.severity,
              ...(input.text !== undefined ? { text: input.text } : {}),
            },
            caller,
          );
          return {
            status: 'recorded' as const,
            entityRef: stringifyEntityRef(ref),
            ...found,
          };
        },
        result: ({ touchpointId }) => ({ touchpointId }),
      });
      return { output };
    },
  });
}

/**
 * The touchpoint `given` names: the one with that id, else the one with that
 * name (ignoring case and surrounding space). A name on more than one stage,
 * or none, is refused with the touchpoints to choose from.
 */
export function findTouchpoint(
  journey: Journey,
  given: string,
): { stage: string; touchpoint: string; touchpointId: string } {
  const all = journey.stages.flatMap(stage =>
    stage.touchpoints.map(t => ({
      stage: stage.name,
      touchpoint: t.name,
      touchpointId: t.id,
    })),
  );
  const byId = all.find(t => t.touchpointId === given);
  if (byId) return byId;
  const name = given.trim().toLocaleLowerCase('en-US');
  const named = all.filter(
    t => t.touchpoint.trim().toLocaleLowerCase('en-US') === name,
  );
  if (named.length === 1) return named[0];
  const describe = (list: typeof all) =>
    list
      .slice(0, LISTED_TOUCHPOINTS)
      .map(t => `'${t.touchpoint}' (stage '${t.stage}', id ${t.touchpointId})`)
      .join(', ') + (list.length > LISTED_TOUCHPOINTS ? ', …' : '');
  if (named.length > 1) {
    throw new InputError(
      `input.touchpoint: '${given}' names ${named.length} touchpoints of ${
        journey.entityRef
      }; give the id of one: ${describe(named)}`,
    );
  }
  throw new InputError(
    all.length === 0
      ? `input.touchpoint: ${journey.entityRef} has no touchpoints yet; its owners map its journey first`
      : `input.touchpoint: '${given}' is not a touchpoint of ${
          journey.entityRef
        }; its touchpoints are ${describe(all)}`,
  );
}
