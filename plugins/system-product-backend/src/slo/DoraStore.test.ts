import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';
import { EventRow, EventStore } from '../database/EventStore';
import { migrateClient } from '../database/migrations';
import { toEventRow } from '../services/EventService';
import { DoraStore } from './DoraStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const ref = 'system:default/ci-cd-pipeline';
const now = new Date('2026-11-25T12:00:00Z');
const HOUR = 3_600_000;

const row = (event: object) =>
  toEventRow({ entityRef: ref, ...event }, now) as EventRow;

describe.each(databases.eachSupportedId())('DoraStore on %s', databaseId => {
  it('computes the four keys with their bands over 30 days', async () => {
    const knex = await databases.init(databaseId);
    await migrateClient(knex);
    const leadHours = [2, 4, 6, 30, 50]; // median 6 h
    const rows = leadHours.map((lead, i) => {
      const deployTime = new Date(now.getTime() - (i + 1) * 24 * HOUR);
      return row({
        id: `d-${i}`,
        type: 'deployment',
        commitSha: 'x',
        commitTime: new Date(deployTime.getTime() - lead * HOUR).toISOString(),
        deployTime: deployTime.toISOString(),
        environment: 'production',
        succeeded: i !== 3,
      });
    });
    rows.push(
      row({
        id: 'staging',
        type: 'deployment',
        commitSha: 'x',
        commitTime: '2026-11-20T00:00:00Z',
        deployTime: '2026-11-20T01:00:00Z',
        environment: 'staging',
        succeeded: false,
      }),
      row({
        id: 'i-1',
        type: 'incident',
        started: '2026-11-21T10:00:00Z',
        resolved: '2026-11-21T10:30:00Z',
        causedByDeployment: 'd-3',
      }),
      row({
        id: 'i-2',
        type: 'incident',
        started: '2026-11-22T10:00:00Z',
        resolved: '2026-11-22T13:30:00Z',
        causedByDeployment: 'd-3',
      }),
      row({
        id: 'i-3',
        type: 'incident',
        started: '2026-11-23T10:00:00Z',
        resolved: '2026-11-24T10:00:00Z',
      }),
    );
    await new EventStore(knex).insert(rows);

    const dora = await new DoraStore(knex).metrics(ref, now);
    expect(dora.deploymentsPerDay).toEqual({ value: 5 / 30, band: 'high' });
    expect(dora.leadTimeSeconds).toEqual({ value: 6 * 3600, band: 'elite' });
    expect(dora.changeFailureRate).toEqual({ value: 0.2, band: 'low' });
    // incidents caused by a deployment: 0.5 h and 3.5 h, median 2 h
    expect(dora.recoverySeconds).toEqual({ value: 2 * 3600, band: 'high' });
  });

  it('reports no data as null, never NaN', async () => {
    const knex = await databases.init(databaseId);
    await migrateClient(knex);
    const dora = await new DoraStore(knex).metrics(ref, now);
    expect(dora.leadTimeSeconds).toEqual({ value: null, band: null });
    expect(JSON.stringify(dora)).not.toMatch(/NaN|Infinity/);
  });
});
