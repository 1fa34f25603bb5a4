import {
  Journey,
  JourneyUpdate,
} from '@system-product/backstage-plugin-common';

/**
 * Limits of `PUT .../journey`, as the backend checks them (JourneyService and
 * the OpenAPI schema): the editor says so before the server has to.
 */
export const JOURNEY_LIMITS = {
  stages: 20,
  touchpointsPerStage: 30,
  name: 200,
  description: 2000,
  owner: 255,
  failureModes: 20,
  failureModeLength: 500,
  /** A year, in minutes. */
  minutes: 525_600,
} as const;

/** A touchpoint being edited: every field as the text typed. */
export interface TouchpointDraft {
  /** Tells rows apart while they change: the id, or a made-up key for new ones. */
  key: string;
  /** The stored id, sent back so the touchpoint keeps its friction reports. */
  id?: string;
  name: string;
  expectedMinutes: string;
  /** One failure mode a line. */
  failureModes: string;
  owner: string;
  /** How many friction reports are stored for it (0 for new ones). */
  reports: number;
}

/** A stage being edited, with its touchpoints in order. */
export interface StageDraft {
  key: string;
  id?: string;
  name: string;
  description: string;
  touchpoints: TouchpointDraft[];
}

/** The journey as the editor starts from it. */
export function toDraft(journey: Journey): StageDraft[] {
  return journey.stages.map(stage => ({
    key: stage.id,
    id: stage.id,
    name: stage.name,
    description: stage.description,
    touchpoints: stage.touchpoints.map(t => ({
      key: t.id,
      id: t.id,
      name: t.name,
      expectedMinutes:
        t.expectedMinutes === null ? '' : String(t.expectedMinutes),
      failureModes: t.failureModes.join('\n'),
      owner: t.owner ?? '',
      reports: t.friction.reports,
    })),
  }));
}

export function newStage(key: string): StageDraft {
  return { key, name: '', description: '', touchpoints: [] };
}

export function newTouchpoint(key: string): TouchpointDraft {
  return {
    key,
    name: '',
    expectedMinutes: '',
    failureModes: '',
    owner: '',
    reports: 0,
  };
}

/** The non-blank lines of `text`, trimmed. */
export function failureModeLines(text: string): string[] {
  return text
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean);
}

/** Whole minutes from `text`: null when blank, undefined when not valid. */
export function parseMinutes(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return undefined;
  const minutes = Number(trimmed);
  return minutes <= JOURNEY_LIMITS.minutes ? minutes : undefined;
}

/**
 * The body that saves `stages` over `version`. Ids are sent for the stages and
 * touchpoints that have them, so they keep their friction reports.
 */
export function toUpdate(stages: StageDraft[], version: number): JourneyUpdate {
  return {
    version,
    stages: stages.map(stage => ({
      ...(stage.id ? { id: stage.id } : {}),
      name: stage.name.trim(),
      description: stage.description.trim(),
      touchpoints: stage.touchpoints.map(t => ({
        ...(t.id ? { id: t.id } : {}),
        name: t.name.trim(),
        expectedMinutes: parseMinutes(t.expectedMinutes) ?? null,
        failureModes: failureModeLines(t.failureModes),
        owner: t.owner.trim() || null,
      })),
    })),
  };
}

/** A problem of one field, keyed `<row key>.<field>`. */
export interface DraftProblem {
  message: string;
  /** A required name left blank: shown once the owner tries to save. */
  blank?: boolean;
}

/** What stops `stages` from being saved, by field. */
export function draftProblems(
  stages: StageDraft[],
): Record<string, DraftProblem> {
  const problems: Record<string, DraftProblem> = {};
  for (const stage of stages) {
    if (!stage.name.trim()) {
      problems[`${stage.key}.name`] = {
        message: 'Name the stage, or remove it.',
        blank: true,
      };
    }
    if (stage.touchpoints.length > JOURNEY_LIMITS.touchpointsPerStage) {
      problems[`${stage.key}.touchpoints`] = {
        message: `A stage has at most ${JOURNEY_LIMITS.touchpointsPerStage} touchpoints; this one has ${stage.touchpoints.length}. Move some to another stage or remove them.`,
      };
    }
    for (const t of stage.touchpoints) {
      if (!t.name.trim()) {
        problems[`${t.key}.name`] = {
          message: 'Name the touchpoint, or remove it.',
          blank: true,
        };
      }
      if (parseMinutes(t.expectedMinutes) === undefined) {
        problems[`${t.key}.expectedMinutes`] = {
          message: `Enter whole minutes from 0 to ${JOURNEY_LIMITS.minutes} (a year), or leave it empty when unknown.`,
        };
      }
      const modes = failureModeLines(t.failureModes);
      const long = modes.findIndex(
        m => m.length > JOURNEY_LIMITS.failureModeLength,
      );
      if (modes.length > JOURNEY_LIMITS.failureModes) {
        problems[`${t.key}.failureModes`] = {
          message: `At most ${JOURNEY_LIMITS.failureModes} failure modes; this has ${modes.length}.`,
        };
      } else if (long >= 0) {
        problems[`${t.key}.failureModes`] = {
          message: `A failure mode has at most ${
            JOURNEY_LIMITS.failureModeLength
          } characters; number ${long + 1} has ${modes[long].length}.`,
        };
      }
    }
  }
  return problems;
}

/** `list` with the item at `index` moved by `delta` places (kept in range). */
export function move<T>(list: T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(to, 0, item);
  return copy;
}

/** Moves a touchpoint to the end of another stage; its id (and reports) go with it. */
export function moveToStage(
  stages: StageDraft[],
  touchpointKey: string,
  stageKey: string,
): StageDraft[] {
  const touchpoint = stages
    .flatMap(s => s.touchpoints)
    .find(t => t.key === touchpointKey);
  if (!touchpoint) return stages;
  return stages.map(stage => {
    const rest = stage.touchpoints.filter(t => t.key !== touchpointKey);
    return {
      ...stage,
      touchpoints: stage.key === stageKey ? [...rest, touchpoint] : rest,
    };
  });
}

/**
 * Stored touchpoints of `journey` with friction reports that `stages` leaves
 * out: saving deletes those reports (JourneyStore removes a touchpoint's
 * reports with it).
 */
export function removedWithReports(
  journey: Journey,
  stages: StageDraft[],
): Array<{ name: string; reports: number }> {
  const kept = new Set(
    stages.flatMap(s => s.touchpoints.flatMap(t => (t.id ? [t.id] : []))),
  );
  return journey.stages
    .flatMap(s => s.touchpoints)
    .filter(t => t.friction.reports > 0 && !kept.has(t.id))
    .map(t => ({ name: t.name, reports: t.friction.reports }));
}

/**
 * Prepares `stages` to be saved over `current`, a newer version someone else
 * saved: ids `current` no longer has are dropped (those stages and touchpoints
 * are added anew rather than refused), report counts are those of `current`,
 * and `removes` names what only `current` has, which the save would remove.
 */
export function rebase(
  stages: StageDraft[],
  current: Journey,
): { stages: StageDraft[]; removes: string[] } {
  const currentIds = new Set(
    current.stages.flatMap(s => [s.id, ...s.touchpoints.map(t => t.id)]),
  );
  const reports = new Map(
    current.stages.flatMap(s =>
      s.touchpoints.map(t => [t.id, t.friction.reports] as const),
    ),
  );
  const draftIds = new Set(
    stages.flatMap(s => [s.id, ...s.touchpoints.map(t => t.id)]),
  );
  const known = (id?: string) => (id && currentIds.has(id) ? id : undefined);
  const removes = current.stages.flatMap(s => [
    ...(draftIds.has(s.id) ? [] : [`stage ${s.name}`]),
    ...s.touchpoints
      .filter(t => !draftIds.has(t.id))
      .map(t => `touchpoint ${t.name}`),
  ]);
  return {
    stages: stages.map(s => ({
      ...s,
      id: known(s.id),
      touchpoints: s.touchpoints.map(t => ({
        ...t,
        id: known(t.id),
        reports: reports.get(t.id ?? '') ?? 0,
      })),
    })),
    removes,
  };
}
