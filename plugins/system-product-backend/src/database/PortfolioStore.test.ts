import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { migrateClient } from './migrations';
import { PortfolioStore } from './PortfolioStore';
import { SurveyStore } from './SurveyStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

describe.each(databases.eachSupportedId())(
  'PortfolioStore on %s',
  databaseId => {
    it('reads the newest round of each entity with its counts', async () => {
      const knex = await databases.init(databaseId);
      await migrateClient(knex);
      const surveys = new SurveyStore(knex);
      const template = (await surveys.getTemplate('platform-pulse'))!;
      const open = (entityRef: string, daysAgo: number) =>
        surveys.createRound({
          entityRef,
          template,
          title: `${daysAgo} days ago`,
          opensAt: new Date(Date.now() - daysAgo * 86_400_000),
          closesAt: new Date(Date.now() + 86_400_000),
          targetGroups: [],
          createdBy: 'user:default/ada',
        });
      const a = 'system:default/a';
      await open(a, 90);
      const newest = await open(a, 1);
      await surveys.answer({
        roundId: newest.id,
        respondentKey: 'k',
        answer: { scored: { nps: 10 }, text: {} },
      });
      await open('system:default/b', 5);

      const headlines = await new PortfolioStore(knex).headlines([
        a,
        'system:default/b',
        'system:default/c',
      ]);
      expect(headlines.latestRounds.get(a)).toEqual({
        roundId: newest.id,
        responses: 1,
      });
      expect(headlines.roundCounts.get(newest.id)).toEqual({ nps: { 10: 1 } });
      expect(headlines.latestRounds.get('system:default/b')?.responses).toBe(0);
      expect(headlines.latestRounds.has('system:default/c')).toBe(false);
    });
  },
);
