import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { emptyCanvasContent } from '@system-product/backstage-plugin-common';
import request from 'supertest';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import {
  OWNER,
  startOnTestDatabase,
} from '../__testUtils__/startSystemProductBackend';

jest.setTimeout(60_000);

const ENTITY = '/api/system-product/entities/system/default/ci-cd-pipeline';
const owner = mockCredentials.user.header(OWNER);
const databases = TestDatabases.create({ ids: testDatabaseIds() });

describe.each(databases.eachSupportedId())('concurrent writes on %s', id => {
  const start = () => startOnTestDatabase(databases, id);

  it('gives eight simultaneous saves of one canvas version exactly one winner and seven 409s', async () => {
    const { server } = await start();
    for (let version = 0; version < 3; version++) {
      const statuses = await Promise.all(
        Array.from({ length: 8 }, async (_, writer) => {
          const content = emptyCanvasContent();
          content.valueProposition.value = `writer ${writer}`;
          const res = await request(server)
            .put(`${ENTITY}/canvas`)
            .set('Authorization', owner)
            .send({ version, content });
          return res.status;
        }),
      );
      expect(statuses.sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    }
    const revisions = await request(server)
      .get(`${ENTITY}/canvas/revisions`)
      .set('Authorization', owner);
    expect(revisions.body.items.map((r: any) => r.version)).toEqual([3, 2, 1]);
  });

  it('keeps one response and consistent counts when one person answers twice at once', async () => {
    const { db, server } = await start();
    const round = await request(server)
      .post(`${ENTITY}/surveys`)
      .set('Authorization', owner)
      .send({ closesAt: new Date(Date.now() + 86_400_000).toISOString() });
    const answers = await Promise.all(
      [3, 9, 10, 0].map(nps =>
        request(server)
          .post(`/api/system-product/surveys/${round.body.id}/responses`)
          .set('Authorization', mockCredentials.user.header('user:default/ann'))
          .send({ answers: { nps } }),
      ),
    );
    expect(answers.map(a => a.status)).toEqual([200, 200, 200, 200]);
    const [{ responses }] = await db('survey_responses')
      .where({ round_id: round.body.id })
      .count({ responses: '*' });
    const stored = JSON.parse(
      (
        await db('survey_responses')
          .where({ round_id: round.body.id })
          .first('answers')
      ).answers,
    );
    const counts = await db('survey_answer_counts')
      .where({ round_id: round.body.id, question_id: 'nps' })
      .andWhere('count', '<>', 0)
      .select('value', 'count');
    const [{ kept }] = await db('survey_rounds')
      .where({ id: round.body.id })
      .select({ kept: 'response_count' });
    // The kept counts say exactly what the one stored answer says.
    expect({
      responses: Number(responses),
      kept: Number(kept),
      counts: counts.map(c => [Number(c.value), Number(c.count)]),
    }).toEqual({
      responses: 1,
      kept: 1,
      counts: [[stored.scored.nps, 1]],
    });
  });
  it('answers many people at once, first answers and replacements mixed, without failing any or skewing the counts', async () => {
    const { db, server } = await start();
    const round = await request(server)
      .post(`${ENTITY}/surveys`)
      .set('Authorization', owner)
      .send({ closesAt: new Date(Date.now() + 86_400_000).toISOString() });
    // Each answer lists its questions in its own order with its own values,
    // so concurrent transactions touch the same kept counts in every order.
    const questions = ['nps', 'csat', 'ease', 'knowledge'] as const;
    const maxima = { nps: 10, csat: 5, ease: 5, knowledge: 5 };
    const answerOf = (person: number, wave: number) => {
      const order = [...questions];
      if ((person + wave) % 2) order.reverse();
      return Object.fromEntries(
        order.map(q => [
          q,
          ((person + wave) % maxima[q]) + (q === 'nps' ? 0 : 1),
        ]),
      );
    };
    const statuses: number[] = [];
    for (let wave = 0; wave < 4; wave++) {
      // Half of the people answer again, the other half answer for the first time.
      const people = Array.from({ length: 16 }, (_, i) => i + wave * 8);
      const results = await Promise.all(
        people.map(person =>
          request(server)
            .post(`/api/system-product/surveys/${round.body.id}/responses`)
            .set(
              'Authorization',
              mockCredentials.user.header(`user:default/p${person}`),
            )
            .send({ answers: answerOf(person, wave) }),
        ),
      );
      statuses.push(...results.map(r => r.status));
    }
    expect(statuses.filter(s => s !== 200)).toEqual([]);
    const responses = await db('survey_responses')
      .where({ round_id: round.body.id })
      .select('answers');
    const expected: Record<string, Record<string, number>> = {};
    for (const row of responses) {
      for (const [q, v] of Object.entries(JSON.parse(row.answers).scored)) {
        (expected[q] ??= {})[String(v)] = (expected[q]?.[String(v)] ?? 0) + 1;
      }
    }
    const counts = await db('survey_answer_counts')
      .where({ round_id: round.body.id })
      .andWhere('count', '<>', 0)
      .select('question_id', 'value', 'count');
    const kept: Record<string, Record<string, number>> = {};
    for (const c of counts) {
      (kept[c.question_id] ??= {})[String(c.value)] = Number(c.count);
    }
    expect(responses).toHaveLength(40);
    expect(kept).toEqual(expected);
  });
  it('stores batches that share event ids in opposite orders once, and counts each event as stored by exactly one', async () => {
    const { db, server } = await start();
    const build = (n: number) => ({
      id: `shared-build-${String(n).padStart(3, '0')}`,
      type: 'build',
      entityRef: 'system:default/ci-cd-pipeline',
      finished: new Date(Date.UTC(2026, 10, 20, 0, n)).toISOString(),
      succeeded: n % 7 !== 0,
      durationSeconds: 60 + n,
    });
    const events = Array.from({ length: 120 }, (_, n) => build(n));
    const batches = [
      events,
      [...events].reverse(),
      events.slice(60),
      [...events.slice(0, 90)].reverse(),
    ];
    const results = await Promise.all(
      batches.map(batch =>
        request(server)
          .post('/api/system-product/events')
          .set('Authorization', owner)
          .send({ events: batch }),
      ),
    );
    expect(results.map(r => r.status)).toEqual([200, 200, 200, 200]);
    const accepted = results.map(r => r.body.accepted);
    const duplicates = results.map(r => r.body.duplicates);
    expect(accepted.reduce((a, b) => a + b, 0)).toBe(120);
    expect(duplicates.reduce((a, b) => a + b, 0)).toBe(
      120 + 120 + 60 + 90 - 120,
    );
    const [{ stored }] = await db('delivery_events')
      .where('event_id', 'like', 'shared-build-%')
      .count({ stored: '*' });
    expect(Number(stored)).toBe(120);
  });
});

// SQLite runs one write transaction at a time: it never reports a deadlock.
const postgresIds = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));
if (postgresIds.length > 0) {
  describe.each(postgresIds)('rolled back writes on %s', id => {
    it('retries an answer PostgreSQL rolls back as a deadlock, then answers 503 with Retry-After and stores nothing', async () => {
      const { db, server } = await startOnTestDatabase(databases, id);
      const round = await request(server)
        .post(`${ENTITY}/surveys`)
        .set('Authorization', owner)
        .send({ closesAt: new Date(Date.now() + 86_400_000).toISOString() });
      // Every write of a kept count is reported as a deadlock, and counted by
      // a sequence (which a rollback does not take back).
      await db.raw(`
      create sequence deadlock_attempts;
      create function report_deadlock() returns trigger as $$
      begin
        perform nextval('deadlock_attempts');
        raise exception 'simulated deadlock' using errcode = '40P01';
      end $$ language plpgsql;
      create trigger always_deadlock before insert on survey_answer_counts
        for each row execute function report_deadlock();
    `);
      const res = await request(server)
        .post(`/api/system-product/surveys/${round.body.id}/responses`)
        .set('Authorization', mockCredentials.user.header('user:default/ann'))
        .send({ answers: { nps: 9 } });
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('2');
      expect(res.body.error.message).toBe(
        'The request collided with other writes and was rolled back (40P01); retry shortly',
      );
      const attempts = await db.raw('select last_value from deadlock_attempts');
      expect(Number(attempts.rows[0].last_value)).toBe(2);
      const [{ responses }] = await db('survey_responses')
        .where({ round_id: round.body.id })
        .count({ responses: '*' });
      expect(Number(responses)).toBe(0);
    });
  });
}
