import { SurveyQuestionKind } from '@system-product/backstage-plugin-common';

/**
 * A score with its unit: NPS in points (-100 to +100), the others as the
 * share of 4s and 5s in %: satisfied for CSAT, agree for Likert.
 */
export function formatScore(
  kind: SurveyQuestionKind,
  score: number | null,
): string {
  if (score === null) return 'no answers';
  if (kind === 'nps') {
    const rounded = Math.round(score);
    return `NPS ${rounded > 0 ? '+' : ''}${rounded}`;
  }
  return `${Math.round(score)}% ${kind === 'csat' ? 'satisfied' : 'agree'}`;
}
