import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  DoraMetrics,
  OpenSloProblem,
  SloDefinition,
  SloEvaluation,
} from '@system-product/backstage-plugin-common';
import { EventSliSource } from '../slo/EventSliSource';
import { SloFileReader } from '../slo/SloFileReader';
import { DoraStore } from '../slo/DoraStore';
import { counterFor, evaluateSlo } from '../slo/evaluateSlo';
import { SliSourceRegistry } from '../slo/SliSourceRegistry';
import { EntityAccess } from './EntityAccess';

/** The SLOs of an entity with their current evaluation. */
export interface EntitySlos {
  source: string | null;
  dora: DoraMetrics;
  items: Array<SloDefinition & { evaluation: SloEvaluation }>;
  problems: OpenSloProblem[];
}

/** SLO definitions of an entity, from its OpenSLO file, evaluated over its events. */
export class SloService {
  constructor(
    private readonly files: SloFileReader,
    private readonly builtIn: EventSliSource,
    private readonly registry: SliSourceRegistry,
    private readonly dora: DoraStore,
    private readonly access: EntityAccess,
  ) {}

  async list(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
    now = new Date(),
  ): Promise<EntitySlos> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    const file = await this.files.read(entity);
    const items = await Promise.all(
      file.slos.map(async slo => ({
        ...slo,
        evaluation: await this.evaluate(entityRef, slo, now),
      })),
    );
    return {
      source: file.location ?? null,
      items,
      problems: file.problems,
      dora: await this.dora.metrics(entityRef, now),
    };
  }

  private async evaluate(
    entityRef: string,
    slo: SloDefinition,
    now: Date,
  ): Promise<SloEvaluation> {
    const counter = counterFor(slo, this.builtIn, this.registry);
    if (typeof counter === 'string') {
      return {
        window: { from: now.toISOString(), to: now.toISOString() },
        sli: null,
        remaining: null,
        total: 0,
        status: 'no-data',
        burnRates: [],
        reason: counter,
      };
    }
    return evaluateSlo(counter, entityRef, slo, now);
  }
}
