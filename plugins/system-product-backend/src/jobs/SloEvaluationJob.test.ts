import {
  TestDatabases,
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { parse as parseYaml } from 'yaml';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { deploymentSuccessSlo } from '../__testUtils__/deploymentSuccessSlo';
import { EventRow, EventStore } from '../database/EventStore';
import { SloDefinitionStore } from '../database/SloDefinitionStore';
import { SloEvaluationStore } from '../database/SloEvaluationStore';
import { migrateClient } from '../database/migrations';
import { toEventRow } from '../services/EventService';
import { createSloEvaluationJob } from '../__testUtils__/createSloEvaluationJob';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const now = new Date('2026-11-25T12:00:00Z');

/** The SLO file's SLO with an OpenSLO alert policy: burn ≥ 2 over 1 h for 10 min, to the SRE group. */
const withPolicy = `${deploymentSuccessSlo('deployment-success', {
  displayName: 'Deployment success',
})}  alertPolicies: [{ alertPolicyRef: sre-page }]
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata: { name: sre-page, displayName: Page the SREs }
spec:
  alertWhenBreaching: true
  alertWhenResolved: true
  conditions:
    - kind: AlertCondition
      metadata: { name: fast-burn }
      spec:
        severity: page
        condition: { kind: burnrate, op: gte, threshold: 2, lookbackWindow: 1h, alertAfter: 10m }
  notificationTargets:
    - kind: AlertNotificationTarget
      metadata: { name: sre }
      spec: { target: 'group:default/sre' }
`;

const dir = createMockDirectory({
  content: {
    'entities.yaml': '',
    'slos.yaml': deploymentSuccessSlo('deployment-success', {
      displayName: 'Deployment success',
    }),
    'policy-slos.yaml': withPolicy,
  },
});

/** A system of the file location above, with its OpenSLO file. */
function system(name: string, title?: string, sloFile = 'slos.yaml'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name,
      namespace: 'default',
      ...(title && { title }),
      annotations: {
        'backstage.io/managed-by-location': `file:${dir.resolve(
          'entities.yaml',
        )}`,
        'system-product/slo-ref': `./${sloFile}`,
      },
    },
    spec: { owner: 'group:default/platform-team' },
  };
}

/** 10 deployments of a system, 5 failed: far beyond a 10% budget. */
function breachingDeployments(name: string): EventRow[] {
  return Array.from({ length: 10 }, (_, i) => {
    const deployTime = new Date(
      now.getTime() - (48 + i) * 3_600_000,
    ).toISOString();
    return toEventRow(
      {
        id: `${name}-${i}`,
        entityRef: `system:default/${name}`,
        type: 'deployment',
        commitSha: 'x',
        commitTime: deployTime,
        deployTime,
        environment: 'production',
        succeeded: i % 2 === 0,
      },
      now,
    ) as EventRow;
  });
}

function createJob(
  knex: Knex,
  entities: Entity[],
  send: jest.Mock,
  logger = mockServices.logger.mock(),
) {
  return createSloEvaluationJob(knex, entities, { send, logger });
}

describe.each(databases.eachSupportedId())(
  'SloEvaluationJob on %s',
  databaseId => {
    async function setup(names: string[]) {
      const knex = await databases.init(databaseId);
      await migrateClient(knex);
      await new EventStore(knex).insert(names.flatMap(breachingDeployments));
      return knex;
    }

    it('records every evaluation and notifies the owners once per breached episode', async () => {
      const knex = await setup(['ci-cd-pipeline']);
      const send = jest.fn();
      const job = createJob(
        knex,
        [system('ci-cd-pipeline', 'CI/CD Pipeline')],
        send,
      );

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
          title: 'Deployment success of CI/CD Pipeline is breached',
          severity: 'high',
          link: '/catalog/default/system/ci-cd-pipeline/system-product/slos',
        }),
      });
      const history = await knex('slo_status_history').orderBy('evaluated_at');
      expect(history.map(r => r.status)).toEqual(['breached', 'breached']);
      // The routes serve the latest run's evaluation.
      const served = await new SloEvaluationStore(knex).list(
        'system:default/ci-cd-pipeline',
      );
      expect(
        [...served.values()].map(({ evaluation }) => [
          evaluation.status,
          evaluation.evaluatedAt,
        ]),
      ).toEqual([
        ['breached', new Date(now.getTime() + 300_000).toISOString()],
      ]);
      expect(Number(history[0].sli)).toBeCloseTo(0.5);
    });

    it('evaluates the SLOs made in the portal of a system that has no SLO file', async () => {
      const knex = await setup(['portal-only', 'gone']);
      const { annotations: _file, ...metadata } =
        system('portal-only').metadata;
      const withoutFile: Entity = { ...system('portal-only'), metadata };
      const definitions = new SloDefinitionStore(knex);
      for (const name of ['portal-only', 'gone']) {
        await definitions.insert(
          `system:default/${name}`,
          'deployment-success',
          parseYaml(deploymentSuccessSlo('deployment-success')),
          'user:default/ada',
        );
      }
      const send = jest.fn();
      // "gone" has SLOs in the portal but is no longer in the catalog.
      const job = createJob(knex, [withoutFile], send);

      await expect(job.run(now)).resolves.toEqual({
        evaluated: 1,
        notified: 1,
      });
      const recorded = await knex('slo_status_history').select(
        'entity_ref',
        'slo_name',
        'status',
      );
      expect(recorded).toEqual([
        {
          entity_ref: 'system:default/portal-only',
          slo_name: 'deployment-success',
          status: 'breached',
        },
      ]);
    });

    it('evaluates every SLO of every entity when a notification cannot be sent', async () => {
      const knex = await setup(['first', 'second']);
      const send = jest
        .fn()
        .mockRejectedValueOnce(new Error('notifications are down'))
        .mockResolvedValue(undefined);
      const logger = mockServices.logger.mock();
      const job = createJob(
        knex,
        [system('first'), system('second')],
        send,
        logger,
      );

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
          'Could not notify group:default/platform-team about deployment-success of system:default/first',
        ),
      );
    });

    it('notifies as its alert policy says: after alertAfter, to the groups it names, and when resolved', async () => {
      const knex = await setup([]);
      // 30 minutes ago: 4 deployments, 2 failed. Over the last hour the error
      // ratio is 2/4 against a 10% budget: a burn of 5, at least 2.
      const recent = (i: number, succeeded: boolean) => {
        const at = new Date(now.getTime() - 1_800_000).toISOString();
        return toEventRow(
          {
            id: `recent-${i}`,
            entityRef: 'system:default/watched',
            type: 'deployment',
            commitSha: 'x',
            commitTime: at,
            deployTime: at,
            environment: 'production',
            succeeded,
          },
          now,
        ) as EventRow;
      };
      await new EventStore(knex).insert([
        recent(1, true),
        recent(2, false),
        recent(3, true),
        recent(4, false),
      ]);
      const send = jest.fn();
      const job = createJob(
        knex,
        [system('watched', 'Watched', 'policy-slos.yaml')],
        send,
      );
      const minutes = (m: number) => new Date(now.getTime() + m * 60_000);

      // Holding, but not yet for 10 minutes; the default alerts stay quiet
      // although the SLO is breached: the policy is in force.
      await expect(job.run(now)).resolves.toMatchObject({ notified: 0 });
      await expect(job.run(minutes(5))).resolves.toMatchObject({ notified: 0 });
      await expect(job.run(minutes(10))).resolves.toMatchObject({
        notified: 1,
      });
      expect(send).toHaveBeenLastCalledWith({
        recipients: { type: 'entity', entityRef: 'group:default/sre' },
        payload: expect.objectContaining({
          title: 'Deployment success of Watched: Page the SREs fires',
          description:
            'Alert condition fast-burn: burn rate 5.00 ≥ 2 over 1 h, for 10 min.',
          severity: 'high',
        }),
      });
      // Still firing: one episode, one notification.
      await expect(job.run(minutes(15))).resolves.toMatchObject({
        notified: 0,
      });
      // Two hours on the hour holds no deployments: resolved.
      await expect(job.run(minutes(120))).resolves.toMatchObject({
        notified: 1,
      });
      expect(send).toHaveBeenLastCalledWith({
        recipients: { type: 'entity', entityRef: 'group:default/sre' },
        payload: expect.objectContaining({
          title: 'Deployment success of Watched: Page the SREs resolved',
          severity: 'low',
        }),
      });
      expect(send).toHaveBeenCalledTimes(2);
    });
  },
);
