import { AuditorService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { JourneyService } from '../services/JourneyService';
import { entityRefField, nonBlankName } from './actionSchemas';
import { findTouchpoint } from './createReportFrictionAction';
import { parseEntityRefInput } from './parseEntityRefInput';
import { WRITE_ACTION_ATTRIBUTES, performWrite } from './performWrite';

const NAME = 'say-me-too-on-system-product-friction';

/**
 * Registers `say-me-too-on-system-product-friction`: the calling user adds
 * their weight to the friction of a touchpoint ("me too") or withdraws it, as
 * `PUT`/`DELETE .../touchpoints/:touchpointId/me-too` do.
 */
export function createSayMeTooAction(options: {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
  journeys: Pick<JourneyService, 'getJourney' | 'setMeToo'>;
}): void {
  const { actionsRegistry, auditor, journeys } = options;
  actionsRegistry.register({
    name: NAME,
    title: 'Say "me too" on friction in a system product journey',
    description: `Adds the calling user's weight to the friction others reported at a touchpoint (a step such as
"Wait for checks") of the user journey of a delivery system treated as a product, without a report of their own;
with withdraw true, takes it back. A person counts once however often they say it, kept only as a key; the count is
shown only once several people said it. Name the touchpoint by its name on the journey map or by its id.
Use it when a user says something like "the checks are slow for me too".`,
    // Saying it twice counts once; withdrawing removes only the caller's own.
    attributes: { ...WRITE_ACTION_ATTRIBUTES, idempotent: true },
    schema: {
      input: z =>
        z
          .object({
            entityRef: entityRefField(z),
            touchpoint: nonBlankName(z).describe(
              'The touchpoint: its name on the journey map (case does not matter) or its id',
            ),
            withdraw: z
              .boolean()
              .optional()
              .describe('true takes back an earlier "me too"'),
          })
          .strict(),
      output: z =>
        z.object({
          entityRef: z.string(),
          stage: z.string().describe('Stage of the touchpoint'),
          touchpoint: z.string().describe('Name of the touchpoint'),
          touchpointId: z.string(),
          youSaidMeToo: z.boolean(),
          meToo: z
            .number()
            .nullable()
            .describe(
              'How many people said "me too" there; null while fewer than k did',
            ),
        }),
    },
    examples: [
      {
        title: 'Slow checks on the CI/CD pipeline, me too',
        input: {
          entityRef: 'system:default/ci-cd-pipeline',
          touchpoint: 'Wait for checks',
        },
        output: {
          entityRef: 'system:default/ci-cd-pipeline',
          stage: 'Commit',
          touchpoint: 'Wait for checks',
          touchpointId: 'f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
          youSaidMeToo: true,
          meToo: 7,
        },
      },
    ],
    action: async context => {
      const { input } = context;
      const withdraw = input.withdraw === true;
      const output = await performWrite(context, {
        auditor,
        action: NAME,
        eventId: withdraw ? 'friction-me-too-withdraw' : 'friction-me-too',
        severityLevel: 'low',
        anonymous: true,
        allow: ['user'],
        refusal: `${NAME} speaks for the calling user; a service has nobody to say it for`,
        write: async caller => {
          const ref = parseEntityRefInput(input.entityRef);
          const journey = await journeys.getJourney(ref, caller);
          const found = findTouchpoint(journey, input.touchpoint);
          const friction = await journeys.setMeToo(
            ref,
            found.touchpointId,
            !withdraw,
            caller,
          );
          return {
            entityRef: stringifyEntityRef(ref),
            ...found,
            youSaidMeToo: friction.youSaidMeToo,
            meToo: friction.meToo,
          };
        },
        result: ({ touchpointId }) => ({ touchpointId }),
      });
      return { output };
    },
  });
}
