import {
  TestDatabases,
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';
import { EventRow, EventStore } from '../database/EventStore';
import { SloDefinitionStore } from '../database/SloDefinitionStore';
import { SloStatusStore } from '../database/SloStatusStore';
import { migrateClient } from '../database/migrations';
import { toEventRow } from '../services/EventService';
import { EventSliSource } from '../slo/EventSliSource';
import { SliSourceRegistry } from '../slo/SliSourceRegistry';
import { SloEvaluator } from '../slo/SloEvaluator';
import { SloFileReader } from '../slo/SloFileReader';
import { SloEvaluationJob } from './SloEvaluationJob';
import { deploymentSuccessSlo } from '../__testUtils__/deploymentSuccessSlo';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const now = new Date('2026-11-25T12:00:00Z');

function deployment(id: string, hoursAgo: number, succeeded: boolean) {
  const deployTime = new Date(
    now.getTime() - hoursAgo * 3_600_000,
  ).toISOString();
  return toEventRow(
    {
      id,
      entityRef: 'system:default/ci-cd-pipeline',
      type: 'deployment',
      commitSha: 'x',
      commitTime: deployTime,
      deployTime,
      environment: 'production',
      succeeded,
    },
    now,
  ) as EventRow;
}

describe.each(databases.eachSupportedId())(
  'SloEvaluationJob on %s',
  databaseId => {
    it('records every evaluation and notifies the owners once per breaching episode', async () => {
      const knex = await databases.init(databaseId);
      await migrateClient(knex);
      const dir = createMockDirectory({
        content: {
          'entities.yaml': '',
          'slos.yaml': deploymentSuccessSlo('deployment-success', {
            displayName: 'Deployment success',
          }),
        },
      });
      const entity: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: {
          name: 'ci-cd-pipeline',
          namespace: 'default',
          title: 'CI/CD Pipeline',
          annotations: {
            'backstage.io/managed-by-location': `file:${dir.resolve(
              'entities.yaml',
            )}`,
            'system-product/slo-ref': './slos.yaml',
          },
        },
        spec: { owner: 'group:default/platform-team' },
      };
      const events = new EventStore(knex);
      // 10 deployments, 5 failed: far beyond a 10% budget
      await events.insert(
        Array.from({ length: 10 }, (_, i) =>
          deployment(`d-${i}`, 48 + i, i % 2 === 0),
        ),
      );
      const send = jest.fn();
      const job = new SloEvaluationJob({
        catalog: catalogServiceMock({ entities: [entity] }),
        auth: mockServices.auth(),
        evaluator: new SloEvaluator(
          new SloFileReader(mockServices.urlReader.mock(), 0),
          new SloDefinitionStore(knex),
          new EventSliSource(knex, { minResponses: 3 }),
          new SliSourceRegistry(),
        ),
        statuses: new SloStatusStore(knex),
        notifications: { send },
        logger: mockServices.logger.mock(),
      });

      await expect(job.run(now)).resolves.toEqual({
        evaluated: 1,
        notified: 1,
      });
      await expect(job.run(new Date(now.getTime() + 300_000))).resolves.toEqual(
        {
          evaluated: 1,
          notified: 0,
        },
      );

      expect(send).toHaveBeenCalledTimes(1);
      expect(send).toHaveBeenCalledWith({
        recipients: {
          type: 'entity',
          entityRef: 'group:default/platform-team',
        },
        payload: expect.objectContaining({
          title: 'Deployment success of CI/CD Pipeline is breaching',
          severity: 'high',
          link: '/catalog/default/system/ci-cd-pipeline/system-product/slos',
        }),
      });
      const history = await knex('slo_status_history').orderBy('evaluated_at');
      expect(history.map(r => r.status)).toEqual(['breaching', 'breaching']);
      expect(Number(history[0].sli)).toBeCloseTo(0.5);
    });
  },
);
