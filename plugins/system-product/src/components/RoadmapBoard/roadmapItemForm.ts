import {
  RoadmapItem,
  RoadmapItemInput,
} from '@system-product/backstage-plugin-common';

/** How the dialog names each kind of item. */
export const KIND_LABELS = {
  'quick-win': 'Quick win',
  strategic: 'Strategic',
} as const;

/** How the dialog names each status. */
export const STATUS_LABELS = {
  idea: 'Idea',
  planned: 'Planned',
  'in-progress': 'In progress',
  shipped: 'Shipped',
  dropped: 'Dropped',
} as const;

/** Limits of the API (RoadmapItemInput). */
export const MAX_MILESTONES = 20;
export const MAX_TOUCHPOINTS = 50;
export const MAX_PAIN_POINTS = 20;
export const MAX_PAIN_POINT = 500;
export const MAX_METRIC_UNIT = 16;

/** The unit of an SLO's values: its SLI in percent, as the dialog fills it in. */
export const SLO_UNIT = '%';

/** A milestone being edited; `key` tells the rows apart while they change. */
export type MilestoneRow = { key: number; title: string; done: boolean };

/** A roadmap item as the dialog edits it: every field as typed. */
export type RoadmapItemForm = {
  title: string;
  description: string;
  kind: RoadmapItemInput['kind'];
  status: NonNullable<RoadmapItemInput['status']>;
  owner: string;
  targetDate: string;
  milestones: MilestoneRow[];
  painPoints: string[];
  touchpointIds: string[];
  metric: string;
  metricBefore: string;
  metricAfter: string;
  /** The unit of before and after (h, %, builds/week); empty for none. */
  metricUnit: string;
};

/**
 * The form for `item`, or an empty one for a new item, owned by `newItemOwner`
 * (the entity's owner) until the owner says otherwise.
 */
export function toForm(
  item?: RoadmapItem,
  newItemOwner?: string,
): RoadmapItemForm {
  return {
    title: item?.title ?? '',
    description: item?.description ?? '',
    kind: item?.kind ?? 'quick-win',
    status: item?.status ?? 'idea',
    owner: item ? item.owner ?? '' : newItemOwner ?? '',
    targetDate: item?.targetDate ?? '',
    milestones: (item?.milestones ?? []).map((m, key) => ({ ...m, key })),
    painPoints: item?.painPoints ?? [],
    touchpointIds: item?.touchpointIds ?? [],
    metric: item?.metric ?? '',
    metricBefore: item?.metricBefore?.toString() ?? '',
    metricAfter: item?.metricAfter?.toString() ?? '',
    metricUnit: item?.metricUnit ?? '',
  };
}

/** What the form saves. */
export function toInput(form: RoadmapItemForm): RoadmapItemInput {
  const number = (text: string) => (text.trim() === '' ? null : Number(text));
  return {
    title: form.title.trim(),
    description: form.description,
    kind: form.kind,
    status: form.status,
    owner: form.owner.trim() || null,
    targetDate: form.targetDate || null,
    // Milestones without a title are left out (the dialog says so).
    milestones: form.milestones
      .map(m => ({ title: m.title.trim(), done: m.done }))
      .filter(m => m.title !== ''),
    painPoints: form.painPoints
      .map(p => p.trim())
      .filter((p, i, all) => p && all.indexOf(p) === i),
    touchpointIds: form.touchpointIds,
    metric: form.metric.trim() || null,
    metricBefore: number(form.metricBefore),
    metricAfter: number(form.metricAfter),
    metricUnit: form.metricUnit.trim() || null,
  };
}

/**
 * The form with `metric` as the metric. `isSlo` tells whether a metric names
 * one of the entity's SLOs: a change to an SLO sets the unit to % (its values
 * are its SLI in percent); any other change keeps the unit as it is.
 */
export function withMetric(
  form: RoadmapItemForm,
  metric: string,
  isSlo: (metric: string) => boolean,
): RoadmapItemForm {
  const toSlo = isSlo(metric) && metric.trim() !== form.metric.trim();
  return { ...form, metric, ...(toSlo ? { metricUnit: SLO_UNIT } : {}) };
}

/** The fields of the form that are edited as text. */
export type TextKey = {
  [K in keyof RoadmapItemForm]: RoadmapItemForm[K] extends string ? K : never;
}[keyof RoadmapItemForm];
