/*
 * The survey results route against a peer: the data path of the Backstage
 * community plugin entity-feedback (its backend's DatabaseHandler), which
 * keeps every rating and aggregates them when asked. Its two public queries,
 * as getRatingsAggregates composes them: the latest rating per user per
 * entity, then those counted per rating. Its table is created as its
 * migration does (no index), on a database of its own, and seeded with as
 * many ratings as the plugin has survey answers, on the same skew.
 */
import { Knex } from 'knex';
import { Comparison } from './comparison';
import { benchSystemRef } from './entities';
import { SKEWED_ENTITY } from './seed';
import { median, round, timed } from './stats';

/** People who rate: each rates some entities, some more than once. */
const RATERS = 20_000;
const CHUNK = 100_000;

/** entity-feedback's `ratings` table, as its first migration creates it. */
export async function createRatingsTable(knex: Knex): Promise<void> {
  await knex.schema.createTable('ratings', table => {
    table.comment('Ratings table');
    table.string('entity_ref').notNullable();
    table.string('user_ref').notNullable();
    table.string('rating').notNullable();
    table.timestamp('timestamp').defaultTo(knex.fn.now()).notNullable();
  });
}

/**
 * Adds ratings until the table holds `total`: on `entities` skewed entities
 * as the survey responses are, 1 to 5 stars, by one of 20,000 people, over
 * the last 90 days. Generated in the server with a fixed random seed.
 */
export async function seedRatings(
  knex: Knex,
  entities: number,
  total: number,
): Promise<void> {
  const refs = Array.from({ length: entities }, (_, i) => benchSystemRef(i));
  const [{ n }] = await knex('ratings').count({ n: '*' });
  for (let from = Number(n) + 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    await knex.transaction(async tx => {
      await tx.raw('select setseed(?)', [0.3 + (from / total) * 0.5]);
      await tx.raw(
        `
        insert into ratings (entity_ref, user_ref, rating, timestamp)
        select (?::text[])[e + 1], 'user:default/person-' || floor(random() * ?)::int,
          (1 + floor(random() * 5)::int)::text,
          now() - random() * interval '90 days'
        from (
          select ${SKEWED_ENTITY(entities)} as e
          from generate_series(?::int, ?::int) as i
        ) drawn`,
        [refs, RATERS, from, to],
      );
    });
  }
  await knex.raw('vacuum analyze ratings');
}

/**
 * entity-feedback's getRatingsAggregates, built as it builds it: per entity,
 * each user's latest rating (the greatest timestamp), counted per rating.
 */
export async function ratingsAggregates(
  database: Knex,
  entityRefs: string[],
): Promise<{ entityRef: string; rating: string; count: number }[]> {
  return (
    await database('ratings')
      .whereIn('ratings.entity_ref', entityRefs)
      .innerJoin(
        database('ratings')
          .as('latest_ratings')
          .select('entity_ref', 'user_ref')
          .max('timestamp', { as: 'timestamp' })
          .whereIn('entity_ref', entityRefs)
          .groupBy('entity_ref', 'user_ref'),
        function joinClause() {
          this.on('ratings.entity_ref', '=', 'latest_ratings.entity_ref')
            .andOn('ratings.user_ref', '=', 'latest_ratings.user_ref')
            .andOn('ratings.timestamp', '=', 'latest_ratings.timestamp');
        },
      )
      .select('ratings.entity_ref', 'rating')
      .count('ratings.user_ref as count')
      .groupBy('ratings.entity_ref', 'rating')
  ).map(({ entity_ref, rating, count }) => ({
    entityRef: entity_ref as string,
    rating: rating as string,
    count: Number(count),
  }));
}

/**
 * Times our results route (over HTTP, auth, the catalog and all) and the
 * peer's aggregate of the same entity (its SQL through knex, nothing else),
 * alternately, and compares the medians.
 */
export async function comparePeer(options: {
  answers: number;
  entities: number;
  target: number;
  iterations: number;
  /** The busiest round of ours: its id and its entity. */
  round: { id: string; entityRef: string; responses: number };
  call: (path: string) => Promise<string>;
  peerDb: Knex;
}): Promise<Comparison> {
  const { round: ours, call, peerDb, iterations, target } = options;
  const path = `/surveys/${ours.id}/results`;
  const [{ n }] = await peerDb('ratings')
    .where('entity_ref', ours.entityRef)
    .count({ n: '*' });
  const theirs = () => ratingsAggregates(peerDb, [ours.entityRef]);
  // Warm up: publication of new responses, statement plans, both pools.
  for (let i = 0; i < 3; i++) {
    await call(path);
    await theirs();
  }
  const plugin: number[] = [];
  const peer: number[] = [];
  for (let i = 0; i < iterations; i++) {
    if (i % 2) {
      plugin.push(await timed(() => call(path)));
      peer.push(await timed(theirs));
    } else {
      peer.push(await timed(theirs));
      plugin.push(await timed(() => call(path)));
    }
  }
  const ratio = median(plugin) / median(peer);
  return {
    name: `survey results (round of ${
      ours.responses
    }) vs entity-feedback aggregate (entity of ${n} ratings), ${options.answers.toLocaleString(
      'en-US',
    )} answers over ${options.entities} entities`,
    unit: 'ms',
    plugin: round(median(plugin)),
    raw: round(median(peer)),
    ratio: round(ratio, 3),
    target: `≤ ${target}`,
    meetsTarget: ratio <= target,
    samples: iterations,
  };
}
