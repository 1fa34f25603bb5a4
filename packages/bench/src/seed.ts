import { Knex } from 'knex';
import { benchSystemRef } from './entities';

/** How much data a run seeds. */
export interface SeedSize {
  entities: number;
  surveyResponses: number;
  events: number;
  /** Days back the events spread over (30 unless given). */
  days?: number;
}

// Rows per INSERT … SELECT: large enough to be fast, small enough to report progress.
const EVENT_CHUNK = 100_000;

/**
 * Which entity a generated row belongs to: the square of a uniform draw, so a
 * few entities are busy and most are quiet (the busiest of 200 gets about 7%).
 */
export const SKEWED_ENTITY = (entities: number) =>
  `least(${entities - 1}, floor(${entities} * power(random(), 2)))::int`;

/** ISO 8601 text of a timestamptz, as clients post it. */
const ISO = (column: string) =>
  `to_char((${column}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Seeds delivery events the way ingestion stores them (derived duration
 * columns and the posted JSON as payload), spread over the last `days` (30):
 * 40% deployments (80% to production, 3% failed), 30% builds, 5% incidents
 * caused by a deployment, 15% tickets and 10% custom measurements.
 * Generated in the server (generate_series), with a fixed random seed.
 */
/**
 * The month partitions of the events table for the seeded days (the plugin
 * makes the current month and the next three when it starts; events of
 * other months would wait in the default partition).
 */
async function makeMonthPartitions(knex: Knex, days: number): Promise<void> {
  const now = new Date();
  const first = new Date(now.getTime() - days * 86_400_000);
  for (
    let y = first.getUTCFullYear(), m = first.getUTCMonth();
    Date.UTC(y, m) <= now.getTime();
    m === 11 ? ((y += 1), (m = 0)) : (m += 1)
  ) {
    const from = new Date(Date.UTC(y, m)).toISOString();
    const to = new Date(Date.UTC(y, m + 1)).toISOString();
    const name = `delivery_events_p${y}${String(m + 1).padStart(2, '0')}`;
    // DDL takes no bound values: the bounds are ISO literals made here.
    await knex.raw(
      `create table if not exists ?? partition of delivery_events for values from ('${from}') to ('${to}')`,
      [name],
    );
  }
}

export async function seedEvents(
  knex: Knex,
  size: SeedSize,
  log: (line: string) => void,
  /** The first event's number: more events on top of those seeded (`size.events` is then the total). */
  start = 0,
): Promise<void> {
  const refs = Array.from({ length: size.entities }, (_, i) =>
    benchSystemRef(i),
  );
  await makeMonthPartitions(knex, size.days ?? 30);
  for (let from = start; from < size.events; from += EVENT_CHUNK) {
    const to = Math.min(size.events, from + EVENT_CHUNK) - 1;
    await knex.transaction(async tx => {
      await tx.raw('select setseed(?)', [(from / size.events) * 0.5 + 0.1]);
      await tx.raw(
        `
        with seeded as (
        insert into delivery_events (event_id, entity_ref, type, occurred_at,
          succeeded, environment, name, value, lead_seconds, detect_seconds,
          restore_seconds, response_seconds, resolve_seconds, duration_seconds,
          caused_by, payload, received_at)
        select id, ref, type, at,
          case when type in ('deployment', 'build') then r1 < 0.97 end,
          case when type = 'deployment' then case when r2 < 0.8 then 'production' else 'staging' end
               when type = 'incident' then 'production' end,
          case when type = 'custom' then 'availability' end,
          case when type = 'custom' then r1 end,
          case when type = 'deployment' then round(600 + r3 * 150000) end,
          case when type = 'incident' then round(60 + r2 * 1800) end,
          case when type = 'incident' then round(600 + r3 * 20000) end,
          case when type = 'ticket' then round(60 + r2 * 7200) end,
          case when type = 'ticket' then round(3600 + r3 * 400000) end,
          case when type = 'build' then round(60 + r3 * 900) end,
          case when type = 'incident' then 'seed-' || (i - 14) end,
          case type
            when 'deployment' then json_build_object('id', id, 'type', type,
              'entityRef', ref, 'commitSha', md5(id),
              'commitTime', ${ISO(
                'at - make_interval(secs => round(600 + r3 * 150000))',
              )},
              'deployTime', ${ISO('at')},
              'environment', case when r2 < 0.8 then 'production' else 'staging' end,
              'succeeded', r1 < 0.97)
            when 'build' then json_build_object('id', id, 'type', type,
              'entityRef', ref, 'finished', ${ISO('at')},
              'succeeded', r1 < 0.97, 'durationSeconds', round(60 + r3 * 900))
            when 'incident' then json_build_object('id', id, 'type', type,
              'entityRef', ref, 'started', ${ISO('at')},
              'detected', ${ISO(
                'at + make_interval(secs => round(60 + r2 * 1800))',
              )},
              'resolved', ${ISO(
                'at + make_interval(secs => round(600 + r3 * 20000))',
              )},
              'environment', 'production', 'causedByDeployment', 'seed-' || (i - 14))
            when 'ticket' then json_build_object('id', id, 'type', type,
              'entityRef', ref, 'opened', ${ISO('at')},
              'firstResponse', ${ISO(
                'at + make_interval(secs => round(60 + r2 * 7200))',
              )},
              'resolved', ${ISO(
                'at + make_interval(secs => round(3600 + r3 * 400000))',
              )})
            else json_build_object('id', id, 'type', type, 'entityRef', ref,
              'time', ${ISO('at')}, 'name', 'availability', 'value', r1)
          end::text,
          at
        from (
          select i, 'seed-' || i as id, (?::text[])[e + 1] as ref,
            case when k < 8 then 'deployment' when k < 14 then 'build'
                 when k = 14 then 'incident' when k < 18 then 'ticket'
                 else 'custom' end as type,
            now() - random() * make_interval(days => ?::int) as at,
            random() as r1, random() as r2, random() as r3
          from (
            select i, i % 20 as k, ${SKEWED_ENTITY(size.entities)} as e
            from generate_series(?::int, ?::int) as i
          ) drawn
        ) g
        returning entity_ref, event_id, occurred_at)
        -- The plugin keeps (entity, id) unique in delivery_event_ids: the
        -- events table, partitioned by month, cannot.
        insert into delivery_event_ids (entity_ref, event_id, occurred_at)
        select entity_ref, event_id, occurred_at from seeded`,
        [refs, size.days ?? 30, from, to],
      );
    });
    log(`  events: ${to + 1} of ${size.events}`);
  }
  await knex.raw('analyze delivery_events');
  await knex.raw('analyze delivery_event_ids');
}

/**
 * Seeds survey rounds and responses as the plugin keeps them: each entity has
 * a closed round and a current one; responses (70% to the current round, on
 * skewed entities) carry the four scored questions and, for 30%, a text
 * answer; the kept counts and text rows are derived from the responses in SQL.
 */
export async function seedSurveys(
  knex: Knex,
  size: SeedSize,
  log: (line: string) => void,
): Promise<void> {
  const rounds = Array.from({ length: size.entities }).flatMap((_, i) => {
    const entityRef = benchSystemRef(i);
    const day = 86_400_000;
    const now = Date.now();
    return [
      ['closed', now - 120 * day, now - 90 * day],
      ['current', now - 10 * day, now + 20 * day],
    ].map(([which, opens, closes]) => ({
      id: `bench-${i}-${which}`,
      entity_ref: entityRef,
      template_id: 'platform-pulse',
      title: `Bench pulse (${which})`,
      opens_at: new Date(opens as number),
      closes_at: new Date(closes as number),
      target_groups: JSON.stringify(['group:default/mobile']),
      response_count: 0,
      created_by: 'bench',
      created_at: new Date(opens as number),
    }));
  });
  for (let i = 0; i < rounds.length; i += 500) {
    await knex('survey_rounds').insert(rounds.slice(i, i + 500));
  }
  await addSurveyResponses(knex, size.entities, 1, size.surveyResponses, 0.7);
  log(`  survey responses: ${size.surveyResponses}`);
}

/**
 * Adds responses to the rounds {@link seedSurveys} made until there are
 * `total`, drawn alike (other respondents), in chunks, keeping the kept
 * counts, text rows and response counts in step.
 */
export async function growSurveys(
  knex: Knex,
  size: SeedSize,
  total: number,
  log: (line: string) => void,
): Promise<void> {
  for (let from = size.surveyResponses + 1; from <= total; ) {
    const to = Math.min(total, from + EVENT_CHUNK - 1);
    await addSurveyResponses(
      knex,
      size.entities,
      from,
      to,
      0.2 + from / total / 2,
    );
    log(`  survey responses: ${to} of ${total}`);
    from = to + 1;
  }
  // As a table that has stood a while: no dead tuples, visibility map set.
  await knex.raw(
    'vacuum analyze survey_rounds, survey_responses, survey_answer_counts, survey_text_answers',
  );
}

/** Responses `from`..`to` (respondent numbers) and what they add to the kept rows. */
async function addSurveyResponses(
  knex: Knex,
  entities: number,
  from: number,
  to: number,
  seed: number,
): Promise<void> {
  await knex.transaction(async tx => {
    const [{ before }] = await tx('survey_responses').max({ before: 'id' });
    const after = Number(before ?? 0);
    await tx.raw('select setseed(?)', [seed]);
    await tx.raw(
      `
      insert into survey_responses (round_id, respondent_key, answers, submitted_at)
      select 'bench-' || e || case when r0 < 0.7 then '-current' else '-closed' end,
        encode(sha256(('respondent-' || i)::bytea), 'hex'),
        json_build_object(
          'scored', json_build_object('nps', floor(r1 * 11)::int,
            'csat', 1 + floor(r2 * 5)::int, 'ease', 1 + floor(r3 * 5)::int,
            'knowledge', 1 + floor(r4 * 5)::int),
          'text', case when r5 < 0.3
            then json_build_object('complex', 'Waiting for review ' || i)
            else '{}'::json end)::text,
        now() - r0 * interval '10 days'
      from (
        select i, ${SKEWED_ENTITY(entities)} as e, random() as r0,
          random() as r1, random() as r2, random() as r3, random() as r4,
          random() as r5
        from generate_series(?::int, ?::int) as i
      ) drawn`,
      [from, to],
    );
    await tx.raw(
      `
      insert into survey_answer_counts (round_id, question_id, value, count)
      select round_id, q.key, q.value::int, count(*)
      from survey_responses, json_each_text(answers::json -> 'scored') q
      where id > ?
      group by 1, 2, 3
      on conflict (round_id, question_id, value)
        do update set count = survey_answer_counts.count + excluded.count`,
      [after],
    );
    await tx.raw(
      `
      insert into survey_text_answers (response_id, round_id, question_id, text)
      select id, round_id, t.key, t.value
      from survey_responses, json_each_text(answers::json -> 'text') t
      where id > ?`,
      [after],
    );
    await tx.raw(`
      update survey_rounds r set response_count = c.n
      from (select round_id, count(*) as n from survey_responses group by 1) c
      where r.id = c.round_id`);
  });
  await knex.raw(
    'analyze survey_rounds, survey_responses, survey_answer_counts, survey_text_answers',
  );
}
