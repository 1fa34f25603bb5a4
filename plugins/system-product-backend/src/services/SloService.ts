import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  OpenSloProblem,
  SloDefinition,
  SloEvaluation,
} from '@system-product/backstage-plugin-common';
import { EventSliSource } from '../slo/EventSliSource';
import { SloFileReader } from '../slo/SloFileReader';
import { evaluateSlo } from '../slo/evaluateSlo';
import { EntityAccess } from './EntityAccess';

/** The SLOs of an entity with their current evaluation. */
export interface EntitySlos {
  source: string | null;
  items: Array<SloDefinition & { evaluation: SloEvaluation }>;
  problems: OpenSloProblem[];
}

/** SLO definitions of an entity, from its OpenSLO file, evaluated over its events. */
export class SloService {
  constructor(
    private readonly files: SloFileReader,
    private readonly source: EventSliSource,
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
        evaluation: await evaluateSlo(this.source, entityRef, slo, now),
      })),
    );
    return { source: file.location ?? null, items, problems: file.problems };
  }
}
