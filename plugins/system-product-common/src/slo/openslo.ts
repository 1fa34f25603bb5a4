import { SloDuration, parseDuration } from './windows';

/** OpenSLO budgeting methods. @public */
export const BUDGETING_METHODS = [
  'Occurrences',
  'Timeslices',
  'RatioTimeslices',
] as const;
/** @public */
export type BudgetingMethod = (typeof BUDGETING_METHODS)[number];

/** Where an SLI's numbers come from: OpenSLO `metricSource`. @public */
export interface MetricSource {
  type: string;
  spec: Record<string, unknown>;
}

/** An SLO of the delivery system, parsed from OpenSLO v1 (or made in the UI). @public */
export interface SloDefinition {
  name: string;
  displayName: string;
  description: string;
  service: string;
  budgetingMethod: BudgetingMethod;
  window: { duration: SloDuration; isRolling: boolean; calendarStart?: string };
  objective: {
    /** 0 to 1, exclusive. */
    target: number;
    op?: 'lt' | 'lte' | 'gt' | 'gte';
    value?: number;
    timeSliceTarget?: number;
    timeSliceWindow?: SloDuration;
  };
  indicator: {
    name: string;
    ratio?: { good?: MetricSource; bad?: MetricSource; total: MetricSource };
    threshold?: MetricSource;
  };
}

/** A problem of an OpenSLO file: where it is and what is wrong. @public */
export interface OpenSloProblem {
  file: string;
  /** 1-based position of the YAML document in the file. */
  document: number;
  name?: string;
  field: string;
  message: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const OPS = ['lt', 'lte', 'gt', 'gte'] as const;

/**
 * Parses the YAML documents of an OpenSLO v1 file into SLO definitions. A bad
 * SLO is reported with its file, document and field and left out; the others
 * are kept. `SLI` documents are resolved for `indicatorRef`; `Service` and
 * other OpenSLO kinds are ignored.
 *
 * @public
 */
export function parseOpenSlo(
  documents: unknown[],
  file: string,
): { slos: SloDefinition[]; problems: OpenSloProblem[] } {
  const problems: OpenSloProblem[] = [];
  const slis = new Map<string, Obj>();
  documents.forEach(doc => {
    if (isObj(doc) && doc.kind === 'SLI' && isObj(doc.metadata)) {
      slis.set(String(doc.metadata.name), doc);
    }
  });

  const slos: SloDefinition[] = [];
  documents.forEach((doc, index) => {
    const at = { file, document: index + 1 };
    if (doc === null || doc === undefined) return; // empty document, e.g. a trailing ---
    if (!isObj(doc)) {
      problems.push({
        ...at,
        field: '',
        message: 'a document must be a mapping',
      });
      return;
    }
    if (doc.apiVersion !== 'openslo/v1') {
      problems.push({
        ...at,
        field: 'apiVersion',
        message: `must be openslo/v1, not ${JSON.stringify(doc.apiVersion)}`,
      });
      return;
    }
    if (doc.kind !== 'SLO') return;
    const local: OpenSloProblem[] = [];
    const name =
      isObj(doc.metadata) && typeof doc.metadata.name === 'string'
        ? doc.metadata.name
        : undefined;
    const problem = (field: string, message: string) =>
      local.push({ ...at, name, field, message });
    if (!name || !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)) {
      problem(
        'metadata.name',
        'must be a lowercase name of letters, digits and dashes (at most 63)',
      );
    }
    const spec = isObj(doc.spec) ? doc.spec : {};
    if (!isObj(doc.spec)) problem('spec', 'is required');

    const budgetingMethod = spec.budgetingMethod as BudgetingMethod;
    if (!BUDGETING_METHODS.includes(budgetingMethod)) {
      problem(
        'spec.budgetingMethod',
        `must be one of ${BUDGETING_METHODS.join(', ')}`,
      );
    }

    const windows = Array.isArray(spec.timeWindow) ? spec.timeWindow : [];
    const timeWindow = windows[0];
    let window: SloDefinition['window'] | undefined;
    if (windows.length !== 1 || !isObj(timeWindow)) {
      problem('spec.timeWindow', 'must list exactly one window');
    } else {
      const duration =
        typeof timeWindow.duration === 'string'
          ? parseDuration(timeWindow.duration)
          : undefined;
      if (!duration)
        problem(
          'spec.timeWindow[0].duration',
          'must be a duration such as 28d or 1M',
        );
      const isRolling = timeWindow.isRolling === true;
      let calendarStart: string | undefined;
      if (!isRolling) {
        const calendar = isObj(timeWindow.calendar)
          ? timeWindow.calendar
          : undefined;
        const start = calendar?.startTime;
        if (
          typeof start !== 'string' ||
          Number.isNaN(Date.parse(`${start.replace(' ', 'T')}Z`))
        ) {
          problem(
            'spec.timeWindow[0].calendar.startTime',
            'a calendar window needs a start time such as "2026-01-01 00:00:00"',
          );
        } else {
          if (calendar?.timeZone !== undefined && calendar.timeZone !== 'UTC') {
            problem(
              'spec.timeWindow[0].calendar.timeZone',
              'only UTC is supported',
            );
          }
          calendarStart = new Date(
            Date.parse(`${start.replace(' ', 'T')}Z`),
          ).toISOString();
        }
      }
      if (duration) window = { duration, isRolling, calendarStart };
    }

    const objectives = Array.isArray(spec.objectives) ? spec.objectives : [];
    const o = objectives[0];
    let objective: SloDefinition['objective'] | undefined;
    if (objectives.length !== 1 || !isObj(o)) {
      problem('spec.objectives', 'must list exactly one objective');
    } else {
      let target: number | undefined;
      if (typeof o.target === 'number') target = o.target;
      else if (typeof o.targetPercent === 'number')
        target = o.targetPercent / 100;
      if (target === undefined || !(target > 0 && target < 1)) {
        problem(
          'spec.objectives[0].target',
          'must be between 0 and 1 (or targetPercent between 0 and 100), exclusive',
        );
      }
      objective = { target: target ?? 0 };
      if (o.op !== undefined || o.value !== undefined) {
        if (!OPS.includes(o.op as any))
          problem('spec.objectives[0].op', `must be one of ${OPS.join(', ')}`);
        if (typeof o.value !== 'number')
          problem('spec.objectives[0].value', 'must be a number');
        objective.op = o.op as (typeof OPS)[number];
        objective.value = o.value as number;
      }
      if (
        budgetingMethod === 'Timeslices' ||
        budgetingMethod === 'RatioTimeslices'
      ) {
        const sliceWindow =
          typeof o.timeSliceWindow === 'string'
            ? parseDuration(o.timeSliceWindow)
            : undefined;
        if (!sliceWindow)
          problem(
            'spec.objectives[0].timeSliceWindow',
            `is required for ${budgetingMethod}, e.g. 1m`,
          );
        objective.timeSliceWindow = sliceWindow;
      }
      if (budgetingMethod === 'Timeslices') {
        if (
          typeof o.timeSliceTarget !== 'number' ||
          !(o.timeSliceTarget > 0 && o.timeSliceTarget <= 1)
        ) {
          problem(
            'spec.objectives[0].timeSliceTarget',
            'is required for Timeslices, between 0 and 1',
          );
        }
        objective.timeSliceTarget = o.timeSliceTarget as number;
      }
    }

    let sli: Obj | undefined;
    if (isObj(spec.indicator)) sli = spec.indicator;
    else if (typeof spec.indicatorRef === 'string') {
      sli = slis.get(spec.indicatorRef);
      if (!sli)
        problem(
          'spec.indicatorRef',
          `names no SLI document in this file: ${spec.indicatorRef}`,
        );
    } else {
      problem(
        'spec.indicator',
        'an inline indicator or an indicatorRef is required',
      );
    }
    const indicator = sli ? parseIndicator(sli, problem) : undefined;
    if (
      indicator?.threshold &&
      (objective?.op === undefined || objective.value === undefined)
    ) {
      problem(
        'spec.objectives[0].op',
        'a threshold metric needs op and value on the objective',
      );
    }

    if (local.length > 0 || !window || !objective || !indicator) {
      problems.push(...local);
      return;
    }
    const metadata = doc.metadata as Obj;
    slos.push({
      name: name!,
      displayName:
        typeof metadata.displayName === 'string' ? metadata.displayName : name!,
      description: typeof spec.description === 'string' ? spec.description : '',
      service: typeof spec.service === 'string' ? spec.service : '',
      budgetingMethod,
      window,
      objective,
      indicator,
    });
  });
  return { slos, problems };
}

function parseIndicator(
  sli: Obj,
  problem: (field: string, message: string) => void,
): SloDefinition['indicator'] | undefined {
  const name =
    isObj(sli.metadata) && typeof sli.metadata.name === 'string'
      ? sli.metadata.name
      : 'indicator';
  const spec = isObj(sli.spec) ? sli.spec : {};
  const source = (value: unknown, field: string): MetricSource | undefined => {
    const metricSource = isObj(value) ? value.metricSource : undefined;
    if (!isObj(metricSource) || typeof metricSource.type !== 'string') {
      problem(field, 'needs a metricSource with a type');
      return undefined;
    }
    return {
      type: metricSource.type,
      spec: isObj(metricSource.spec) ? metricSource.spec : {},
    };
  };
  if (isObj(spec.ratioMetric)) {
    const r = spec.ratioMetric;
    const total = source(r.total, 'spec.indicator.spec.ratioMetric.total');
    const good =
      r.good !== undefined
        ? source(r.good, 'spec.indicator.spec.ratioMetric.good')
        : undefined;
    const bad =
      r.bad !== undefined
        ? source(r.bad, 'spec.indicator.spec.ratioMetric.bad')
        : undefined;
    if (!good && !bad)
      problem('spec.indicator.spec.ratioMetric', 'needs good or bad');
    return total ? { name, ratio: { good, bad, total } } : undefined;
  }
  if (isObj(spec.thresholdMetric)) {
    const threshold = source(
      spec.thresholdMetric,
      'spec.indicator.spec.thresholdMetric',
    );
    return threshold ? { name, threshold } : undefined;
  }
  problem('spec.indicator.spec', 'needs a ratioMetric or a thresholdMetric');
  return undefined;
}
