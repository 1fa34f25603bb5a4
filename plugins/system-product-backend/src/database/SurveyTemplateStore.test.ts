import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { SurveyTemplateDefinition } from '@system-product/backstage-plugin-common';
import { migrateClient } from './migrations';
import { SurveyStore } from './SurveyStore';
import { SurveyTemplateStore } from './SurveyTemplateStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

const ENTITY = 'system:default/ci-cd-pipeline';

const onboarding: SurveyTemplateDefinition = {
  id: 'onboarding',
  title: 'Onboarding',
  questions: [
    {
      id: 'first-deploy',
      kind: 'single',
      prompt: 'How long did your first deployment take?',
      options: ['Under a day', 'A few days', 'Over a week'],
    },
    {
      id: 'clear',
      kind: 'likert',
      prompt: 'The getting-started guide is clear',
    },
  ],
};

describe.each(databases.eachSupportedId())(
  'SurveyTemplateStore on %s',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      await migrateClient(knex);
      return {
        knex,
        templates: new SurveyTemplateStore(knex),
        surveys: new SurveyStore(knex),
      };
    }

    const openRound = (
      surveys: SurveyStore,
      template: Parameters<SurveyStore['createRound']>[0]['template'],
    ) =>
      surveys.createRound({
        entityRef: ENTITY,
        template,
        title: 'Round',
        opensAt: new Date(Date.now() - 1000),
        closesAt: new Date(Date.now() + 86_400_000),
        targetGroups: [],
        createdBy: 'user:default/ada',
      });

    it('holds the two built-in templates at version 1, scales with their default anchors', async () => {
      const { templates } = await setup();
      const pulse = await templates.get('platform-pulse');
      expect(pulse).toMatchObject({
        id: 'platform-pulse',
        title: 'Platform pulse',
        source: 'built-in',
        version: 1,
        currentVersion: 1,
        offered: true,
        createdBy: 'system-product',
      });
      expect(pulse!.questions.find(q => q.id === 'nps')).toEqual({
        id: 'nps',
        kind: 'nps',
        prompt: 'How likely are you to recommend this system to a colleague?',
        anchors: { low: 'Not at all likely', high: 'Extremely likely' },
      });
      expect(pulse!.questions.find(q => q.id === 'ease')?.anchors).toEqual({
        low: 'Strongly disagree',
        high: 'Strongly agree',
      });
      expect(pulse!.questions.find(q => q.id === 'time')).not.toHaveProperty(
        'anchors',
      );
      await expect(templates.get('moment')).resolves.toMatchObject({
        source: 'built-in',
        offered: false,
      });
    });

    it('gives templates and rounds stored before versions version 1', async () => {
      const { knex } = await setup();
      const directory = resolvePackagePath(
        '@system-product/backstage-plugin-backend',
        'migrations',
      );
      const migration = '20261214100000_survey_template_versions.js';
      // Later migrations first, as knex takes them down newest first.
      const later = (await knex.migrate.list({ directory }))[0]
        .map((m: { name: string }) => m.name)
        .filter((name: string) => name > migration)
        .sort()
        .reverse();
      for (const name of later) await knex.migrate.down({ directory, name });
      await knex.migrate.down({ directory, name: migration });
      await knex('survey_templates').insert({
        id: 'hand-made',
        title: 'Added by hand',
        questions: JSON.stringify([{ id: 'q', kind: 'text', prompt: 'Why?' }]),
      });
      await knex('survey_rounds').insert({
        id: 'old-round',
        entity_ref: ENTITY,
        template_id: 'platform-pulse',
        title: 'Before versions',
        opens_at: new Date(),
        closes_at: new Date(Date.now() + 86_400_000),
        target_groups: '[]',
        response_count: 0,
        created_by: 'user:default/ada',
        created_at: new Date(),
      });
      await migrateClient(knex);

      const templates = new SurveyTemplateStore(knex);
      await expect(templates.get('hand-made')).resolves.toMatchObject({
        source: 'config',
        version: 1,
        createdBy: 'app-config',
        questions: [{ id: 'q', kind: 'text', prompt: 'Why?' }],
      });
      const round = await new SurveyStore(knex).getRound('old-round');
      expect(round).toMatchObject({
        templateId: 'platform-pulse',
        templateVersion: 1,
      });
      expect(round!.questions).toHaveLength(8);
    });

    it('writes an unchanged app-config template once, and a changed one as a new version', async () => {
      const { knex, templates } = await setup();
      await expect(templates.syncConfigTemplate(onboarding)).resolves.toBe(
        'created',
      );
      await expect(templates.syncConfigTemplate(onboarding)).resolves.toBe(
        'unchanged',
      );
      const changed = {
        ...onboarding,
        description: 'For people in their first month',
      };
      await expect(templates.syncConfigTemplate(changed)).resolves.toBe(
        'changed',
      );
      await expect(templates.syncConfigTemplate(changed)).resolves.toBe(
        'unchanged',
      );
      await expect(
        knex('survey_template_versions')
          .where({ template_id: 'onboarding' })
          .orderBy('version')
          .pluck('version'),
      ).resolves.toEqual([1, 2]);
      await expect(templates.get('onboarding')).resolves.toMatchObject({
        source: 'config',
        version: 2,
        description: 'For people in their first month',
      });
      await expect(templates.get('onboarding', 1)).resolves.not.toHaveProperty(
        'description',
      );
    });

    it('keeps a round on its version when the template changes, and opens new rounds on the new one', async () => {
      const { templates, surveys } = await setup();
      await templates.syncConfigTemplate(onboarding);
      const before = await openRound(
        surveys,
        (await templates.get('onboarding'))!,
      );
      await templates.syncConfigTemplate({
        ...onboarding,
        questions: [
          { id: 'setup', kind: 'text', prompt: 'What slowed your setup?' },
        ],
      });
      const after = await openRound(
        surveys,
        (await templates.get('onboarding'))!,
      );
      const old = await surveys.getRound(before.id);
      expect(old).toMatchObject({ templateVersion: 1 });
      expect(old!.questions.map(q => q.id)).toEqual(['first-deploy', 'clear']);
      expect(after.templateVersion).toBe(2);
      const fresh = await surveys.getRound(after.id);
      expect(fresh!.questions.map(q => q.id)).toEqual(['setup']);
      // Listed each with its own questions.
      const listed = await surveys.listRounds(ENTITY);
      expect(
        Object.fromEntries(
          listed.map(r => [r.templateVersion, r.questions.length]),
        ),
      ).toEqual({ 1: 2, 2: 1 });
    });

    it('retires an app-config template that app-config no longer names, and offers it again once it does', async () => {
      const { templates, surveys } = await setup();
      await templates.syncConfigTemplate(onboarding);
      const round = await openRound(
        surveys,
        (await templates.get('onboarding'))!,
      );
      await expect(templates.retireConfigTemplates([])).resolves.toEqual([
        'onboarding',
      ]);
      await expect(templates.retireConfigTemplates([])).resolves.toEqual([]);
      await expect(templates.get('onboarding')).resolves.toMatchObject({
        offered: false,
      });
      expect((await templates.listUsable(ENTITY)).map(t => t.id)).not.toContain(
        'onboarding',
      );
      // Its round still reads its questions.
      expect(
        (await surveys.getRound(round.id))!.questions.map(q => q.id),
      ).toEqual(['first-deploy', 'clear']);

      await expect(templates.syncConfigTemplate(onboarding)).resolves.toBe(
        'unchanged',
      );
      expect((await templates.listUsable(ENTITY)).map(t => t.id)).toEqual([
        'onboarding',
        'platform-pulse',
      ]);
    });

    it("refuses an app-config template whose id is a built-in or an owner's template", async () => {
      const { templates } = await setup();
      await templates.createOwnerTemplate(
        { ...onboarding, id: 'team-pulse' },
        { entityRef: ENTITY, createdBy: 'user:default/ada' },
      );
      await expect(
        templates.syncConfigTemplate({ ...onboarding, id: 'team-pulse' }),
      ).rejects.toThrow(
        `'team-pulse' is already the id of an owner template of ${ENTITY}`,
      );
      await expect(
        templates.syncConfigTemplate({ ...onboarding, id: 'moment' }),
      ).rejects.toThrow("'moment' is a built-in template");
    });

    it("lists the entity's own templates for it only, and refuses an id taken by any template", async () => {
      const { templates } = await setup();
      await templates.createOwnerTemplate(
        { ...onboarding, id: 'team-pulse' },
        { entityRef: ENTITY, createdBy: 'user:default/ada' },
      );
      expect((await templates.listUsable(ENTITY)).map(t => t.id)).toEqual([
        'platform-pulse',
        'team-pulse',
      ]);
      expect(
        (await templates.listUsable('system:default/other')).map(t => t.id),
      ).toEqual(['platform-pulse']);
      for (const id of ['team-pulse', 'platform-pulse']) {
        await expect(
          templates.createOwnerTemplate(
            { ...onboarding, id },
            { entityRef: 'system:default/other', createdBy: 'user:default/b' },
          ),
        ).rejects.toMatchObject({
          name: 'ConflictError',
          message: expect.stringContaining(`'${id}' exists already`),
        });
      }
    });

    it('makes a new version only of changed content, and refuses a stale expected version', async () => {
      const { templates } = await setup();
      const created = await templates.createOwnerTemplate(
        { ...onboarding, id: 'team-pulse' },
        { entityRef: ENTITY, createdBy: 'user:default/ada' },
      );
      expect(created).toMatchObject({
        source: 'owner',
        entityRef: ENTITY,
        version: 1,
        createdBy: 'user:default/ada',
      });
      const same = await templates.update(
        { ...onboarding, id: 'team-pulse' },
        { createdBy: 'user:default/grace', expectedVersion: 1 },
      );
      expect(same).toMatchObject({ version: 1, createdBy: 'user:default/ada' });
      const changed = await templates.update(
        { ...onboarding, id: 'team-pulse', title: 'Team pulse' },
        { createdBy: 'user:default/grace', expectedVersion: 1 },
      );
      expect(changed).toMatchObject({
        title: 'Team pulse',
        version: 2,
        currentVersion: 2,
        createdBy: 'user:default/grace',
      });
      await expect(
        templates.update(
          { ...onboarding, id: 'team-pulse', title: 'Stale' },
          { createdBy: 'user:default/grace', expectedVersion: 1 },
        ),
      ).rejects.toThrow('Survey template team-pulse is at version 2, not 1');
      await expect(
        templates.update(
          { ...onboarding, id: 'nope' },
          { createdBy: 'user:default/grace' },
        ),
      ).resolves.toBeUndefined();
    });

    it('makes one version of two changes at once that say the same', async () => {
      const { knex, templates } = await setup();
      await templates.syncConfigTemplate(onboarding);
      const changed = { ...onboarding, title: 'Onboarding survey' };
      await Promise.all([
        templates.syncConfigTemplate(changed),
        templates.syncConfigTemplate(changed),
      ]);
      await expect(
        knex('survey_template_versions')
          .where({ template_id: 'onboarding' })
          .pluck('version'),
      ).resolves.toHaveLength(2);
    });
  },
);
