import type { ReviewDigest } from './types';

const pct = (v: number | null) =>
  v === null ? '–' : `${Math.round(v * 1000) / 10} %`;
const num = (v: number | null, digits = 1) =>
  v === null ? '–' : String(Math.round(v * 10 ** digits) / 10 ** digits);
const hours = (seconds: number | null) =>
  seconds === null ? '–' : `${num(seconds / 3600)} h`;
const day = (iso: string) => iso.slice(0, 10);

/**
 * A review as Markdown, for a wiki page or a retrospective's notes: the same
 * figures as the review, so the same k-anonymity (nothing is added).
 *
 * @public
 */
export function reviewToMarkdown(review: ReviewDigest): string {
  const lines: string[] = [
    `# Review of ${review.entityRef}: ${day(review.from)} to ${day(review.to)}`,
    '',
    `${
      review.cadence === 'weekly' ? 'Weekly' : 'Monthly'
    } review, assembled ${day(review.createdAt)}; "before" is ${day(
      review.previousFrom,
    )} to ${day(review.from)}.`,
    '',
    '## SLOs',
    '',
  ];
  if (review.slos.length === 0) lines.push('No SLOs were evaluated.');
  for (const slo of review.slos) {
    lines.push(
      `- ${slo.name}: ${slo.status ?? 'not evaluated'} (was ${
        slo.previousStatus ?? 'not evaluated'
      }), budget left ${pct(slo.remaining)}, spent in the period ${pct(
        slo.budgetSpent,
      )}`,
    );
  }
  const { dora } = review;
  lines.push(
    '',
    `## DORA (${dora.days} days, now against before)`,
    '',
    `- Deployments: ${num(dora.deployments.now, 0)} against ${num(
      dora.deployments.before,
      0,
    )}`,
    `- Change lead time: ${hours(
      dora.changeLeadTimeSeconds.now,
    )} against ${hours(dora.changeLeadTimeSeconds.before)}`,
    `- Change failure rate: ${pct(dora.changeFailureRate.now)} against ${pct(
      dora.changeFailureRate.before,
    )}`,
    `- Failed deployment recovery time: ${hours(
      dora.recoveryTimeSeconds.now,
    )} against ${hours(dora.recoveryTimeSeconds.before)}`,
    '',
    '## Feedback',
    '',
  );
  if (review.feedback.length === 0) {
    lines.push(
      `No survey or moment round had results yet (they need ${review.minResponses} responses).`,
    );
  }
  for (const round of review.feedback) {
    const scores = Object.entries(round.scores)
      .map(([q, v]) => {
        const before = round.previousScores?.[q];
        return `${q} ${num(v)}${
          before === undefined ? '' : ` (before ${num(before ?? null)})`
        }`;
      })
      .join(', ');
    lines.push(
      `- ${round.title} (${round.kind}, ${round.publishedResponses} responses): ${scores}`,
    );
  }
  lines.push('', '## Friction', '');
  if (review.friction.length === 0) lines.push('No friction was reported.');
  for (const f of review.friction) {
    lines.push(
      `- ${f.touchpoint}: ${f.reports} reports (before ${f.reportsBefore}), ${
        f.trend
      }${
        f.averageSeverity === null
          ? ''
          : `, mean severity ${num(f.averageSeverity)} of 5`
      }`,
    );
  }
  lines.push('', '## Shipped', '');
  if (review.shipped.length === 0) lines.push('Nothing shipped.');
  for (const item of review.shipped) {
    const change =
      item.metric && item.metricBefore !== null && item.metricAfter !== null
        ? `: ${item.metric} ${item.metricBefore} → ${item.metricAfter}${
            item.metricUnit ? ` ${item.metricUnit}` : ''
          }`
        : '';
    lines.push(`- ${item.title} (${day(item.shippedAt)})${change}`);
  }
  lines.push('', '## Coming up', '');
  if (review.upcoming.length === 0) lines.push('Nothing is due next period.');
  for (const item of review.upcoming) {
    const open =
      item.openMilestones.length > 0
        ? `; open: ${item.openMilestones.join(', ')}`
        : '';
    lines.push(
      `- ${item.title}, ${item.status}, due ${item.targetDate}${open}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const cell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * A review as CSV, one figure a row (section, subject, figure, now, before),
 * for a spreadsheet: the same figures as the review.
 *
 * @public
 */
export function reviewToCsv(review: ReviewDigest): string {
  const rows: Array<Array<string | number | null>> = [
    ['section', 'subject', 'figure', 'now', 'before'],
  ];
  for (const slo of review.slos) {
    rows.push(['slo', slo.name, 'status', slo.status, slo.previousStatus]);
    rows.push([
      'slo',
      slo.name,
      'budget remaining',
      slo.remaining,
      slo.remainingAtStart,
    ]);
  }
  const { dora } = review;
  for (const [figure, change] of [
    ['deployments', dora.deployments],
    ['change lead time seconds', dora.changeLeadTimeSeconds],
    ['change failure rate', dora.changeFailureRate],
    ['recovery time seconds', dora.recoveryTimeSeconds],
  ] as const) {
    rows.push(['dora', `${dora.days} days`, figure, change.now, change.before]);
  }
  for (const round of review.feedback) {
    for (const [question, score] of Object.entries(round.scores)) {
      rows.push([
        round.kind,
        round.title,
        question,
        score,
        round.previousScores?.[question] ?? null,
      ]);
    }
  }
  for (const f of review.friction) {
    rows.push([
      'friction',
      f.touchpoint,
      'reports',
      f.reports,
      f.reportsBefore,
    ]);
  }
  for (const item of review.shipped) {
    rows.push([
      'shipped',
      item.title,
      item.metric ?? 'shipped',
      item.metricAfter,
      item.metricBefore,
    ]);
  }
  for (const item of review.upcoming) {
    rows.push(['upcoming', item.title, 'due', item.targetDate, null]);
  }
  return `${rows.map(r => r.map(cell).join(',')).join('\n')}\n`;
}
