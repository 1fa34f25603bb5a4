import {
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { isScaleKind } from '@system-product/backstage-plugin-common';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { createStores } from '../database/createStores';
import { migrateClient } from '../database/migrations';
import { EntityAccess } from './EntityAccess';
import { RespondentKeys } from './RespondentKeys';
import { SurveyService } from './SurveyService';
import { SurveyTemplateService } from './SurveyTemplateService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const system: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'ci', namespace: 'default' },
  spec: { owner: 'group:default/platform-team' },
};
const user = (name: string, groups: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {},
  relations: [
    ...groups.map(targetRef => ({ type: 'memberOf', targetRef })),
    // Not a direct group: never a cell.
    { type: 'ownerOf', targetRef: 'component:default/app' },
  ],
});
const MOBILE = 'group:default/mobile';
const WEB = 'group:default/web';

// k = 3.
describe.each(databases.eachSupportedId())(
  'SurveyService results by group on %s',
  id => {
    async function setup(
      entityOf: (ref: string) => Promise<Entity | undefined>,
    ) {
      const knex = await databases.init(id);
      await migrateClient(knex);
      const stores = createStores(knex, { minResponses: 3 });
      const logger = mockServices.logger.mock();
      const access = new EntityAccess(
        catalogServiceMock({ entities: [system] }),
        mockServices.permissions(),
        { cacheTtlMs: 0 },
      );
      const keys = await RespondentKeys.create({
        config: mockServices.rootConfig({
          data: { systemProduct: { survey: { respondentKeySecret: 'test' } } },
        }),
        settings: stores.settings,
        logger,
      });
      const templates = new SurveyTemplateService(
        stores.surveyTemplates,
        access,
        { configTemplates: [], logger },
      );
      const lookups = jest.fn(entityOf);
      const service = new SurveyService(
        stores.surveys,
        templates,
        access,
        keys,
        3,
        undefined,
        undefined,
        { entityOf: lookups, logger },
      );
      const round = await stores.surveys.createRound({
        entityRef: 'system:default/ci',
        template: (await stores.surveys.getTemplate('platform-pulse'))!,
        title: 'Q4 pulse',
        opensAt: new Date(Date.now() - 1000),
        closesAt: new Date(Date.now() + 86_400_000),
        targetGroups: [],
        createdBy: 'user:default/ada',
      });
      const answerAs = (name: string, answers: Record<string, unknown>) =>
        service.answer(
          round.id,
          { answers } as any,
          mockCredentials.user(`user:default/${name}`),
        );
      const storedGroups = () =>
        knex('survey_response_groups')
          .orderBy(['response_id', 'group_ref'])
          .select('response_id', 'group_ref');
      return {
        knex,
        service,
        round,
        logger,
        lookups,
        answerAs,
        storedGroups,
      };
    }

    it('stores an answer without groups when the catalog cannot answer, and warns', async () => {
      const { answerAs, storedGroups, logger } = await setup(async () => {
        throw new Error('catalog is down');
      });
      await expect(answerAs('u1', { nps: 9 })).resolves.toMatchObject({
        replaced: false,
      });
      await expect(storedGroups()).resolves.toEqual([]);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('catalog is down'),
      );
    });

    it('files a user’s answer under their direct groups, as they are at each answer, and a service’s import under none', async () => {
      const members: Record<string, string[]> = { u1: [WEB, MOBILE] };
      const { answerAs, storedGroups, lookups, service, round } = await setup(
        async ref => {
          const name = ref.split('/')[1];
          return members[name] && user(name, members[name]);
        },
      );
      await answerAs('u1', { nps: 9 });
      expect(lookups).toHaveBeenCalledWith('user:default/u1');
      const [first] = await storedGroups();
      await expect(storedGroups()).resolves.toEqual([
        { response_id: first.response_id, group_ref: MOBILE },
        { response_id: first.response_id, group_ref: WEB },
      ]);
      // u1 left web: their changed answer is filed under mobile only.
      members.u1 = [MOBILE];
      await answerAs('u1', { nps: 10 });
      await expect(storedGroups()).resolves.toEqual([
        { response_id: first.response_id, group_ref: MOBILE },
      ]);
      // A user the catalog does not know, and an imported answer: no group.
      await answerAs('stranger', { nps: 3 });
      lookups.mockClear();
      await service.answer(
        round.id,
        { respondent: 'r-1', answers: { nps: 5 } },
        mockCredentials.service('plugin:importer'),
      );
      expect(lookups).not.toHaveBeenCalled();
      await expect(storedGroups()).resolves.toHaveLength(1);
    });

    it('shows a cell’s scored questions without the count of those fewer than k answered, and a hidden cell without any count', async () => {
      const members: Record<string, string[]> = {
        u1: [MOBILE],
        u2: [MOBILE],
        u3: [MOBILE, WEB],
        u4: [WEB],
        u5: [],
        u6: [],
      };
      const { answerAs, service, round } = await setup(async ref => {
        const name = ref.split('/')[1];
        return user(name, members[name] ?? []);
      });
      await answerAs('u1', { nps: 10, csat: 5 });
      await answerAs('u2', { nps: 9 });
      await answerAs('u3', { nps: 0, complex: 'Flaky tests' });
      await answerAs('u4', { nps: 10 });
      await answerAs('u5', { nps: 10 });
      await answerAs('u6', { nps: 10 });

      // Published at 6: mobile 3 (3 others), web 2.
      const results = await service.results(
        round.id,
        mockCredentials.user('user:default/reader'),
      );
      // The template's first scale question is nps; only 1 of mobile
      // answered any other.
      const others = round.questions
        .filter(q => isScaleKind(q.kind) && q.id !== 'nps')
        .map(q => ({ questionId: q.id, kind: q.kind, visible: false }));
      expect(others.length).toBeGreaterThan(0);
      expect(results).toHaveProperty('groups', [
        {
          group: MOBILE,
          visible: true,
          responses: 3,
          scored: [
            {
              questionId: 'nps',
              kind: 'nps',
              answered: 3,
              visible: true,
              distribution: { 0: 1, 9: 1, 10: 1 },
              mean: 19 / 3,
              // 2 promoters, 1 detractor of 3
              score: expect.closeTo(100 / 3),
            },
            ...others,
          ],
          choice: [],
        },
        // Hidden, and not named: web had 2 respondents.
        { visible: false },
      ]);
      expect(JSON.stringify(results)).not.toContain('user:');
      expect(JSON.stringify(results)).not.toContain(WEB);
    });
  },
);
