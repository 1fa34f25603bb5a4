import { OpenSloDocument } from '@system-product/backstage-plugin-common';

/** An indicator the portal's SLO form offers, over the plugin's own events and surveys. */
export interface SloPreset {
  id: string;
  label: string;
  event: 'deployment' | 'incident' | 'ticket' | 'build' | 'survey';
  /** A measured value compared with a threshold, or a success share. */
  kind: 'threshold' | 'success';
  measure: string;
  /** How the form asks for the threshold, and its factor to the stored unit. */
  unit?: { label: string; toStored: number };
  op?: 'lte' | 'gte';
  defaultValue?: number;
  defaultTargetPercent: number;
}

/** The delivery and satisfaction indicators of SPEC §7 that an owner can pick. */
export const SLO_PRESETS: SloPreset[] = [
  {
    id: 'lead-time',
    label: 'Lead time for changes',
    event: 'deployment',
    kind: 'threshold',
    measure: 'lead-time-seconds',
    unit: { label: 'hours', toStored: 3600 },
    op: 'lte',
    defaultValue: 24,
    defaultTargetPercent: 90,
  },
  {
    id: 'deployment-success',
    label: 'Deployment success (1 − change failure rate)',
    event: 'deployment',
    kind: 'success',
    measure: 'deployment-success',
    defaultTargetPercent: 85,
  },
  {
    id: 'time-to-restore',
    label: 'Failed deployment recovery time',
    event: 'incident',
    kind: 'threshold',
    measure: 'time-to-restore-seconds',
    unit: { label: 'hours', toStored: 3600 },
    op: 'lte',
    defaultValue: 1,
    defaultTargetPercent: 90,
  },
  {
    id: 'time-to-detect',
    label: 'Time to detect',
    event: 'incident',
    kind: 'threshold',
    measure: 'time-to-detect-seconds',
    unit: { label: 'minutes', toStored: 60 },
    op: 'lte',
    defaultValue: 15,
    defaultTargetPercent: 90,
  },
  {
    id: 'first-response',
    label: 'Support ticket first response',
    event: 'ticket',
    kind: 'threshold',
    measure: 'first-response-seconds',
    unit: { label: 'hours', toStored: 3600 },
    op: 'lte',
    defaultValue: 4,
    defaultTargetPercent: 90,
  },
  {
    id: 'build-success',
    label: 'Build success',
    event: 'build',
    kind: 'success',
    measure: 'build-success',
    defaultTargetPercent: 95,
  },
  {
    id: 'build-duration',
    label: 'Build duration',
    event: 'build',
    kind: 'threshold',
    measure: 'build-duration-seconds',
    unit: { label: 'minutes', toStored: 60 },
    op: 'lte',
    defaultValue: 10,
    defaultTargetPercent: 90,
  },
  {
    id: 'csat',
    label: 'Developer satisfaction (CSAT, 1–5)',
    event: 'survey',
    kind: 'threshold',
    measure: 'csat',
    unit: { label: 'score', toStored: 1 },
    op: 'gte',
    defaultValue: 4,
    defaultTargetPercent: 80,
  },
  {
    id: 'knowledge-accessibility',
    label: 'Knowledge accessibility (1–5)',
    event: 'survey',
    kind: 'threshold',
    measure: 'knowledge-accessibility',
    unit: { label: 'score', toStored: 1 },
    op: 'gte',
    defaultValue: 4,
    defaultTargetPercent: 70,
  },
];

/** What the SLO form holds. */
export interface SloFormValues {
  name: string;
  displayName: string;
  presetId: string;
  /** The threshold in the preset's unit (thresholds only). */
  value: number;
  targetPercent: number;
  windowDays: number;
  /** Deployments only; empty for every environment. */
  environment: string;
}

/** The OpenSLO v1 document of the form, as the backend stores and exports it. */
export function toSloDocument(form: SloFormValues): OpenSloDocument {
  const preset = SLO_PRESETS.find(p => p.id === form.presetId);
  if (!preset) throw new Error(`Unknown indicator ${form.presetId}`);
  const filter =
    preset.event === 'deployment' && form.environment.trim()
      ? { filter: { environment: form.environment.trim() } }
      : {};
  const source = (measure: string) => ({
    metricSource: {
      type: 'system-product',
      spec: { event: preset.event, measure, ...filter },
    },
  });
  const threshold = preset.kind === 'threshold';
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name: form.name,
      displayName: form.displayName.trim() || preset.label,
    },
    spec: {
      budgetingMethod: 'Occurrences',
      timeWindow: [{ duration: `${form.windowDays}d`, isRolling: true }],
      indicator: {
        metadata: { name: preset.measure },
        spec: threshold
          ? { thresholdMetric: source(preset.measure) }
          : {
              ratioMetric: {
                counter: true,
                good: source(preset.measure),
                total: source('count'),
              },
            },
      },
      objectives: [
        {
          targetPercent: form.targetPercent,
          ...(threshold && {
            op: preset.op,
            value: form.value * preset.unit!.toStored,
          }),
        },
      ],
    },
  };
}
