import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  DoraMetrics,
  DoraPeriodDays,
  EntitySlos,
  EvaluatedSlo,
  SloStatusReport,
  parseOpenSlo,
  systemProductSloManagePermission,
  toOpenSloDocument,
} from '@system-product/backstage-plugin-common';
import { stringify } from 'yaml';
import { SloDefinitionStore } from '../database/SloDefinitionStore';
import { SloStatusStore } from '../database/SloStatusStore';
import { DoraStore } from '../database/DoraStore';
import { SloEvaluator } from '../slo/SloEvaluator';
import { EntityAccess, principalRef } from './EntityAccess';
import { LatestSloEvaluations } from './LatestSloEvaluations';

/** Trend points returned with one SLO's status. */
const HISTORY_LIMIT = 500;

/**
 * SLOs of an entity, from its OpenSLO file and made in the portal, with
 * their latest evaluation (see {@link LatestSloEvaluations}: how old a
 * figure can be); their trend; their export as OpenSLO.
 */
export class SloService {
  constructor(
    private readonly evaluator: SloEvaluator,
    private readonly portal: SloDefinitionStore,
    private readonly statuses: SloStatusStore,
    private readonly doraStore: DoraStore,
    private readonly access: EntityAccess,
    private readonly latest: LatestSloEvaluations,
  ) {}

  async list(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntitySlos> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const { source, slos, problems } = await this.evaluator.definitions(entity);
    return { source, items: await this.latest.read(entity, slos), problems };
  }

  /** DORA's figures of an entity the caller can see, over the last `days`. */
  async dora(
    ref: CompoundEntityRef,
    days: DoraPeriodDays,
    credentials: BackstageCredentials,
    now = new Date(),
  ): Promise<DoraMetrics> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    return this.doraStore.metrics(stringifyEntityRef(entity), now, days);
  }

  /** One SLO's latest evaluation, with the scheduled evaluations of its window. */
  async status(
    ref: CompoundEntityRef,
    sloName: string,
    credentials: BackstageCredentials,
  ): Promise<SloStatusReport> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    const { slos } = await this.evaluator.definitions(entity);
    const definition = slos.find(s => s.name === sloName);
    if (!definition) {
      throw new NotFoundError(`${entityRef} has no SLO ${sloName}`);
    }
    const [slo] = await this.latest.read(entity, [definition]);
    const history = await this.statuses.history(
      entityRef,
      sloName,
      new Date(slo.evaluation.window.from),
      new Date(slo.evaluation.window.to),
      HISTORY_LIMIT,
    );
    return { slo, history };
  }

  /**
   * Adds an SLO made in the portal from an OpenSLO v1 `SLO` document. It must
   * parse, be measurable by an SLI source, and not reuse a name of the file.
   */
  async create(
    ref: CompoundEntityRef,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<EvaluatedSlo> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    await this.access.authorizeChange(
      entityRef,
      systemProductSloManagePermission,
      credentials,
    );
    const { slos, problems } = parseOpenSlo([body], 'request');
    if (problems.length > 0) {
      throw new InputError(
        `Invalid OpenSLO document: ${problems
          .map(p => `${p.field || 'document'} ${p.message}`)
          .join('; ')}`,
      );
    }
    if (slos.length !== 1) {
      throw new InputError(
        'The body must be one OpenSLO v1 document of kind SLO',
      );
    }
    const definition = { ...slos[0], origin: 'portal' as const };
    const existing = await this.evaluator.definitions(entity);
    if (
      existing.slos.some(s => s.name === definition.name && s.origin === 'file')
    ) {
      throw new ConflictError(
        `${existing.source} already defines an SLO ${definition.name}`,
      );
    }
    const unmeasurable = this.evaluator.problemOf(definition);
    if (unmeasurable) {
      throw new InputError(
        `SLO ${definition.name} cannot be measured: ${unmeasurable}`,
      );
    }
    await this.portal.insert(
      entityRef,
      definition.name,
      toOpenSloDocument(definition),
      principalRef(credentials),
    );
    // Its rollup is filled here; past the wait it is served as backfilling.
    const [evaluated] = await this.latest.evaluate(entityRef, [definition]);
    return evaluated;
  }

  /** Removes an SLO made in the portal; a file's SLO changes in its file. */
  async remove(
    ref: CompoundEntityRef,
    sloName: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    await this.access.authorizeChange(
      entityRef,
      systemProductSloManagePermission,
      credentials,
    );
    if (await this.portal.delete(entityRef, sloName)) {
      await this.latest.forget(entityRef, sloName);
      return;
    }
    const { source, slos } = await this.evaluator.definitions(entity);
    if (slos.some(s => s.name === sloName)) {
      throw new InputError(
        `SLO ${sloName} is defined in ${source}; remove it there`,
      );
    }
    throw new NotFoundError(`${entityRef} has no SLO ${sloName}`);
  }

  /** Every SLO of the entity as one OpenSLO v1 YAML file, indicators inline. */
  async export(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const { slos } = await this.evaluator.definitions(entity);
    const header = `# OpenSLO v1 SLOs of ${stringifyEntityRef(entity)}\n`;
    return (
      header +
      slos
        .map(slo => stringify(toOpenSloDocument(slo), { lineWidth: 0 }))
        .join('---\n')
    );
  }
}
