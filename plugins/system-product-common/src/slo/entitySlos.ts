import { SloEvaluation, SloStatus } from './alerts';
import { OpenSloProblem, SloDefinition } from './openslo';

/** Where an SLO is defined: the entity's OpenSLO file or the portal. @public */
export type SloOrigin = 'file' | 'portal';

/** An SLO with where it is defined and its evaluation now. @public */
export type EvaluatedSlo = SloDefinition & {
  origin: SloOrigin;
  evaluation: SloEvaluation;
};

/** Every SLO of an entity and what is wrong with its file (DORA figures: `getDora`). @public */
export interface EntitySlos {
  /** Location of the OpenSLO file, null when the entity names none. */
  source: string | null;
  items: EvaluatedSlo[];
  problems: OpenSloProblem[];
}

/** One scheduled evaluation of an SLO: a point of its trend. @public */
export interface SloStatusPoint {
  at: string;
  status: SloStatus;
  sli: number | null;
  remaining: number | null;
}

/** One SLO evaluated now, with the history of scheduled evaluations. @public */
export interface SloStatusReport {
  slo: EvaluatedSlo;
  /**
   * Oldest first, over the SLO's whole window: at most 500 points, the latest
   * evaluation of each of 500 equal spans when there were more.
   */
  history: SloStatusPoint[];
}
