import { InputError } from '@backstage/errors';
import {
  SloDefinition,
  parseDuration,
} from '@system-product/backstage-plugin-common';

/** Metric source type of the System Product backend's own events and survey answers. */
const SOURCE_TYPE = 'system-product';

/** Delivery targets a new system product starts with; each one becomes one SLO. */
export interface DeliveryTargets {
  /** OpenSLO `spec.service`: the system the SLOs belong to. */
  service: string;
  /** Rolling window of every SLO, an OpenSLO duration such as `28d`. */
  window: string;
  /** Environment whose deployments and incidents count; empty counts all. */
  environment: string;
  leadTime?: { hours: number; targetPercent: number };
  changeFailureRate?: { maxPercent: number };
  timeToRestore?: { hours: number; targetPercent: number };
  satisfaction?: {
    measure: 'csat' | 'nps';
    targetPercent: number;
    /** Survey template whose answers count; every template's when unset. */
    survey?: string;
  };
}

/** Good answers of each satisfaction measure: CSAT counts 4 and 5 of 1-5, NPS its promoters (9 and 10). */
const SATISFACTION = {
  csat: {
    threshold: 4,
    label: 'CSAT',
    good: 'rate the system 4 or 5 out of 5',
  },
  nps: {
    threshold: 9,
    label: 'NPS promoters',
    good: 'are promoters (9 or 10 out of 10)',
  },
} as const;

/**
 * The SLO definitions of the targets, in the shape the OpenSLO parser gives,
 * using only measures the backend's `system-product` source evaluates:
 * deployment lead time and success, incident time to restore, survey answers.
 * Throws `InputError` naming the input that is out of range.
 */
export function deliverySlos(targets: DeliveryTargets): SloDefinition[] {
  const service = targets.service.trim();
  if (!service) throw new InputError('service must not be empty');
  const duration = parseDuration(targets.window);
  if (!duration) {
    throw new InputError(
      `window must be an OpenSLO duration such as 28d or 1w, not ${JSON.stringify(
        targets.window,
      )}`,
    );
  }
  const environment = targets.environment.trim();
  const filter = environment ? { filter: { environment } } : {};
  const deployments = environment
    ? `${environment} deployments`
    : 'deployments';
  const incidents = environment ? `${environment} incidents` : 'incidents';
  const base = {
    service,
    budgetingMethod: 'Occurrences' as const,
    window: { duration, isRolling: true },
  };

  const slos: SloDefinition[] = [];
  const { leadTime, changeFailureRate, timeToRestore, satisfaction } = targets;
  if (leadTime) {
    const hours = positiveHours(leadTime.hours, 'leadTime.hours');
    const percent = exclusivePercent(
      leadTime.targetPercent,
      'leadTime.targetPercent',
    );
    slos.push({
      ...base,
      name: 'lead-time-for-changes',
      displayName: `Lead time for changes within ${hoursText(hours)}`,
      description: `${percent}% of ${deployments} go out within ${hoursText(
        hours,
      )} of their commit.`,
      objectives: [
        { target: ratio(percent), op: 'lte', value: seconds(hours) },
      ],
      indicator: {
        name: 'deployment-lead-time',
        threshold: {
          type: SOURCE_TYPE,
          spec: {
            event: 'deployment',
            measure: 'lead-time-seconds',
            ...filter,
          },
        },
      },
    });
  }
  if (changeFailureRate) {
    const max = exclusivePercent(
      changeFailureRate.maxPercent,
      'changeFailureRate.maxPercent',
    );
    const succeed = round(100 - max);
    slos.push({
      ...base,
      name: 'change-failure-rate',
      displayName: `Change failure rate at most ${max}%`,
      description: `${succeed}% of ${deployments} succeed without a rollback or hotfix (a change failure rate of at most ${max}%).`,
      objectives: [{ target: ratio(succeed) }],
      indicator: {
        name: 'deployment-success',
        ratio: {
          good: {
            type: SOURCE_TYPE,
            spec: {
              event: 'deployment',
              measure: 'deployment-success',
              ...filter,
            },
          },
          total: {
            type: SOURCE_TYPE,
            spec: { event: 'deployment', measure: 'count', ...filter },
          },
        },
      },
    });
  }
  if (timeToRestore) {
    const hours = positiveHours(timeToRestore.hours, 'timeToRestore.hours');
    const percent = exclusivePercent(
      timeToRestore.targetPercent,
      'timeToRestore.targetPercent',
    );
    slos.push({
      ...base,
      name: 'time-to-restore',
      displayName: `Failed deployment recovery within ${hoursText(hours)}`,
      description: `${percent}% of ${incidents} are restored within ${hoursText(
        hours,
      )}.`,
      objectives: [
        { target: ratio(percent), op: 'lte', value: seconds(hours) },
      ],
      indicator: {
        name: 'incident-time-to-restore',
        threshold: {
          type: SOURCE_TYPE,
          spec: {
            event: 'incident',
            measure: 'time-to-restore-seconds',
            ...filter,
          },
        },
      },
    });
  }
  if (satisfaction) {
    const measure = SATISFACTION[satisfaction.measure];
    if (!measure) {
      throw new InputError(
        `satisfaction.measure must be csat or nps, not ${JSON.stringify(
          satisfaction.measure,
        )}`,
      );
    }
    const percent = exclusivePercent(
      satisfaction.targetPercent,
      'satisfaction.targetPercent',
    );
    const survey = satisfaction.survey?.trim();
    slos.push({
      ...base,
      name: 'developer-satisfaction',
      displayName: `Developer satisfaction (${measure.label}) at least ${percent}%`,
      description: `At least ${percent}% of survey answers ${measure.good}.`,
      objectives: [
        { target: ratio(percent), op: 'gte', value: measure.threshold },
      ],
      indicator: {
        name: `developer-satisfaction-${satisfaction.measure}`,
        threshold: {
          type: SOURCE_TYPE,
          spec: {
            event: 'survey',
            measure: satisfaction.measure,
            ...(survey && { filter: { survey } }),
          },
        },
      },
    });
  }
  if (slos.length === 0) {
    throw new InputError(
      'Give at least one target: leadTime, changeFailureRate, timeToRestore or satisfaction',
    );
  }
  return slos;
}

/** Six decimals are plenty for a percentage and keep 99.9 from printing as 99.900000000001. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function ratio(percent: number): number {
  return round(percent / 100);
}

function seconds(hours: number): number {
  return Math.round(hours * 3600);
}

function exclusivePercent(value: unknown, field: string): number {
  if (typeof value !== 'number' || !(value > 0 && value < 100)) {
    throw new InputError(
      `${field} must be a number between 0 and 100 (exclusive), not ${JSON.stringify(
        value,
      )}`,
    );
  }
  return round(value);
}

/** A year is the longest target that still makes sense inside an SLO window. */
const MAX_HOURS = 24 * 366;

function positiveHours(value: unknown, field: string): number {
  if (
    typeof value !== 'number' ||
    !(value > 0 && value <= MAX_HOURS) ||
    seconds(value) === 0
  ) {
    throw new InputError(
      `${field} must be a number of hours above 0 and at most ${MAX_HOURS}, not ${JSON.stringify(
        value,
      )}`,
    );
  }
  return value;
}

function hoursText(hours: number): string {
  if (hours >= 24 && hours % 24 === 0) {
    const days = hours / 24;
    return days === 1 ? '1 day' : `${days} days`;
  }
  if (hours < 1) {
    const minutes = Math.round(hours * 60);
    return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  }
  return hours === 1 ? '1 hour' : `${hours} hours`;
}
