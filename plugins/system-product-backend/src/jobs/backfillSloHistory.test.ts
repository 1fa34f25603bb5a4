import {
  TestDatabases,
  createMockDirectory,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { parseOpenSlo } from '@system-product/backstage-plugin-common';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { Knex } from 'knex';
import { parse as parseYaml } from 'yaml';
import { createSloEvaluationJob } from '../__testUtils__/createSloEvaluationJob';
import { deploymentSuccessSlo } from '../__testUtils__/deploymentSuccessSlo';
import { EventRow, EventStore } from '../database/EventStore';
import { SliRollupStore } from '../database/SliRollupStore';
import { SloStatusStore } from '../database/SloStatusStore';
import { migrateClient } from '../database/migrations';
import { toEventRow } from '../services/EventService';
import { SloEvaluationJob } from './SloEvaluationJob';
import { backfillSloHistory, countedFromRollups } from './backfillSloHistory';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const now = new Date('2026-11-25T12:00:00Z');
const HOUR = 3_600_000;
const ref = 'system:default/ci-cd-pipeline';

const dir = createMockDirectory({
  content: {
    'entities.yaml': '',
    'slos.yaml': deploymentSuccessSlo('deployment-success'),
  },
});
const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'ci-cd-pipeline',
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location': `file:${dir.resolve(
        'entities.yaml',
      )}`,
      'system-product/slo-ref': './slos.yaml',
    },
  },
  spec: { owner: 'group:default/platform-team' },
};

/** Deployment i at now − (48 + i) h, i = 0…9; the odd ones failed. */
const deployments: EventRow[] = Array.from({ length: 10 }, (_, i) => {
  const deployTime = new Date(now.getTime() - (48 + i) * HOUR).toISOString();
  return toEventRow(
    {
      id: `d-${i}`,
      entityRef: ref,
      type: 'deployment',
      commitTime: deployTime,
      deployTime,
      environment: 'production',
      succeeded: i % 2 === 0,
    },
    now,
  ) as EventRow;
});

describe.each(databases.eachSupportedId())(
  'the trend of a new SLO on %s',
  databaseId => {
    let knex: Knex;
    let job: SloEvaluationJob;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      await migrateClient(knex);
      const rollups = new SliRollupStore(knex);
      await new EventStore(knex, rollups).insert(deployments);
      job = createSloEvaluationJob(knex, [entity], {
        rollups,
        trendFillMs: 60_000,
      });
    });

    it('is filled back to the start of its 28-day window at the first run, as the events stand', async () => {
      await job.run(now);
      const rows = await knex('slo_status_history')
        .where({ entity_ref: ref, slo_name: 'deployment-success' })
        .orderBy('evaluated_at', 'desc');
      // Step 28 d / 500 = 4,838,400 ms; instants now − k × step for
      // k = 1…500 (the last is the window's start), and the run at now.
      const step = (28 * 24 * HOUR) / 500;
      expect(rows).toHaveLength(501);
      const at = (k: number) => new Date(now.getTime() - k * step);
      expect(new Date(rows[36].evaluated_at)).toEqual(at(36));
      const sli = rows.map(r => (r.sli === null ? null : Number(r.sli)));
      // Instants at or after now − 48 h (k ≤ 35, and now) see all ten
      // deployments, 5 of them good: 0.5.
      expect(sli.slice(0, 36)).toEqual(Array(36).fill(0.5));
      // k = 36 (now − 48.38 h) sees deployments 1…9: 4 good of 9.
      expect(sli[36]).toBeCloseTo(4 / 9, 12);
      // From k = 43 (now − 57.8 h) back, none: no data, 458 points.
      expect(sli.slice(43)).toEqual(Array(458).fill(null));
      expect(rows.slice(43).every(r => r.status === 'no-data')).toBe(true);
    });

    it('is filled once: the next run adds its own evaluation only', async () => {
      await job.run(now);
      await job.run(new Date(now.getTime() + 5 * 60_000));
      const [{ n }] = await knex('slo_status_history').count({ n: '*' });
      expect(Number(n)).toBe(502);
    });

    it('stops at its time budget and goes on from there at the next run', async () => {
      const statuses = new SloStatusStore(knex);
      const [slo] = parseOpenSlo(
        [parseYaml(deploymentSuccessSlo('budgeted'))],
        'test',
      ).slos;
      let evaluations = 0;
      const evaluate = async () => {
        evaluations += 1;
        return {
          window: { from: '', to: '' },
          sli: 1,
          remaining: 1,
          total: 1,
          status: 'met' as const,
          burnRates: [],
        };
      };
      const run = (budgetMs: number) =>
        backfillSloHistory({
          entityRef: ref,
          slo,
          now,
          statuses,
          evaluate,
          budgetMs,
        });
      await expect(run(0)).resolves.toBe(0);
      expect(evaluations).toBe(0);
      await expect(run(60_000)).resolves.toBe(500);
      await expect(run(60_000)).resolves.toBe(0);
    });
  },
);

describe('countedFromRollups', () => {
  it('holds for SLOs of system-product metrics only', () => {
    const [ours] = parseOpenSlo(
      [parseYaml(deploymentSuccessSlo('ours'))],
      'test',
    ).slos;
    expect(countedFromRollups(ours)).toBe(true);
    const theirs = {
      ...ours,
      indicator: {
        name: 'availability',
        ratio: {
          good: { type: 'prometheus', spec: { query: 'good' } },
          total: { type: 'prometheus', spec: { query: 'total' } },
        },
      },
    };
    expect(countedFromRollups(theirs)).toBe(false);
  });
});
