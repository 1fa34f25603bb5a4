import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { DoraMetrics } from '@system-product/backstage-plugin-common';
import { DoraStore } from '../slo/DoraStore';
import { EvaluatedSlos, SloEvaluator } from '../slo/SloEvaluator';
import { EntityAccess } from './EntityAccess';

/** The SLOs of an entity with their current evaluation, and its DORA keys. */
export interface EntitySlos extends EvaluatedSlos {
  dora: DoraMetrics;
}

/** SLOs of an entity, from its OpenSLO file, evaluated over its events. */
export class SloService {
  constructor(
    private readonly evaluator: SloEvaluator,
    private readonly dora: DoraStore,
    private readonly access: EntityAccess,
  ) {}

  async list(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
    now = new Date(),
  ): Promise<EntitySlos> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const evaluated = await this.evaluator.evaluate(entity, now);
    return {
      ...evaluated,
      dora: await this.dora.metrics(stringifyEntityRef(entity), now),
    };
  }
}
