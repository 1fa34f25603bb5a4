import { Knex } from 'knex';
import { LoadResult } from './loadDriver';

/** One finding of a check: what was expected and what the database holds. */
export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * Checks the database against what the clients were told:
 *
 * - no acknowledged answer or event is missing (no lost write), and no
 *   answer appears that was never sent;
 * - a failed event batch is stored whole or not at all (no partial write);
 * - each round's kept figures agree with its responses: the response count,
 *   the value counts of every scored question and the text answers.
 */
export async function checkWrites(
  db: Knex,
  result: LoadResult,
  seededResponses: Map<string, number>,
): Promise<CheckResult[]> {
  const checks: CheckResult[] = [];

  const problems: string[] = [];
  for (const [roundId, acked] of result.acknowledgedAnswers) {
    const failed = result.failedAnswers.get(roundId)!;
    const maybe = [...failed].filter(r => !acked.has(r)).length;
    const [{ n }] = await db('survey_responses')
      .where({ round_id: roundId })
      .count({ n: '*' });
    const stored = Number(n) - (seededResponses.get(roundId) ?? 0);
    if (stored < acked.size || stored > acked.size + maybe) {
      problems.push(
        `round ${roundId}: ${stored} stored, ${acked.size} acknowledged, ${maybe} failed`,
      );
    }
  }
  const ackedAnswers = [...result.acknowledgedAnswers.values()].reduce(
    (sum, s) => sum + s.size,
    0,
  );
  checks.push({
    name: 'every acknowledged survey answer is stored, once',
    ok: problems.length === 0,
    detail:
      problems.join('; ') ||
      `${ackedAnswers} distinct respondents acknowledged and stored`,
  });

  const batchProblems: string[] = [];
  let ackedEvents = 0;
  for (let i = 0; i < result.eventBatches.length; i += 200) {
    const batches = result.eventBatches.slice(i, i + 200);
    const ids = batches.flatMap(b => b.ids);
    const stored = new Set<string>(
      await db('delivery_events').whereIn('event_id', ids).pluck('event_id'),
    );
    for (const batch of batches) {
      const present = batch.ids.filter(id => stored.has(id)).length;
      if (batch.acknowledged) ackedEvents += batch.ids.length;
      if (batch.acknowledged && present !== batch.ids.length) {
        batchProblems.push(
          `acknowledged batch ${batch.ids[0]}: ${present} of ${batch.ids.length} stored`,
        );
      } else if (present !== 0 && present !== batch.ids.length) {
        batchProblems.push(
          `failed batch ${batch.ids[0]}: ${present} of ${batch.ids.length} stored`,
        );
      }
    }
  }
  checks.push({
    name: 'every acknowledged event batch is stored whole, a failed one whole or not at all',
    ok: batchProblems.length === 0,
    detail:
      batchProblems.slice(0, 5).join('; ') ||
      `${ackedEvents} acknowledged events stored in ${result.eventBatches.length} batches`,
  });

  const counted = await db('survey_rounds as r')
    .leftJoin(
      db('survey_responses')
        .groupBy('round_id')
        .select('round_id', db.raw('count(*) as n'))
        .as('s'),
      's.round_id',
      'r.id',
    )
    .whereRaw('r.response_count <> coalesce(s.n, 0)')
    .select('r.id', 'r.response_count', 's.n');
  const scored = await db.raw(`
    select c.round_id, c.question_id, c.total, coalesce(a.n, 0) as answered
    from (select round_id, question_id, sum(count) as total
          from survey_answer_counts group by 1, 2) c
    left join (select round_id, q.key as question_id, count(*) as n
               from survey_responses, json_each(answers::json -> 'scored') q
               group by 1, 2) a
      on a.round_id = c.round_id and a.question_id = c.question_id
    where c.total <> coalesce(a.n, 0)`);
  const texts = await db.raw(`
    select r.round_id, count(*) as n
    from survey_responses r, json_each_text(r.answers::json -> 'text') t
    where length(trim(t.value)) > 0
      and not exists (select 1 from survey_text_answers x
                      where x.response_id = r.id and x.question_id = t.key)
    group by 1`);
  const mismatches = [
    ...counted.map(
      (r: any) => `round ${r.id}: count ${r.response_count}, rows ${r.n ?? 0}`,
    ),
    ...scored.rows.map(
      (r: any) =>
        `round ${r.round_id} ${r.question_id}: counts ${r.total}, answers ${r.answered}`,
    ),
    ...texts.rows.map(
      (r: any) => `round ${r.round_id}: ${r.n} text answers without their row`,
    ),
  ];
  checks.push({
    name: "each round's kept counts and texts agree with its responses",
    ok: mismatches.length === 0,
    detail: mismatches.slice(0, 5).join('; ') || 'all rounds agree',
  });
  return checks;
}

/** Prints checks as `ok`/`FAIL` lines and returns how many passed and failed. */
export function reportChecks(
  label: string,
  checks: CheckResult[],
): { passed: number; failed: number } {
  for (const check of checks) {
    console.log(
      `${check.ok ? 'ok  ' : 'FAIL'} ${label}: ${check.name} (${check.detail})`,
    );
  }
  const passed = checks.filter(c => c.ok).length;
  return { passed, failed: checks.length - passed };
}
