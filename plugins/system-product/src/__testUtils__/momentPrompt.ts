import { MomentPrompt } from '@system-product/backstage-plugin-common';

/**
 * An open prompt of the example system about a production deployment ten
 * minutes ago, answerable for a week, with a text question; `changes` fill
 * it in.
 */
export function momentPrompt(
  changes: Partial<MomentPrompt> = {},
): MomentPrompt {
  return {
    id: 'p1',
    entityRef: 'system:default/ci-cd-pipeline',
    question: 'How did this production deployment go?',
    textQuestion: 'What got in your way?',
    eventSummary: 'deployment to production, succeeded',
    promptedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    answered: false,
    ...changes,
  };
}
