import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { reviewToMarkdown } from '@system-product/backstage-plugin-common';
import { ReviewService } from '../services/ReviewService';
import { entityRefField } from './actionSchemas';
import { parseEntityRefInput } from './parseEntityRefInput';

/**
 * Registers `get-system-product-review`: the newest review digest of a
 * system product, as Markdown, read with the caller's credentials.
 */
export function createGetSystemProductReviewAction(options: {
  actionsRegistry: ActionsRegistryService;
  reviews: Pick<ReviewService, 'list' | 'get'>;
}): void {
  const { actionsRegistry, reviews } = options;
  actionsRegistry.register({
    name: 'get-system-product-review',
    title: 'Get system product review',
    description: `The newest review of a delivery system treated as a product: what changed in the week or month
it covers against the one before — SLO status and error budget spent, DORA figures, survey and moment (micro-survey)
results, new and rising friction on the user journey, items shipped with their metric before and after, and items due
next. Survey figures appear only with enough answers behind them, as everywhere in the portal. Null when the system
has no review yet (an owner turns reviews on, weekly or monthly, or makes one on the Canvas tab).
Use it for questions such as "what changed on the CI/CD pipeline this week?".`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({ entityRef: entityRefField(z) }),
      output: z =>
        z.object({
          entityRef: z.string(),
          review: z
            .object({
              id: z.string(),
              cadence: z.enum(['weekly', 'monthly']),
              from: z.string(),
              to: z.string(),
              markdown: z.string().describe('The review as Markdown'),
            })
            .nullable(),
        }),
    },
    examples: [
      {
        title: 'What changed on the CI/CD pipeline',
        input: { entityRef: 'system:default/ci-cd-pipeline' },
      },
    ],
    action: async ({ input, credentials }) => {
      const ref = parseEntityRefInput(input.entityRef);
      const [newest] = await reviews.list(ref, credentials);
      const review = newest && (await reviews.get(ref, newest.id, credentials));
      return {
        output: {
          entityRef: stringifyEntityRef(ref),
          review: review
            ? {
                id: review.id,
                cadence: review.cadence,
                from: review.from,
                to: review.to,
                markdown: reviewToMarkdown(review),
              }
            : null,
        },
      };
    },
  });
}
