import {
  TestDatabases,
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';
import { deploymentSuccessSlo } from '../__testUtils__/deploymentSuccessSlo';
import { EventRow, EventStore } from '../database/EventStore';
import { SloDefinitionStore } from '../database/SloDefinitionStore';
import { SloStatusStore } from '../database/SloStatusStore';
import { migrateClient } from '../database/migrations';
import { SloEvaluationJob } from '../jobs/SloEvaluationJob';
import { toEventRow } from '../services/EventService';
import { EventSliSource } from '../slo/EventSliSource';
import { SliSourceRegistry } from '../slo/SliSourceRegistry';
import { SloEvaluator } from '../slo/SloEvaluator';
import { SloFileReader } from '../slo/SloFileReader';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const now = new Date('2026-11-25T12:00:00Z');

describe.each(databases.eachSupportedId())(
  'scheduled SLO evaluation on %s',
  databaseId => {
    it('evaluates every SLO of every entity when a notification cannot be sent', async () => {
      const knex = await databases.init(databaseId);
      await migrateClient(knex);
      const dir = createMockDirectory({
        content: {
          'entities.yaml': '',
          'slos.yaml': deploymentSuccessSlo('deployment-success'),
        },
      });
      const system = (name: string): Entity => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: {
          name,
          namespace: 'default',
          annotations: {
            'backstage.io/managed-by-location': `file:${dir.resolve(
              'entities.yaml',
            )}`,
            'system-product/slo-ref': './slos.yaml',
          },
        },
        spec: { owner: 'group:default/platform-team' },
      });
      // Both systems breach: half of their deployments failed.
      await new EventStore(knex).insert(
        ['first', 'second'].flatMap(name =>
          Array.from({ length: 10 }, (_, i) => {
            const at = new Date(
              now.getTime() - (48 + i) * 3_600_000,
            ).toISOString();
            return toEventRow(
              {
                id: `${name}-${i}`,
                entityRef: `system:default/${name}`,
                type: 'deployment',
                commitSha: 'x',
                commitTime: at,
                deployTime: at,
                environment: 'production',
                succeeded: i % 2 === 0,
              },
              now,
            ) as EventRow;
          }),
        ),
      );
      const send = jest
        .fn()
        .mockRejectedValueOnce(new Error('notifications are down'))
        .mockResolvedValue(undefined);
      const logger = mockServices.logger.mock();
      const job = new SloEvaluationJob({
        catalog: catalogServiceMock({
          entities: [system('first'), system('second')],
        }),
        auth: mockServices.auth(),
        evaluator: new SloEvaluator(
          new SloFileReader(mockServices.urlReader.mock(), 0),
          new SloDefinitionStore(knex),
          new EventSliSource(knex, { minResponses: 3 }),
          new SliSourceRegistry(),
        ),
        statuses: new SloStatusStore(knex),
        notifications: { send },
        logger,
      });

      await expect(job.run(now)).resolves.toEqual({
        evaluated: 2,
        notified: 1,
      });
      const recorded = await knex('slo_status_history')
        .orderBy('entity_ref')
        .pluck('entity_ref');
      expect(recorded).toEqual([
        'system:default/first',
        'system:default/second',
      ]);
      expect(send).toHaveBeenCalledTimes(2);
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining(
          'Could not notify group:default/platform-team that deployment-success of system:default/first is breaching',
        ),
      );
    });
  },
);
