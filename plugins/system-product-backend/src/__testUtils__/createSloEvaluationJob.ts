import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { EventCountStore } from '../database/EventCountStore';
import { SliRollupStore } from '../database/SliRollupStore';
import { SloAlertStateStore } from '../database/SloAlertStateStore';
import { SloDefinitionStore } from '../database/SloDefinitionStore';
import { SloEvaluationStore } from '../database/SloEvaluationStore';
import { SloStatusStore } from '../database/SloStatusStore';
import { SloEvaluationJob } from '../jobs/SloEvaluationJob';
import { LatestSloEvaluations } from '../services/LatestSloEvaluations';
import { EventSliSource } from '../slo/EventSliSource';
import { SliSourceRegistry } from '../slo/SliSourceRegistry';
import { SloEvaluator } from '../slo/SloEvaluator';
import { SloFileReader } from '../slo/SloFileReader';

/**
 * The scheduled SLO evaluation over a migrated database and a catalog of
 * `entities`, with the built-in source registered as the plugin registers
 * it (counting from `rollups` when given), as the plugin wires it.
 */
export function createSloEvaluationJob(
  knex: Knex,
  entities: Entity[],
  options: {
    send?: jest.Mock;
    logger?: ReturnType<typeof mockServices.logger.mock>;
    rollups?: SliRollupStore;
    trendFillMs?: number;
  } = {},
): SloEvaluationJob {
  const logger = options.logger ?? mockServices.logger.mock();
  const sources = new SliSourceRegistry();
  sources.add(
    new EventSliSource(new EventCountStore(knex), {
      minResponses: 3,
      rollups: options.rollups,
    }),
  );
  const evaluator = new SloEvaluator(
    new SloFileReader(mockServices.urlReader.mock(), 0),
    new SloDefinitionStore(knex),
    sources,
  );
  return new SloEvaluationJob({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    evaluator,
    definitions: new SloDefinitionStore(knex),
    statuses: new SloStatusStore(knex),
    latest: new LatestSloEvaluations(evaluator, new SloEvaluationStore(knex), {
      logger,
      entityOf: async () => undefined,
    }),
    alertStates: new SloAlertStateStore(knex),
    notifications: { send: options.send ?? jest.fn() },
    logger,
    trendFillMs: options.trendFillMs,
  });
}
