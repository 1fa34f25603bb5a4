import {
  MetricSource,
  SloAlertPolicy,
  SloDefinition,
  SloIndicator,
  SloObjective,
} from './openslo';
import { formatDuration } from './windows';

/** An OpenSLO v1 document as plain data, ready to be written as YAML or JSON. @public */
export type OpenSloDocument = {
  apiVersion: 'openslo/v1';
  kind: 'SLO';
  metadata: { name: string; displayName: string };
  spec: Record<string, unknown>;
};

const metric = (source: MetricSource) => ({
  metricSource: {
    ...(source.dataSource !== undefined && {
      metricSourceRef: source.dataSource,
    }),
    type: source.type,
    spec: source.spec,
  },
});

function indicatorDocument(indicator: SloIndicator) {
  const { ratio, threshold } = indicator;
  const spec: Record<string, unknown> = threshold
    ? { thresholdMetric: metric(threshold) }
    : {
        ratioMetric: ratio?.raw
          ? { counter: false, rawType: ratio.rawType, raw: metric(ratio.raw) }
          : {
              counter: true,
              ...(ratio?.good && { good: metric(ratio.good) }),
              ...(ratio?.bad && { bad: metric(ratio.bad) }),
              total: metric(ratio!.total!),
            },
      };
  return { metadata: { name: indicator.name }, spec };
}

function objectiveDocument(objective: SloObjective) {
  return {
    ...(objective.displayName !== undefined && {
      displayName: objective.displayName,
    }),
    target: objective.target,
    ...(objective.op !== undefined && { op: objective.op }),
    ...(objective.value !== undefined && { value: objective.value }),
    ...(objective.timeSliceTarget !== undefined && {
      timeSliceTarget: objective.timeSliceTarget,
    }),
    ...(objective.timeSliceWindow && {
      timeSliceWindow: formatDuration(objective.timeSliceWindow),
    }),
    ...(objective.indicator && {
      indicator: indicatorDocument(objective.indicator),
    }),
    ...(objective.compositeWeight !== undefined && {
      compositeWeight: objective.compositeWeight,
    }),
  };
}

function alertPolicyDocument(policy: SloAlertPolicy) {
  return {
    kind: 'AlertPolicy',
    metadata: {
      name: policy.name,
      ...(policy.displayName && { displayName: policy.displayName }),
    },
    spec: {
      ...(policy.description && { description: policy.description }),
      alertWhenBreaching: policy.alertWhenBreaching,
      alertWhenResolved: policy.alertWhenResolved,
      alertWhenNoData: policy.alertWhenNoData,
      conditions: policy.conditions.map(condition => ({
        kind: 'AlertCondition',
        metadata: { name: condition.name },
        spec: {
          ...(condition.description && {
            description: condition.description,
          }),
          ...(condition.severity && { severity: condition.severity }),
          condition: {
            kind: condition.kind,
            op: condition.op,
            threshold: condition.threshold,
            lookbackWindow: formatDuration(condition.lookbackWindow),
            alertAfter: formatDuration(condition.alertAfter),
          },
        },
      })),
      notificationTargets: policy.notificationTargets.map(target => ({
        kind: 'AlertNotificationTarget',
        metadata: { name: target.name },
        spec: {
          target: target.target,
          ...(target.description && { description: target.description }),
        },
      })),
    },
  };
}

/**
 * The OpenSLO v1 `SLO` document of a definition, with its indicators, alert
 * conditions and notification targets inline, so that every SLO (from a file
 * or made in the UI) exports the same way and `parseOpenSlo` reads it back to
 * the same definition: every objective, the calendar's time zone, the alert
 * policies, and the names of the data sources metric sources referred to.
 *
 * @public
 */
export function toOpenSloDocument(slo: SloDefinition): OpenSloDocument {
  const { window } = slo;
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: slo.name, displayName: slo.displayName },
    spec: {
      ...(slo.description && { description: slo.description }),
      ...(slo.service && { service: slo.service }),
      budgetingMethod: slo.budgetingMethod,
      timeWindow: [
        window.isRolling || !window.calendar
          ? { duration: formatDuration(window.duration), isRolling: true }
          : {
              duration: formatDuration(window.duration),
              isRolling: false,
              calendar: {
                startTime: window.calendar.startTime,
                timeZone: window.calendar.timeZone,
              },
            },
      ],
      ...(slo.indicator && { indicator: indicatorDocument(slo.indicator) }),
      objectives: slo.objectives.map(objectiveDocument),
      ...(slo.alertPolicies && {
        alertPolicies: slo.alertPolicies.map(alertPolicyDocument),
      }),
    },
  };
}
