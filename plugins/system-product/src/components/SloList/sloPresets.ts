import { OpenSloDocument } from '@system-product/backstage-plugin-common';

/** An indicator the portal's SLO form offers, over the plugin's own events and surveys. */
export interface SloPreset {
  id: string;
  label: string;
  /** The indicator's short name, the start of the display name the form derives. */
  shortName: string;
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
    shortName: 'Lead time',
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
    shortName: 'Deployment success',
    event: 'deployment',
    kind: 'success',
    measure: 'deployment-success',
    defaultTargetPercent: 85,
  },
  {
    id: 'time-to-restore',
    label: 'Failed deployment recovery time',
    shortName: 'Time to restore',
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
    shortName: 'Time to detect',
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
    shortName: 'First response',
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
    shortName: 'Build success',
    event: 'build',
    kind: 'success',
    measure: 'build-success',
    defaultTargetPercent: 95,
  },
  {
    id: 'build-duration',
    label: 'Build duration',
    shortName: 'Build duration',
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
    shortName: 'Developer satisfaction',
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
    shortName: 'Knowledge accessibility',
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

const EVENT_PLURALS: Record<SloPreset['event'], string> = {
  deployment: 'deployments',
  incident: 'incidents',
  ticket: 'tickets',
  build: 'builds',
  survey: 'survey answers',
};

/** "24 hours", "1 hour", "15 minutes"; a score has no unit. */
function valueWithUnit(preset: SloPreset, value: number): string {
  const unit = preset.unit!.label;
  if (unit === 'score') return String(value);
  return `${value} ${value === 1 ? unit.replace(/s$/, '') : unit}`;
}

/**
 * The display name the form's figures say: "Lead time within 24 hours for
 * 90% of deployments", "Build success for 95% of builds". The form shows it
 * until the owner types a name of their own, so the name never disagrees
 * with the threshold or the target.
 */
export function derivedDisplayName(
  form: Pick<SloFormValues, 'presetId' | 'value' | 'targetPercent'>,
): string {
  const preset = SLO_PRESETS.find(p => p.id === form.presetId);
  if (!preset) return '';
  const share = `for ${form.targetPercent}% of ${EVENT_PLURALS[preset.event]}`;
  if (preset.kind !== 'threshold') return `${preset.shortName} ${share}`;
  const op = preset.op === 'gte' ? 'at least' : 'within';
  return `${preset.shortName} ${op} ${valueWithUnit(
    preset,
    form.value,
  )} ${share}`;
}

/**
 * One good event of the type, as `POST /events` takes it (the backend
 * README's "Delivery events"); undefined for survey answers, which come from
 * survey rounds. `now` stamps its times.
 */
export function exampleEvent(
  type: SloPreset['event'],
  entityRef: string,
  environment: string,
  now: Date,
): Record<string, unknown> | undefined {
  const ago = (minutes: number) =>
    new Date(now.getTime() - minutes * 60_000)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  const base = { id: `first-${type}`, entityRef, type };
  switch (type) {
    case 'deployment':
      return {
        ...base,
        commitSha: '9fceb02',
        commitTime: ago(60),
        deployTime: ago(0),
        environment: environment.trim() || 'production',
        succeeded: true,
      };
    case 'incident':
      return {
        ...base,
        started: ago(30),
        detected: ago(25),
        resolved: ago(0),
        environment: 'production',
      };
    case 'ticket':
      return {
        ...base,
        opened: ago(60),
        firstResponse: ago(30),
        resolved: ago(0),
      };
    case 'build':
      return {
        ...base,
        finished: ago(0),
        durationSeconds: 300,
        succeeded: true,
      };
    default:
      return undefined;
  }
}

/** The curl command that posts `event` to the events API at `eventsUrl`. */
export function postEventCommand(
  eventsUrl: string,
  event: Record<string, unknown>,
): string {
  return [
    `curl -X POST -H "Authorization: Bearer $SYSTEM_PRODUCT_TOKEN" -H 'Content-Type: application/json' \\`,
    `  ${eventsUrl} -d '${JSON.stringify({ events: [event] })}'`,
  ].join('\n');
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
      displayName: form.displayName.trim() || derivedDisplayName(form),
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
