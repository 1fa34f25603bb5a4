import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { SloEvaluation } from '@system-product/backstage-plugin-common';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { migrateClient } from './migrations';
import { SloDefinitionStore } from './SloDefinitionStore';
import { SloStatusStore } from './SloStatusStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const entityRef = 'system:default/ci-cd-pipeline';

const evaluation = (
  status: SloEvaluation['status'],
  sli: number | null,
): SloEvaluation => ({
  window: { from: '', to: '' },
  sli,
  remaining: sli === null ? null : (sli - 0.9) / 0.1,
  total: 10,
  status,
  burnRates: [],
});

describe.each(databases.eachSupportedId())('SLO stores on %s', databaseId => {
  it('keeps one portal SLO per entity and name, as its document', async () => {
    const knex = await databases.init(databaseId);
    await migrateClient(knex);
    const store = new SloDefinitionStore(knex);
    const document = { apiVersion: 'openslo/v1', kind: 'SLO', spec: { x: 1 } };
    await store.insert(entityRef, 'lead-time', document, 'user:default/ada');
    await store.insert('system:default/other', 'lead-time', {}, 'x');
    await expect(
      store.insert(entityRef, 'lead-time', {}, 'user:default/ada'),
    ).rejects.toThrow(`${entityRef} already has an SLO lead-time`);
    expect(await store.list(entityRef)).toEqual([
      { name: 'lead-time', document, createdBy: 'user:default/ada' },
    ]);
    expect(await store.delete(entityRef, 'lead-time')).toBe(true);
    expect(await store.delete(entityRef, 'lead-time')).toBe(false);
    expect(await store.list(entityRef)).toEqual([]);
    expect(await store.list('system:default/other')).toHaveLength(1);
  });

  it('returns the trend of one SLO over a window, oldest first', async () => {
    const knex = await databases.init(databaseId);
    await migrateClient(knex);
    const store = new SloStatusStore(knex);
    const at = (hour: number) => new Date(Date.UTC(2026, 10, 20, hour));
    const run = (
      hour: number,
      ...slos: Array<[string, ReturnType<typeof evaluation>]>
    ) =>
      store.recordRun(
        entityRef,
        slos.map(([name, e]) => ({ name, evaluation: e })),
        at(hour),
      );
    await run(1, ['lead-time', evaluation('met', 0.99)]);
    await run(2, ['lead-time', evaluation('at-risk', 0.95)]);
    await run(
      3,
      ['lead-time', evaluation('breached', 0.8)],
      ['other', evaluation('met', 1)],
    );
    await run(4, ['lead-time', evaluation('no-data', null)]);

    const points = await store.history(
      entityRef,
      'lead-time',
      at(2),
      at(5),
      10,
    );
    expect(points.map(p => [p.at, p.status, p.sli])).toEqual([
      [at(2).toISOString(), 'at-risk', 0.95],
      [at(3).toISOString(), 'breached', 0.8],
      [at(4).toISOString(), 'no-data', null],
    ]);
    expect(points[1].remaining).toBeCloseTo(-1, 10);
    expect(points[2].remaining).toBeNull();

    // Before `until` only.
    const earlier = await store.history(
      entityRef,
      'lead-time',
      at(0),
      at(3),
      10,
    );
    expect(earlier.map(p => p.status)).toEqual(['met', 'at-risk', 'breached']);
  });
  it('keeps the latest run of each entity, for alerts and the portfolio, in one query for many entities', async () => {
    const knex = await databases.init(databaseId);
    await migrateClient(knex);
    const store = new SloStatusStore(knex);
    const at = (hour: number) => new Date(Date.UTC(2026, 10, 20, hour));
    const other = 'system:default/docs';
    await store.recordRun(
      entityRef,
      [
        { name: 'lead-time', evaluation: evaluation('met', 0.99) },
        { name: 'old-slo', evaluation: evaluation('breached', 0.5) },
      ],
      at(1),
    );
    await store.recordRun(
      entityRef,
      [
        { name: 'lead-time', evaluation: evaluation('breached', 0.8) },
        { name: 'csat', evaluation: evaluation('no-data', null) },
        { name: 'success', evaluation: evaluation('breached', 0.7) },
      ],
      at(2),
    );
    await store.recordRun(
      other,
      [{ name: 'lead-time', evaluation: evaluation('at-risk', 0.95) }],
      at(3),
    );

    // The SLO removed since the first run is gone from the latest statuses.
    expect(Object.fromEntries(await store.latest(entityRef))).toEqual({
      'lead-time': 'breached',
      csat: 'no-data',
      success: 'breached',
    });
    const byEntity = await store.latestByEntity([
      entityRef,
      other,
      'system:default/never-evaluated',
    ]);
    expect(Object.fromEntries(byEntity)).toEqual({
      [entityRef]: {
        counts: { breached: 2, 'no-data': 1 },
        at: at(2).toISOString(),
      },
      [other]: { counts: { 'at-risk': 1 }, at: at(3).toISOString() },
    });
    // The history keeps every run.
    const [{ rows }] = await knex('slo_status_history').count({ rows: '*' });
    expect(Number(rows)).toBe(6);
  });

  it('fills the latest statuses from the history when the table is added', async () => {
    const knex = await databases.init(databaseId);
    await migrateClient(knex);
    const directory = resolvePackagePath(
      '@system-product/backstage-plugin-backend',
      'migrations',
    );
    await knex.migrate.down({
      directory,
      name: '20261125160000_slo_status_latest.js',
    });
    const row = (name: string, hour: number, status: string) => ({
      entity_ref: entityRef,
      slo_name: name,
      evaluated_at: new Date(Date.UTC(2026, 10, 20, hour)),
      status,
      sli: null,
      remaining: null,
    });
    await knex('slo_status_history').insert([
      row('lead-time', 1, 'met'),
      row('lead-time', 2, 'breached'),
      row('csat', 1, 'at-risk'),
    ]);
    await migrateClient(knex);
    const store = new SloStatusStore(knex);
    expect(Object.fromEntries(await store.latest(entityRef))).toEqual({
      'lead-time': 'breached',
      csat: 'at-risk',
    });
  });

  it('prunes the history older than a moment and keeps the latest statuses', async () => {
    const knex = await databases.init(databaseId);
    await migrateClient(knex);
    const store = new SloStatusStore(knex);
    const at = (day: number) => new Date(Date.UTC(2026, 10, day));
    for (const day of [1, 2, 3]) {
      await store.recordRun(
        entityRef,
        [{ name: 'lead-time', evaluation: evaluation('met', 0.99) }],
        at(day),
      );
    }
    await expect(store.prune(at(3))).resolves.toBe(2);
    const left = await knex('slo_status_history').pluck('evaluated_at');
    expect(left.map(a => new Date(a).toISOString())).toEqual([
      at(3).toISOString(),
    ]);
    expect(Object.fromEntries(await store.latest(entityRef))).toEqual({
      'lead-time': 'met',
    });
  });

  it('spreads a capped trend over the whole window: the latest evaluation of each equal span', async () => {
    const knex = await databases.init(databaseId);
    await migrateClient(knex);
    const store = new SloStatusStore(knex);
    // 28 days evaluated every 5 minutes: 8,064 evaluations.
    const since = new Date(Date.UTC(2026, 9, 28));
    const step = 5 * 60_000;
    const rows = Array.from({ length: 8064 }, (_, i) => ({
      entity_ref: entityRef,
      slo_name: 'lead-time',
      evaluated_at: new Date(since.getTime() + (i + 1) * step),
      status: 'met',
      sli: i,
      remaining: 1,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await knex('slo_status_history').insert(rows.slice(i, i + 500));
    }
    const until = new Date(since.getTime() + 8064 * step);

    const points = await store.history(
      entityRef,
      'lead-time',
      since,
      until,
      100,
    );
    expect(points.length).toBeGreaterThanOrEqual(99);
    expect(points.length).toBeLessThanOrEqual(101);
    // From the first day of the window to its last evaluation.
    expect(Date.parse(points[0].at) - since.getTime()).toBeLessThan(
      (28 * 86_400_000) / 100 + step,
    );
    expect(points[points.length - 1].sli).toBe(8063);
    const ats = points.map(p => Date.parse(p.at));
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
  });
});
