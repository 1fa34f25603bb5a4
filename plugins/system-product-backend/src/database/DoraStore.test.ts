import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { EventRow, EventStore } from './EventStore';
import { migrateClient } from './migrations';
import { toEventRow } from '../services/EventService';
import { DoraStore } from './DoraStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const ref = 'system:default/ci-cd-pipeline';
const now = new Date('2026-11-25T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const row = (event: object) => {
  const r = toEventRow({ entityRef: ref, ...event }, now);
  if (typeof r === 'string') throw new Error(r);
  return r as EventRow;
};
const deployment = (
  id: string,
  at: number,
  fields: { leadMs?: number; succeeded?: boolean; [k: string]: unknown } = {},
) => {
  const { leadMs = HOUR, succeeded = true, ...rest } = fields;
  return row({
    id,
    type: 'deployment',
    commitSha: 'abc',
    commitTime: ago(at + leadMs),
    deployTime: ago(at),
    environment: 'production',
    succeeded,
    ...rest,
  });
};
const incident = (
  id: string,
  startAgo: number,
  detectMs: number,
  restoreMs: number,
  fields: object = {},
) =>
  row({
    id,
    type: 'incident',
    started: ago(startAgo),
    detected: ago(startAgo - detectMs),
    resolved: ago(startAgo - restoreMs),
    ...fields,
  });

describe.each(databases.eachSupportedId())('DoraStore on %s', databaseId => {
  async function storeWith(rows: EventRow[]) {
    const knex = await databases.init(databaseId);
    await migrateClient(knex);
    await new EventStore(knex).insert(rows);
    return new DoraStore(knex);
  }

  it('counts a deployment failed when it failed or caused a production incident, once however many name it', async () => {
    // d-0 … d-9 deployed (i + 1) days ago, lead times 1 … 10 hours; d-9 failed.
    const rows = Array.from({ length: 10 }, (_, i) =>
      deployment(`d-${i}`, (i + 1) * DAY, {
        leadMs: (i + 1) * HOUR,
        succeeded: i !== 9,
        ...(i === 8 ? { remediatesIncident: 'i-4' } : {}),
      }),
    );
    rows.push(
      // not production: counts nowhere
      deployment('staging', 2 * DAY, {
        environment: 'staging',
        succeeded: false,
      }),
      // d-3 (green, 4 days ago) caused two production incidents
      incident('i-1', 4 * DAY - HOUR, 10 * MIN, 30 * MIN, {
        causedByDeployment: 'd-3',
      }),
      incident('i-2', 4 * DAY - 2 * HOUR, 20 * MIN, 3 * HOUR, {
        causedByDeployment: 'd-3',
        environment: 'production',
      }),
      // d-5 caused an incident in staging only: still a good deployment
      incident('i-3', 6 * DAY - HOUR, MIN, HOUR, {
        causedByDeployment: 'd-5',
        environment: 'staging',
      }),
      // an incident of another entity cannot fail this one's d-7
      row({
        id: 'other',
        entityRef: 'system:default/other',
        type: 'incident',
        started: ago(8 * DAY - HOUR),
        resolved: ago(8 * DAY - 2 * HOUR),
        causedByDeployment: 'd-7',
      }),
      // an incident no deployment caused
      incident('i-4', 9 * DAY + HOUR, 5 * MIN, DAY),
    );
    const dora = await (await storeWith(rows)).metrics(ref, now, 30);

    // failed: d-3 (named twice, counted once) and d-9 → 2 / 10 = 0.2
    expect(dora.changeFailureRate).toEqual({
      value: 0.2,
      count: 2,
      sampleSize: 10,
      band: 'high',
    });
    // d-8 remediates i-4 → 1 / 10
    expect(dora.deploymentReworkRate).toEqual({
      value: 0.1,
      count: 1,
      sampleSize: 10,
      band: null,
    });
    // lead times 1 … 10 h: median (5 + 6) / 2 = 5.5 h = 19 800 s
    expect(dora.changeLeadTime).toEqual({
      value: 19_800,
      sampleSize: 10,
      band: 'elite',
    });
    // d-3: deployed 4 d ago, its last incident (i-2) resolved 4 d − 2 h + 3 h
    // later = 5 h; d-9: failed 10 d ago, d-8 succeeded 9 d ago = 24 h.
    // median (5 + 24) / 2 = 14.5 h = 52 200 s, from 2 < 5 failed deployments
    expect(dora.failedDeploymentRecoveryTime).toEqual({
      value: 52_200,
      sampleSize: 2,
      band: null,
    });
    // production incidents i-1, i-2, i-4: detect 10, 20, 5 min → 10 min;
    // restore 30 min, 3 h, 24 h → 3 h
    expect(dora.incidents).toEqual({
      timeToDetect: { value: 600, sampleSize: 3, band: null },
      timeToRestore: { value: 10_800, sampleSize: 3, band: null },
    });
    // deploy days 1 … 10: weeks [6, 4, 0, 0, 0] → 2/5 weeks; 1/1 months
    expect(dora.deploymentFrequency).toMatchObject({
      cadence: 'monthly',
      band: 'medium',
      sampleSize: 10,
      weeksWithDeployments: 2,
      weeks: 5,
    });
    expect(dora.bandsSource.url).toBe(
      'https://dora.dev/research/2024/dora-report/',
    );
  });

  it('rates 30 deployments on one day of 30 monthly, not daily', async () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      deployment(`burst-${i}`, 12 * DAY + i * MIN),
    );
    const dora = await (await storeWith(rows)).metrics(ref, now);
    // 1 deploy day: 1 of ceil(30/7) = 5 weeks, 1 of 1 month → monthly
    expect(dora.days).toBe(30);
    expect(dora.deploymentFrequency).toEqual({
      cadence: 'monthly',
      band: 'medium',
      sampleSize: 30,
      deployDays: 1,
      weeks: 5,
      weeksWithDeployments: 1,
      months: 1,
      monthsWithDeployments: 1,
      medianDeployDaysPerWeek: 0,
      medianDeploymentsPerDeployDay: 30,
    });
  });

  it('reads the period the caller chooses: 7, 90 and 365 days', async () => {
    const store = await storeWith(
      [1, 3, 40, 70, 100].map(d =>
        deployment(`d-${d}`, d * DAY - HOUR, { leadMs: d * HOUR }),
      ),
    );
    const week = await store.metrics(ref, now, 7);
    // 2 deployments (1 and 3 days ago) in the one week → weekly
    expect(week.from).toBe('2026-11-18T12:00:00.000Z');
    expect(week.deploymentFrequency).toMatchObject({
      cadence: 'weekly',
      band: 'high',
      sampleSize: 2,
    });
    // lead 1 h and 3 h → 2 h, but 2 < 5 deployments: no band
    expect(week.changeLeadTime).toEqual({
      value: 7200,
      sampleSize: 2,
      band: null,
    });
    expect(week.changeFailureRate).toMatchObject({ value: 0, band: null });

    const quarter = await store.metrics(ref, now, 90);
    // 4 deployments; months (30-day, back from now) 0, 0, 1, 2 → 3/3; weeks
    // 0, 0, 5, 9 → 3/13 → monthly
    expect(quarter.deploymentFrequency).toMatchObject({
      cadence: 'monthly',
      band: 'medium',
      sampleSize: 4,
      months: 3,
      monthsWithDeployments: 3,
      weeks: 13,
      weeksWithDeployments: 3,
    });

    const year = await store.metrics(ref, now, 365);
    // 5 deployments in months 0, 1, 2, 3 of 13 → 4/13 < 3/4 → fewer than monthly
    expect(year.deploymentFrequency).toMatchObject({
      cadence: 'fewer-than-monthly',
      band: 'low',
      sampleSize: 5,
      monthsWithDeployments: 4,
    });
    // lead 1, 3, 40, 70, 100 h → 40 h = 144 000 s, 5 samples: high (1 day to 1 week)
    expect(year.changeLeadTime).toEqual({
      value: 144_000,
      sampleSize: 5,
      band: 'high',
    });
  });

  it('says there is no data instead of a band, never NaN', async () => {
    const dora = await (await storeWith([])).metrics(ref, now);
    expect(dora.deploymentFrequency).toMatchObject({
      cadence: null,
      band: null,
      sampleSize: 0,
    });
    expect(dora.changeLeadTime).toEqual({
      value: null,
      sampleSize: 0,
      band: null,
    });
    expect(dora.changeFailureRate).toEqual({
      value: null,
      count: 0,
      sampleSize: 0,
      band: null,
    });
    expect(dora.failedDeploymentRecoveryTime.value).toBeNull();
    expect(dora.incidents.timeToRestore.value).toBeNull();
    expect(JSON.stringify(dora)).not.toMatch(/NaN|Infinity/);
  });

  it('waits for every incident a deployment caused before counting it recovered', async () => {
    const rows = [
      deployment('bad', 5 * DAY),
      incident('fixed', 5 * DAY - HOUR, MIN, HOUR, {
        causedByDeployment: 'bad',
      }),
      row({
        id: 'open',
        type: 'incident',
        started: ago(5 * DAY - 2 * HOUR),
        causedByDeployment: 'bad',
      }),
      // failed, and no later deployment succeeded yet
      deployment('red', DAY, { succeeded: false }),
    ];
    const dora = await (await storeWith(rows)).metrics(ref, now);
    expect(dora.changeFailureRate).toMatchObject({ count: 2, sampleSize: 2 });
    expect(dora.failedDeploymentRecoveryTime).toEqual({
      value: null,
      sampleSize: 0,
      band: null,
    });
  });
});
