import { PortfolioEntry } from '@system-product/backstage-plugin-common';
import { formatScore } from './formatScore';

/** The figures of a portfolio entry as display text, each with its unit. */
export function formatFigures(entry: PortfolioEntry) {
  const { survey, friction, roadmap, slos, priority } = entry;
  return {
    responses:
      survey.responses === null
        ? 'no survey yet'
        : `${survey.responses} responses`,
    nps: survey.nps === null ? '–' : formatScore('nps', survey.nps),
    csat: survey.csat === null ? '–' : `${Math.round(survey.csat)}% satisfied`,
    friction:
      friction.averageSeverity === null
        ? 'none reported'
        : `${friction.averageSeverity.toFixed(1)} of 5 (${
            friction.reports
          } reports)`,
    roadmap:
      roadmap.total === 0
        ? 'no items'
        : `${roadmap.shipped} of ${roadmap.total} shipped, ${roadmap.inProgress} in progress`,
    slos: formatSlos(slos),
    priority: `${Math.round(priority.score * 100)} of 100`,
  };
}

function formatSlos(slos: PortfolioEntry['slos']): string {
  if (slos.evaluatedAt === null) return 'not evaluated yet';
  const parts = [
    [slos.breached, 'breached'],
    [slos.atRisk, 'at risk'],
    [slos.met, 'met'],
    [slos.noData, 'without data'],
  ] as const;
  return parts
    .filter(([count]) => count > 0)
    .map(([count, label]) => `${count} ${label}`)
    .join(', ');
}
