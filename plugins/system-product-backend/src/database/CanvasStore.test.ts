import { TestDatabases } from '@backstage/backend-test-utils';
import { emptyCanvasContent } from '@system-product/backstage-plugin-common';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { KnexCanvasStore } from './CanvasStore';
import { migrateClient, rollbackDatabaseMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await migrateClient(knex);
  return { knex, store: new KnexCanvasStore(knex) };
}

function contentWithValue(value: string) {
  const content = emptyCanvasContent();
  content.valueProposition.value = value;
  return content;
}

describe.each(databases.eachSupportedId())(
  'KnexCanvasStore on %s',
  databaseId => {
    it('starts without a canvas and stores the first one as version 1', async () => {
      const { store } = await createStore(databaseId);
      const ref = 'system:default/ci-cd-pipeline';
      await expect(store.get(ref)).resolves.toBeUndefined();

      const saved = await store.save({
        entityRef: ref,
        baseVersion: 0,
        content: contentWithValue('Ship safely'),
        changedBy: 'user:default/ada',
      });

      expect(saved.version).toBe(1);
      await expect(store.get(ref)).resolves.toMatchObject({
        version: 1,
        updatedBy: 'user:default/ada',
        content: { valueProposition: { value: 'Ship safely' } },
      });
    });

    it('rejects a write based on a stale version and keeps the stored content', async () => {
      const { store } = await createStore(databaseId);
      const ref = 'system:default/support-desk';
      const base = { entityRef: ref, changedBy: 'user:default/grace' };
      await store.save({
        ...base,
        baseVersion: 0,
        content: contentWithValue('v1'),
      });
      await store.save({
        ...base,
        baseVersion: 1,
        content: contentWithValue('v2'),
      });

      await expect(
        store.save({
          ...base,
          baseVersion: 1,
          content: contentWithValue('lost'),
        }),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining('at version 2'),
      });
      await expect(store.get(ref)).resolves.toMatchObject({
        version: 2,
        content: { valueProposition: { value: 'v2' } },
      });
    });

    it('lets exactly one of two concurrent first writes win', async () => {
      const { store } = await createStore(databaseId);
      const ref = 'system:default/developer-portal';
      const results = await Promise.allSettled(
        ['a', 'b'].map(value =>
          store.save({
            entityRef: ref,
            baseVersion: 0,
            content: contentWithValue(value),
            changedBy: 'user:default/linus',
          }),
        ),
      );
      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter(r => r.status === 'rejected')).toHaveLength(1);
      await expect(store.listRevisions(ref)).resolves.toHaveLength(1);
    });

    it('records who changed which sections, newest first', async () => {
      const { store } = await createStore(databaseId);
      const ref = 'system:default/ci-cd-pipeline';
      const first = contentWithValue('Ship safely');
      await store.save({
        entityRef: ref,
        baseVersion: 0,
        content: first,
        changedBy: 'user:default/ada',
      });
      const second = contentWithValue('Ship safely');
      second.journey.touchpoints = ['Open a pull request'];
      await store.save({
        entityRef: ref,
        baseVersion: 1,
        content: second,
        changedBy: 'user:default/guest',
      });

      const revisions = await store.listRevisions(ref);
      expect(
        revisions.map(r => [r.version, r.changedBy, r.changedSections]),
      ).toEqual([
        [2, 'user:default/guest', ['journey']],
        [
          1,
          'user:default/ada',
          ['users', 'valueProposition', 'journey', 'metrics', 'roadmap'],
        ],
      ]);
      expect(Date.parse(revisions[0].changedAt)).not.toBeNaN();
    });

    it('migrates every table down and up again', async () => {
      const { knex } = await createStore(databaseId);
      const tables = [
        'canvases',
        'canvas_revisions',
        'journeys',
        'touchpoints',
        'friction_reports',
        'survey_rounds',
        'survey_answer_counts',
        'roadmap_items',
        'plugin_settings',
        'delivery_events',
        'slo_status_history',
        'slo_definitions',
        'slo_status_latest',
      ];
      await rollbackDatabaseMigrations(knex);
      for (const table of tables) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
      await migrateClient(knex);
      for (const table of tables) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(true);
      }
    });
  },
);
