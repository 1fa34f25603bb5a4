import { PluginSettingsStore } from './database/PluginSettingsStore';
import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { migrateClient } from './database/migrations';
import { readHistoryDays } from './config';
import { systemProductPlugin } from './plugin';
import { RespondentKeys } from './services/RespondentKeys';

const config = (slo: object) =>
  mockServices.rootConfig({ data: { systemProduct: { slo } } });

describe('systemProduct.slo.historyDays', () => {
  it('keeps 400 days unless configured', () => {
    expect(readHistoryDays(config({}))).toBe(400);
    expect(readHistoryDays(config({ historyDays: 30 }))).toBe(30);
  });

  it.each([0, -5, 1.5])('refuses %s at start-up', days => {
    expect(() => readHistoryDays(config({ historyDays: days }))).toThrow(
      `systemProduct.slo.historyDays must be a whole number of days, at least 1, got ${days}`,
    );
  });
});

describe('systemProduct.survey.respondentKeySecret', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const keysWith = async (survey: object, nodeEnv: string) => {
    const db = await databases.init('SQLITE_3');
    await migrateClient(db);
    const logger = mockServices.logger.mock();
    const create = () =>
      RespondentKeys.create({
        config: mockServices.rootConfig({
          data: { systemProduct: { survey } },
        }),
        settings: new PluginSettingsStore(db),
        logger,
        nodeEnv,
      });
    return { db, logger, create };
  };

  it.each(['production', 'staging', ''])(
    'is required when NODE_ENV is "%s": the backend refuses to start without it',
    async nodeEnv => {
      const { db, create } = await keysWith({}, nodeEnv);
      await expect(create()).rejects.toThrow(
        /systemProduct\.survey\.respondentKeySecret must be set \(NODE_ENV is .*, not development\)/,
      );
      await expect(db('plugin_settings').select()).resolves.toEqual([]);
    },
  );

  it('refuses to start the plugin in production without it', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(
        startTestBackend({
          features: [
            systemProductPlugin,
            catalogServiceMock.factory(),
            mockServices.rootConfig.factory({ data: {} }),
          ],
        }),
      ).rejects.toThrow(/respondentKeySecret must be set/);
    } finally {
      process.env.NODE_ENV = before;
    }
  });

  it('keys with the configured secret in production, and deletes a generated one', async () => {
    const dev = await keysWith({}, 'development');
    const generated = await dev.create();
    const { create, logger } = {
      ...dev,
      create: () =>
        RespondentKeys.create({
          config: mockServices.rootConfig({
            data: {
              systemProduct: { survey: { respondentKeySecret: 'from-vault' } },
            },
          }),
          settings: new PluginSettingsStore(dev.db),
          logger: dev.logger,
          nodeEnv: 'production',
        }),
    };
    const configured = await create();
    expect(configured.keyFor('r1', 'user:default/ada')).not.toBe(
      generated.keyFor('r1', 'user:default/ada'),
    );
    await expect(dev.db('plugin_settings').select()).resolves.toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('deleted the secret generated'),
    );
  });

  it('falls back to a secret generated in the database in development, with a warning', async () => {
    const { create, logger } = await keysWith({}, 'development');
    const first = await create();
    const again = await create();
    expect(again.keyFor('r1', 'user:default/ada')).toBe(
      first.keyFor('r1', 'user:default/ada'),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('fit for development only'),
    );
  });
});
