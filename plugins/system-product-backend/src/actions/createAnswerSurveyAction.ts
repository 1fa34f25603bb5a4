import { AuditorService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { SurveyService } from '../services/SurveyService';
import { WRITE_ACTION_ATTRIBUTES, performWrite } from './performWrite';

const NAME = 'answer-system-product-survey';
const MAX_ANSWERS = 50;

/**
 * Registers `answer-system-product-survey`: the calling user answers an open
 * survey round, as `POST /surveys/{roundId}/responses` does. Who answered is
 * kept only as a key of the round; the output says nothing of anyone else.
 */
export function createAnswerSurveyAction(options: {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
  surveys: Pick<SurveyService, 'answer'>;
}): void {
  const { actionsRegistry, auditor, surveys } = options;
  actionsRegistry.register({
    name: NAME,
    title: 'Answer a system product survey',
    description: `Answers, as the calling user, an open round of the satisfaction survey of a delivery system
treated as a product. Answers are anonymous: only a key of the respondent is kept, and results are shown only in
aggregate once at least k people answered. Answering the same round again replaces the user's earlier answer.
Any user who can see the system may answer while the round is open; a closed round is refused.
The round id and the question ids come from open-system-product-survey-round. Questions of the default
platform-pulse template: nps (0 to 10), csat (1 to 5), ease and knowledge (1 strongly disagree to 5 strongly agree),
and the texts time, complex, recurring and easier. Leave out questions the user did not answer.`,
    attributes: WRITE_ACTION_ATTRIBUTES,
    schema: {
      input: z =>
        z
          .object({
            roundId: z
              .string()
              .min(1)
              .max(64)
              .describe('Id of the open survey round'),
            answers: z
              .record(
                z.union([
                  z.number().int(),
                  z.string().max(2000),
                  z.array(z.number().int()).min(1).max(20),
                ]),
              )
              .refine(
                answers =>
                  Object.keys(answers).length >= 1 &&
                  Object.keys(answers).length <= MAX_ANSWERS,
                `must have 1 to ${MAX_ANSWERS} answers`,
              )
              .describe(
                `Question id to the answer: an integer in the question's range for nps, csat and likert, a text of at most 2000 characters for text, an option's index (from 0) for single, an array of distinct option indexes for multiple; 1 to ${MAX_ANSWERS} of them`,
              ),
          })
          .strict(),
      output: z =>
        z.object({
          roundId: z.string(),
          replaced: z
            .boolean()
            .describe('Whether it replaced the caller’s earlier answer'),
        }),
    },
    examples: [
      {
        title: 'Answer the pulse survey of the CI/CD pipeline',
        input: {
          roundId: '6f1e1f0a-3c2b-4d5e-9f8a-7b6c5d4e3f2a',
          answers: {
            nps: 8,
            csat: 4,
            complex: 'Getting a preview environment takes three tickets',
          },
        },
        output: {
          roundId: '6f1e1f0a-3c2b-4d5e-9f8a-7b6c5d4e3f2a',
          replaced: false,
        },
      },
    ],
    action: async context => {
      const { input } = context;
      const { roundId, replaced } = await performWrite(context, {
        auditor,
        action: NAME,
        eventId: 'survey-answer',
        severityLevel: 'low',
        anonymous: true,
        allow: ['user'],
        refusal: `${NAME} answers as the calling user; a service imports answers through POST /surveys/{roundId}/responses, naming each respondent`,
        write: caller =>
          surveys.answer(input.roundId, { answers: input.answers }, caller),
        result: answered => ({ replaced: answered.replaced }),
      });
      // Only what concerns the caller's own answer: nothing of who else answered.
      return { output: { roundId, replaced } };
    },
  });
}
