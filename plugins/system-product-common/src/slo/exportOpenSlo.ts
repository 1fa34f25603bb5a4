import { SloDefinition } from './openslo';
import { SloDuration } from './windows';

/** An OpenSLO v1 document as plain data, ready to be written as YAML or JSON. @public */
export type OpenSloDocument = {
  apiVersion: 'openslo/v1';
  kind: 'SLO';
  metadata: { name: string; displayName: string };
  spec: Record<string, unknown>;
};

const durationText = (d: SloDuration) => `${d.amount}${d.unit}`;

/** `2026-01-01T00:00:00.000Z` → `2026-01-01 00:00:00`, OpenSLO's calendar start format. */
const calendarText = (iso: string) => iso.slice(0, 19).replace('T', ' ');

/**
 * The OpenSLO v1 `SLO` document of a definition, with its indicator inline, so
 * that every SLO (from a file or made in the UI) exports the same way and
 * `parseOpenSlo` reads it back to the same definition.
 *
 * @public
 */
export function toOpenSloDocument(slo: SloDefinition): OpenSloDocument {
  const { objective, window, indicator } = slo;
  const metric = (source: { type: string; spec: Record<string, unknown> }) => ({
    metricSource: { type: source.type, spec: source.spec },
  });
  const indicatorSpec: Record<string, unknown> = indicator.threshold
    ? { thresholdMetric: metric(indicator.threshold) }
    : {
        ratioMetric: {
          counter: true,
          ...(indicator.ratio?.good && { good: metric(indicator.ratio.good) }),
          ...(indicator.ratio?.bad && { bad: metric(indicator.ratio.bad) }),
          total: metric(indicator.ratio!.total),
        },
      };
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: slo.name, displayName: slo.displayName },
    spec: {
      ...(slo.description && { description: slo.description }),
      ...(slo.service && { service: slo.service }),
      budgetingMethod: slo.budgetingMethod,
      timeWindow: [
        window.isRolling
          ? { duration: durationText(window.duration), isRolling: true }
          : {
              duration: durationText(window.duration),
              isRolling: false,
              calendar: {
                startTime: calendarText(window.calendarStart!),
                timeZone: 'UTC',
              },
            },
      ],
      indicator: {
        metadata: { name: indicator.name },
        spec: indicatorSpec,
      },
      objectives: [
        {
          target: objective.target,
          ...(objective.op !== undefined && { op: objective.op }),
          ...(objective.value !== undefined && { value: objective.value }),
          ...(objective.timeSliceTarget !== undefined && {
            timeSliceTarget: objective.timeSliceTarget,
          }),
          ...(objective.timeSliceWindow && {
            timeSliceWindow: durationText(objective.timeSliceWindow),
          }),
        },
      ],
    },
  };
}
