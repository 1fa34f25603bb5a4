import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { migrateClient } from '../database/migrations';
import { SurveyStore } from '../database/SurveyStore';
import { SurveyRoundCloseJob } from './SurveyRoundCloseJob';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const now = new Date('2026-11-25T12:00:00Z');
const day = 86_400_000;

const system: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'ci-cd-pipeline', namespace: 'default', title: 'CI/CD' },
  spec: { owner: 'group:default/platform-team' },
};

describe.each(databases.eachSupportedId())(
  'SurveyRoundCloseJob on %s',
  databaseId => {
    it('tells the owners once per closed round, with or without results', async () => {
      const knex = await databases.init(databaseId);
      await migrateClient(knex);
      const store = new SurveyStore(knex);
      const template = (await store.getTemplate('platform-pulse'))!;
      const round = async (title: string, closesInDays: number) =>
        store.createRound({
          entityRef: 'system:default/ci-cd-pipeline',
          template,
          title,
          opensAt: new Date(now.getTime() - 20 * day),
          closesAt: new Date(now.getTime() + closesInDays * day),
          targetGroups: [],
          createdBy: 'user:default/ada',
        });
      const enough = await round('October pulse', -2);
      await round('November pulse', -1);
      await round('December pulse', 5);
      // Five answers to October, one to November (k = 5).
      for (let i = 0; i < 5; i++) {
        await store.answer({
          roundId: enough.id,
          respondentKey: `key-${i}`,
          answer: { scored: { nps: 9 }, text: {} },
        });
      }
      const send = jest.fn().mockResolvedValue(undefined);
      const job = new SurveyRoundCloseJob({
        catalog: catalogServiceMock({ entities: [system] }),
        auth: mockServices.auth(),
        surveys: store,
        notifications: { send },
        logger: mockServices.logger.mock(),
        minResponses: 5,
      });

      await expect(job.run(now)).resolves.toEqual({ closed: 2, notified: 2 });
      expect(send.mock.calls.map(([n]) => n.payload.title)).toEqual([
        'Survey round "October pulse" of CI/CD closed',
        'Survey round "November pulse" of CI/CD closed',
      ]);
      expect(send.mock.calls[0][0]).toMatchObject({
        recipients: {
          type: 'entity',
          entityRef: 'group:default/platform-team',
        },
        payload: {
          description: '5 people answered: the results are on the survey card.',
          link: '/catalog/default/system/ci-cd-pipeline',
          topic: 'system-product-survey',
        },
      });
      expect(send.mock.calls[1][0].payload.description).toBe(
        '0 people answered, fewer than the 5 needed, so its results stay hidden. Open a new round and ask more of your users.',
      );

      // Told once: the next runs find nothing until December closes.
      await expect(job.run(new Date(now.getTime() + 60_000))).resolves.toEqual({
        closed: 0,
        notified: 0,
      });
      await expect(job.run(new Date(now.getTime() + 6 * day))).resolves.toEqual(
        { closed: 1, notified: 1 },
      );
      expect(send).toHaveBeenCalledTimes(3);
    });

    it('does not announce rounds that closed before the job existed', async () => {
      const knex = await databases.init(databaseId);
      const directory = resolvePackagePath(
        '@system-product/backstage-plugin-backend',
        'migrations',
      );
      await knex.migrate.latest({ directory });
      await knex.migrate.down({
        directory,
        name: '20261125170000_survey_round_closed_notice.js',
      });
      await knex('survey_rounds').insert({
        id: 'old-round',
        entity_ref: 'system:default/ci-cd-pipeline',
        template_id: 'platform-pulse',
        title: 'Last year',
        opens_at: new Date('2025-01-01T00:00:00Z'),
        closes_at: new Date('2025-01-15T00:00:00Z'),
        target_groups: '[]',
        response_count: 0,
        created_by: 'user:default/ada',
        created_at: new Date('2025-01-01T00:00:00Z'),
      });
      await knex.migrate.latest({ directory });
      const store = new SurveyStore(knex);
      await expect(store.claimClosedRounds(now)).resolves.toEqual([]);
    });
  },
);
