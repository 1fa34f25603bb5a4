import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';
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
        journeys: new JourneyStore(knex),
        roadmap: new RoadmapStore(knex),
      };
    }

    it('aggregates friction per touchpoint in SQL and drops the reports of removed touchpoints', async () => {
      const { knex, journeys } = await setup();
      await journeys.save(
        ref,
        {
          version: 0,
          stages: [
            {
              name: 'Ask',
              touchpoints: [
                { name: 'Open a ticket' },
                { name: 'Wait for triage' },
              ],
            },
          ],
        },
        'user:default/grace',
      );
      const saved = (await journeys.get(ref))!;
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
      const read = (await journeys.get(ref))!;
      expect(read.stages[0].touchpoints.map(t => t.friction)).toEqual([
        { reports: 0, averageSeverity: null },
        { reports: 3, averageSeverity: 10 / 3 },
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
      expect((await journeys.get(ref))!.version).toBe(2);
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
          metricBefore: 0.62,
          metricAfter: null,
        },
        'user:default/grace',
      );
      const shipped = await roadmap.update(
        created,
        1,
        { ...created, status: 'shipped', metricAfter: 0.87 },
        'user:default/grace',
      );
      expect(shipped).toMatchObject({
        version: 2,
        targetDate: '2027-03-31',
        metricBefore: 0.62,
        metricAfter: 0.87,
        milestones: [{ title: 'Pilot with payments', done: false }],
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
  },
);
