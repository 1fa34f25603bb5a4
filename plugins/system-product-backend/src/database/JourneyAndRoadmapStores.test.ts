import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { JourneyStore } from './JourneyStore';
import { migrateClient } from './migrations';
import { RoadmapStore } from './RoadmapStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const ref = 'system:default/support-desk';

describe.each(databases.eachSupportedId())(
  'journey and roadmap storage on %s',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      await migrateClient(knex);
      return {
        knex,
        journeys: new JourneyStore(knex, { minReporters: 3 }),
        roadmap: new RoadmapStore(knex),
      };
    }

    /** Saves a first journey of one stage with these touchpoints. */
    async function saveAsk(journeys: JourneyStore, touchpoints: string[]) {
      await journeys.save(
        ref,
        {
          version: 0,
          stages: [
            { name: 'Ask', touchpoints: touchpoints.map(name => ({ name })) },
          ],
        },
        'user:default/grace',
      );
      return (await journeys.get(ref))!;
    }

    it('aggregates friction per touchpoint in SQL and drops the reports of removed touchpoints', async () => {
      const { knex, journeys } = await setup();
      const saved = await saveAsk(journeys, [
        'Open a ticket',
        'Wait for triage',
      ]);
      const [open, wait] = saved.stages[0].touchpoints;
      for (const severity of [2, 3, 5]) {
        await journeys.addFrictionReport({
          entityRef: ref,
          touchpointId: wait.id,
          severity,
          text: '',
          reporterKey: `k${severity}`,
        });
      }
      // "Me too": three people on "Wait for triage" (one twice), one on
      // "Open a ticket"; read by the one on "Open a ticket".
      for (const [touchpointId, personKey] of [
        [wait.id, 'm1'],
        [wait.id, 'm2'],
        [wait.id, 'm2'],
        [wait.id, 'm3'],
        [open.id, 'm4'],
      ]) {
        await journeys.setMeToo({
          entityRef: ref,
          touchpointId,
          personKey,
          said: true,
        });
      }
      const read = (await journeys.get(ref, 'm4'))!;
      expect(read.stages[0].touchpoints.map(t => t.friction)).toEqual([
        {
          reports: 0,
          averageSeverity: null,
          reporters: 0,
          minReporters: 3,
          texts: [],
          textsHidden: true,
          meToo: null,
          youSaidMeToo: true,
        },
        {
          reports: 3,
          averageSeverity: 10 / 3,
          reporters: 3,
          minReporters: 3,
          texts: [],
          textsHidden: false,
          meToo: 3,
          youSaidMeToo: false,
        },
      ]);

      await journeys.save(
        ref,
        {
          version: 1,
          stages: [
            {
              id: saved.stages[0].id,
              name: 'Ask',
              touchpoints: [{ id: open.id, name: open.name }],
            },
          ],
        },
        'user:default/grace',
      );
      const [{ n }] = await knex('friction_reports').count({ n: '*' });
      expect(Number(n)).toBe(0);
      expect(await knex('friction_me_too').pluck('person_key')).toEqual(['m4']);
      expect((await journeys.get(ref))!.version).toBe(2);
    });

    it('returns the newest non-blank texts per touchpoint, at most 5, only from k different reporters', async () => {
      const { knex, journeys } = await setup();
      const saved = await saveAsk(journeys, [
        'Open a ticket',
        'Wait for triage',
        'Get an answer',
        'Close the ticket',
      ]);
      const [open, wait, answer, close] = saved.stages[0].touchpoints.map(
        t => t.id,
      );
      const day = (n: number) => new Date(Date.UTC(2026, 10, n));
      const report = (
        touchpointId: string,
        reporterKey: string,
        text: string,
        createdAt: Date,
      ) => ({
        entity_ref: ref,
        touchpoint_id: touchpointId,
        severity: 3,
        text,
        reporter_key: reporterKey,
        created_at: createdAt,
      });
      // Inserted out of time order, so the order must come from created_at.
      await knex('friction_reports').insert([
        report(wait, 'r1', 'Queue is invisible', day(3)),
        report(wait, 'r2', 'Nobody picked it up', day(9)),
        report(wait, 'r3', '   ', day(20)),
        report(wait, 'r4', 'Triage took two days', day(7)),
        report(wait, 'r5', '', day(19)),
        report(wait, 'r6', 'Bounced between teams', day(8)),
        report(wait, 'r7', 'Oldest complaint', day(1)),
        report(wait, 'r8', 'Asked the same questions twice', day(5)),
        // Below k: many reports, but from two people only.
        report(answer, 'x', 'Only I say this', day(10)),
        report(answer, 'x', 'And this', day(11)),
        report(answer, 'x', 'And again', day(12)),
        report(answer, 'y', 'Me too', day(13)),
        // Exactly k people, one text.
        report(close, 'p', '', day(2)),
        report(close, 'q', 'Close button hidden', day(4)),
        report(close, 'r', '', day(6)),
      ]);

      const queries: string[] = [];
      const onQuery = (q: { sql: string }) => queries.push(q.sql);
      knex.on('query', onQuery);
      const read = (await journeys.get(ref))!;
      knex.off('query', onQuery);
      const friction = Object.fromEntries(
        read.stages[0].touchpoints.map(t => [t.id, t.friction]),
      );

      expect(friction[wait]).toMatchObject({
        reports: 8,
        reporters: 8,
        textsHidden: false,
        texts: [
          'Nobody picked it up',
          'Bounced between teams',
          'Triage took two days',
          'Asked the same questions twice',
          'Queue is invisible',
        ],
      });
      expect(friction[answer]).toEqual({
        reports: 4,
        averageSeverity: 3,
        reporters: 2,
        minReporters: 3,
        texts: [],
        textsHidden: true,
        meToo: null,
        youSaidMeToo: false,
      });
      expect(friction[close]).toMatchObject({
        reporters: 3,
        texts: ['Close button hidden'],
        textsHidden: false,
      });
      expect(friction[open]).toMatchObject({
        reports: 0,
        texts: [],
        textsHidden: true,
      });
      // Journey, stages, touchpoints, aggregates, "me too", texts: not one
      // per touchpoint (and one more with a viewer, for their own "me too").
      expect(queries).toHaveLength(6);
    });

    it('round-trips a roadmap item with its target day and before/after values', async () => {
      const { roadmap } = await setup();
      const created = await roadmap.create(
        ref,
        {
          title: 'Route tickets by component',
          description: '',
          kind: 'strategic',
          status: 'in-progress',
          owner: 'group:default/support-tooling',
          targetDate: '2027-03-31',
          milestones: [{ title: 'Pilot with payments', done: false }],
          painPoints: ['Tickets bounce between teams'],
          touchpointIds: [],
          metric: 'tickets-routed-first-time',
          metricBefore: 62,
          metricAfter: null,
          metricUnit: '%',
        },
        'user:default/grace',
      );
      expect(created.metricUnit).toBe('%');
      const shipped = await roadmap.update(
        created,
        1,
        { ...created, metricUnit: '%', status: 'shipped', metricAfter: 87 },
        'user:default/grace',
      );
      expect(shipped).toMatchObject({
        version: 2,
        targetDate: '2027-03-31',
        metricBefore: 62,
        metricAfter: 87,
        metricUnit: '%',
        milestones: [{ title: 'Pilot with payments', done: false }],
      });
      await expect(roadmap.get(created.id)).resolves.toMatchObject({
        metricUnit: '%',
      });
      expect(shipped.shippedAt).not.toBeNull();
      await expect(roadmap.list(ref)).resolves.toHaveLength(1);
      await expect(
        roadmap.update(
          created,
          1,
          { ...created, title: 'stale' },
          'user:default/x',
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
    });

    it('keeps when an item was first in progress, whatever comes after', async () => {
      const { roadmap } = await setup();
      const fields = {
        title: 'Cache dependencies',
        description: '',
        kind: 'quick-win' as const,
        status: 'planned' as const,
        owner: null,
        targetDate: null,
        milestones: [],
        painPoints: [],
        touchpointIds: [],
        metric: null,
        metricBefore: null,
        metricAfter: null,
        metricUnit: null,
      };
      const planned = await roadmap.create(ref, fields, 'user:default/ada');
      expect(planned).toMatchObject({ startedAt: null, shippedAt: null });
      const before = Date.now();
      const started = await roadmap.update(
        planned,
        1,
        { ...fields, status: 'in-progress' },
        'user:default/ada',
      );
      expect(Date.parse(started.startedAt!)).toBeGreaterThanOrEqual(
        before - 1000,
      );
      // Back to planned, then shipped: the first start stays.
      const paused = await roadmap.update(
        started,
        2,
        { ...fields, status: 'planned' },
        'user:default/ada',
      );
      expect(paused.startedAt).toBe(started.startedAt);
      const shipped = await roadmap.update(
        paused,
        3,
        { ...fields, status: 'shipped' },
        'user:default/ada',
      );
      expect(shipped.startedAt).toBe(started.startedAt);
      expect(shipped.shippedAt).not.toBeNull();
      // Created in progress: started at once. Shipped straight away: never.
      const rushed = await roadmap.create(
        ref,
        { ...fields, status: 'in-progress' },
        'user:default/ada',
      );
      expect(rushed.startedAt).not.toBeNull();
      const done = await roadmap.create(
        ref,
        { ...fields, status: 'shipped' },
        'user:default/ada',
      );
      expect(done.startedAt).toBeNull();
    });

    it('stores the unit of the metric values, up to 16 characters, and clears it', async () => {
      const { roadmap } = await setup();
      const fields = {
        title: 'Autoscale build runners',
        description: '',
        kind: 'strategic' as const,
        status: 'planned' as const,
        owner: null,
        targetDate: null,
        milestones: [],
        painPoints: [],
        touchpointIds: [],
        metric: 'Build queue wait',
        metricBefore: 14.5,
        metricAfter: null,
        metricUnit: 'builds/week/team',
      };
      const created = await roadmap.create(ref, fields, 'user:default/grace');
      expect(created.metricUnit).toBe('builds/week/team');
      const cleared = await roadmap.update(
        created,
        1,
        { ...fields, metricUnit: null },
        'user:default/grace',
      );
      expect(cleared).toMatchObject({ metricBefore: 14.5, metricUnit: null });
      const [listed] = await roadmap.list(ref);
      expect(listed).toMatchObject({ version: 2, metricUnit: null });
    });

    it('adds the unit column for items stored before, and takes it away again', async () => {
      const { knex, roadmap } = await setup();
      const directory = resolvePackagePath(
        '@system-product/backstage-plugin-backend',
        'migrations',
      );
      const migration = '20261206100000_roadmap_metric_unit.js';
      await knex.migrate.down({ directory, name: migration });
      await expect(
        knex.schema.hasColumn('roadmap_items', 'metric_unit'),
      ).resolves.toBe(false);
      await knex('roadmap_items').insert({
        id: 'before-units',
        entity_ref: ref,
        version: 1,
        title: 'Quarantine flaky tests',
        description: '',
        kind: 'quick-win',
        status: 'shipped',
        milestones: '[]',
        pain_points: '[]',
        touchpoint_ids: '[]',
        metric: 'lead-time-for-changes',
        metric_before: 31,
        metric_after: 19,
        updated_by: 'user:default/grace',
        updated_at: new Date(),
      });
      await migrateClient(knex);
      await expect(roadmap.get('before-units')).resolves.toMatchObject({
        metricBefore: 31,
        metricAfter: 19,
        metricUnit: null,
      });
      await knex('roadmap_items')
        .where({ id: 'before-units' })
        .update({ metric_unit: 'h' });
      await knex.migrate.down({ directory, name: migration });
      const row = await knex('roadmap_items')
        .where({ id: 'before-units' })
        .first();
      expect(row).not.toHaveProperty('metric_unit');
      expect(Number(row.metric_before)).toBe(31);
    });
  },
);
