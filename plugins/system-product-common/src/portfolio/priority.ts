import { InvestmentPriority } from './types';

/** User groups at which a system product's impact is full. @public */
export const FULL_IMPACT_USER_GROUPS = 5;

/** What the score of a system product is computed from. @public */
export interface InvestmentPriorityInput {
  /** Its primary user groups (`system-product/users`). */
  userGroups: number;
  /** Mean friction severity (1 to 5), null while withheld or unreported. */
  averageSeverity: number | null;
  /** Friction reports behind the severity. */
  frictionReports: number;
  /** NPS (−100 to 100) and CSAT (% satisfied) of the latest round at k, else null. */
  nps: number | null;
  csat: number | null;
  /** Its SLOs by status at the latest evaluation (no-data ones left out). */
  slos: { breached: number; atRisk: number; met: number };
  /** Roadmap items planned or in progress. */
  activeRoadmapItems: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * "Where to invest first", on fixed scales so that a system product has the
 * same score on every page, whatever else the page lists:
 *
 *   impact          = min(userGroups, 5) / 5
 *   friction        = (meanSeverity − 1) / 4            null without a shown severity
 *   dissatisfaction = mean of (100 − NPS) / 200 and (100 − CSAT) / 100,
 *                     of those known                    null without survey figures
 *   slo             = (breached + atRisk / 2) / (breached + atRisk + met)
 *                                                       null without evaluated SLOs
 *   need            = mean of friction, dissatisfaction and slo, of those known;
 *                     0 when none is (nothing says it hurts)
 *   support         = 0.5 + 0.25 × min(activeRoadmapItems, 2)
 *   score           = impact × need × support           0 to 1
 *
 * `reasons` says in words what each part stands on, for the row's "why".
 *
 * @public
 */
export function investmentPriority(
  input: InvestmentPriorityInput,
): InvestmentPriority {
  const groups = Math.max(0, input.userGroups);
  const impact =
    Math.min(groups, FULL_IMPACT_USER_GROUPS) / FULL_IMPACT_USER_GROUPS;
  const friction =
    input.averageSeverity === null ? null : (input.averageSeverity - 1) / 4;
  const survey = [
    input.nps === null ? null : (100 - input.nps) / 200,
    input.csat === null ? null : (100 - input.csat) / 100,
  ].filter((v): v is number => v !== null);
  const dissatisfaction =
    survey.length === 0
      ? null
      : survey.reduce((a, b) => a + b, 0) / survey.length;
  const { breached, atRisk, met } = input.slos;
  const evaluated = breached + atRisk + met;
  const slo = evaluated === 0 ? null : (breached + atRisk / 2) / evaluated;
  const known = [friction, dissatisfaction, slo].filter(
    (v): v is number => v !== null,
  );
  const need =
    known.length === 0 ? 0 : known.reduce((a, b) => a + b, 0) / known.length;
  const active = Math.max(0, input.activeRoadmapItems);
  const support = 0.5 + 0.25 * Math.min(active, 2);

  const reasons: string[] = [
    groups === 0
      ? 'No user groups named (system-product/users), so no impact'
      : `${plural(groups, 'user group')} depend${
          groups === 1 ? 's' : ''
        } on it`,
  ];
  if (friction !== null) {
    reasons.push(
      `Friction ${round1(input.averageSeverity!)} of 5 from ${plural(
        input.frictionReports,
        'report',
      )}`,
    );
  }
  if (dissatisfaction !== null) {
    const figures = [
      input.nps === null ? null : `NPS ${Math.round(input.nps)}`,
      input.csat === null ? null : `${Math.round(input.csat)}% satisfied`,
    ].filter(Boolean);
    reasons.push(`Survey: ${figures.join(', ')}`);
  }
  if (slo !== null) {
    reasons.push(`SLOs: ${breached} breached, ${atRisk} at risk, ${met} met`);
  }
  if (known.length === 0) {
    reasons.push(
      'No friction, survey or SLO figures yet: nothing says it hurts',
    );
  }
  reasons.push(
    active === 0
      ? 'No roadmap item planned or in progress'
      : `${plural(active, 'roadmap item')} planned or in progress`,
  );
  return {
    impact,
    friction,
    dissatisfaction,
    slo,
    need,
    support,
    score: impact * need * support,
    reasons,
  };
}
