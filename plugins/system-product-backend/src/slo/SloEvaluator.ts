import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntitySlos,
  EvaluatedSlo,
  OpenSloProblem,
  SloDefinition,
  SloEvaluation,
  SloOrigin,
  measuredObjectives,
  parseOpenSlo,
} from '@system-product/backstage-plugin-common';
import { SloDefinitionStore } from '../database/SloDefinitionStore';
import { EventSliSource } from './EventSliSource';
import { SliSourceRegistry } from './SliSourceRegistry';
import { SloFileReader } from './SloFileReader';
import { counterFor, problemOf, resolveSli } from './counterFor';
import { evaluateSlo } from './evaluateSlo';

/** An SLO definition with where it is defined. */
export type LocatedSlo = SloDefinition & { origin: SloOrigin };

/** The SLO definitions of an entity: its OpenSLO file's and the portal's. */
export interface EntitySloDefinitions {
  source: string | null;
  slos: LocatedSlo[];
  problems: OpenSloProblem[];
}

/** Where problems of SLOs made in the portal are reported. */
export const PORTAL_SLO_FILE = 'portal';

/**
 * Collects an entity's SLOs (file and portal) and evaluates them; shared by
 * the routes and the scheduled job.
 */
export class SloEvaluator {
  constructor(
    private readonly files: SloFileReader,
    private readonly portal: SloDefinitionStore,
    private readonly registry: SliSourceRegistry,
  ) {}

  /**
   * Every SLO of the entity. A portal SLO whose name the file now also uses is
   * left out and reported: the file, being reviewed in source control, wins.
   */
  async definitions(entity: Entity): Promise<EntitySloDefinitions> {
    const entityRef = stringifyEntityRef(entity);
    const [file, stored] = await Promise.all([
      this.files.read(entity),
      this.portal.list(entityRef),
    ]);
    const portal = parseOpenSlo(
      stored.map(s => s.document),
      PORTAL_SLO_FILE,
    );
    const fileNames = new Set(file.slos.map(s => s.name));
    const problems = [...file.problems, ...portal.problems];
    const slos: LocatedSlo[] = file.slos.map(s => ({
      ...s,
      origin: 'file' as const,
    }));
    portal.slos.forEach((slo, index) => {
      if (fileNames.has(slo.name)) {
        problems.push({
          file: PORTAL_SLO_FILE,
          document: index + 1,
          name: slo.name,
          field: 'metadata.name',
          message: `${file.location} also defines ${slo.name}; the file's definition is used`,
        });
      } else {
        slos.push({ ...slo, origin: 'portal' });
      }
    });
    // An SLO of a metric source type no source reads is listed (no data,
    // with the reason) and said in the file's problems, never dropped.
    file.slos.forEach(slo => {
      const problem = this.problemOf(slo);
      if (problem) {
        problems.push({
          file: file.location ?? '',
          document: 0,
          name: slo.name,
          field: 'spec.indicator',
          message: `cannot be measured: ${problem}`,
          severity: 'warning',
        });
      }
    });
    return { source: file.location ?? null, slos, problems };
  }

  async evaluate(entity: Entity, now: Date): Promise<Omit<EntitySlos, 'dora'>> {
    const { source, slos, problems } = await this.definitions(entity);
    const entityRef = stringifyEntityRef(entity);
    const items = await Promise.all(
      slos.map(slo => this.evaluateOne(entityRef, slo, now)),
    );
    return { source, items, problems };
  }

  async evaluateOne(
    entityRef: string,
    slo: LocatedSlo,
    now: Date,
  ): Promise<EvaluatedSlo> {
    return { ...slo, evaluation: await this.measure(entityRef, slo, now) };
  }

  /**
   * Makes sure the rollups of the SLOs' indicators that the built-in
   * source (the registry's `system-product` source) counts are kept,
   * filling new ones from the stored events; says what it filled (SLO name
   * and events counted).
   */
  async keepRollups(
    entityRef: string,
    slos: SloDefinition[],
  ): Promise<Array<{ slo: string; events: number; ms: number }>> {
    const filled: Array<{ slo: string; events: number; ms: number }> = [];
    for (const slo of slos) {
      for (const measured of measuredObjectives(slo)) {
        const resolved = resolveSli(measured, this.registry);
        if (typeof resolved === 'string') continue;
        if (!(resolved.source instanceof EventSliSource)) continue;
        const started = Date.now();
        const events = await resolved.source.keepRollup(
          entityRef,
          resolved.sli,
        );
        if (events !== undefined && events > 0) {
          filled.push({ slo: slo.name, events, ms: Date.now() - started });
        }
      }
    }
    return filled;
  }

  /** Why an SLO cannot be measured by any SLI source, before anything is counted. */
  problemOf(slo: SloDefinition): string | undefined {
    for (const measured of measuredObjectives(slo)) {
      const problem = problemOf(measured, this.registry);
      if (problem) return problem;
    }
    return undefined;
  }

  private async measure(
    entityRef: string,
    slo: SloDefinition,
    now: Date,
  ): Promise<SloEvaluation> {
    return evaluateSlo(
      measured => counterFor(measured, this.registry),
      entityRef,
      slo,
      now,
    );
  }
}
