import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  OpenSloProblem,
  SloDefinition,
  SloEvaluation,
} from '@system-product/backstage-plugin-common';
import { EventSliSource } from './EventSliSource';
import { SliSourceRegistry } from './SliSourceRegistry';
import { SloFileReader } from './SloFileReader';
import { counterFor, evaluateSlo, noDataEvaluation } from './evaluateSlo';

/** An entity's SLOs, each evaluated at one moment. */
export interface EvaluatedSlos {
  source: string | null;
  items: Array<SloDefinition & { evaluation: SloEvaluation }>;
  problems: OpenSloProblem[];
}

/** Reads an entity's SLO file and evaluates every SLO in it; shared by the route and the scheduled job. */
export class SloEvaluator {
  constructor(
    private readonly files: SloFileReader,
    private readonly builtIn: EventSliSource,
    private readonly registry: SliSourceRegistry,
  ) {}

  async evaluate(entity: Entity, now: Date): Promise<EvaluatedSlos> {
    const entityRef = stringifyEntityRef(entity);
    const file = await this.files.read(entity);
    const items = await Promise.all(
      file.slos.map(async slo => ({
        ...slo,
        evaluation: await this.one(entityRef, slo, now),
      })),
    );
    return { source: file.location ?? null, items, problems: file.problems };
  }

  private async one(
    entityRef: string,
    slo: SloDefinition,
    now: Date,
  ): Promise<SloEvaluation> {
    const counter = counterFor(slo, this.builtIn, this.registry);
    if (typeof counter === 'string') {
      const at = now.toISOString();
      return noDataEvaluation({ from: at, to: at }, counter);
    }
    return evaluateSlo(counter, entityRef, slo, now);
  }
}
