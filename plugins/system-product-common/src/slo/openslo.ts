import {
  CalendarAnchor,
  SloDuration,
  calendarInstant,
  isTimeZone,
  parseDuration,
} from './windows';

/** OpenSLO budgeting methods. @public */
export const BUDGETING_METHODS = [
  'Occurrences',
  'Timeslices',
  'RatioTimeslices',
] as const;
/** @public */
export type BudgetingMethod = (typeof BUDGETING_METHODS)[number];

/** Comparison operators of OpenSLO objectives and alert conditions. @public */
export const OPERATORS = ['lt', 'lte', 'gt', 'gte'] as const;
/** @public */
export type Operator = (typeof OPERATORS)[number];

/**
 * Where an SLI's numbers come from: OpenSLO `metricSource`. A
 * `metricSourceRef` to a `DataSource` document is resolved: `type` is the
 * data source's and `dataSource` names it. Its `connectionDetails` (often
 * credentials) are never kept: definitions travel to browsers.
 *
 * @public
 */
export interface MetricSource {
  type: string;
  spec: Record<string, unknown>;
  dataSource?: string;
}

/** An SLI: a threshold metric, or a ratio metric of good, bad or raw over total. @public */
export interface SloIndicator {
  name: string;
  ratio?: {
    good?: MetricSource;
    bad?: MetricSource;
    /** Absent for a `raw` ratio. */
    total?: MetricSource;
    /** A source that reports the ratio itself; `rawType` says whether it is the good or the bad share. */
    raw?: MetricSource;
    rawType?: 'success' | 'failure';
  };
  threshold?: MetricSource;
}

/** One objective of an SLO. @public */
export interface SloObjective {
  displayName?: string;
  /** 0 to 1, exclusive. */
  target: number;
  op?: Operator;
  value?: number;
  timeSliceTarget?: number;
  timeSliceWindow?: SloDuration;
  /** Composite SLOs: the objective's own indicator. */
  indicator?: SloIndicator;
  /** Composite SLOs: the objective's weight (default 1). */
  compositeWeight?: number;
}

/** OpenSLO `AlertCondition`: a burn-rate condition. @public */
export interface SloAlertCondition {
  name: string;
  description?: string;
  severity?: string;
  kind: 'burnrate';
  op: Operator;
  threshold: number;
  lookbackWindow: SloDuration;
  alertAfter: SloDuration;
}

/** OpenSLO `AlertNotificationTarget`: where an alert goes. @public */
export interface SloNotificationTarget {
  name: string;
  /** Catalog refs (`group:default/team`, `user:default/jane`) or a tool's name. */
  target: string;
  description?: string;
}

/** OpenSLO `AlertPolicy`: when to alert, on which conditions, to whom. @public */
export interface SloAlertPolicy {
  name: string;
  displayName?: string;
  description?: string;
  alertWhenBreaching: boolean;
  alertWhenResolved: boolean;
  alertWhenNoData: boolean;
  conditions: SloAlertCondition[];
  notificationTargets: SloNotificationTarget[];
}

/** An SLO of the delivery system, parsed from OpenSLO v1 (or made in the UI). @public */
export interface SloDefinition {
  name: string;
  displayName: string;
  description: string;
  service: string;
  budgetingMethod: BudgetingMethod;
  window: {
    duration: SloDuration;
    isRolling: boolean;
    /** Calendar windows: where periods are counted from. */
    calendar?: CalendarAnchor;
  };
  /** At least one. Several are each evaluated; with their own indicators they form a composite SLO. */
  objectives: SloObjective[];
  /** The SLO's indicator; absent when every objective has its own (composite). */
  indicator?: SloIndicator;
  alertPolicies?: SloAlertPolicy[];
}

/** Whether the objectives of an SLO carry their own indicators: a composite SLO. @public */
export function isComposite(slo: SloDefinition): boolean {
  return slo.objectives.some(o => o.indicator !== undefined);
}

/**
 * One objective of an SLO with everything needed to measure it: what SLI
 * sources are handed.
 *
 * @public
 */
export interface MeasuredObjective {
  budgetingMethod: BudgetingMethod;
  window: SloDefinition['window'];
  indicator: SloIndicator;
  objective: SloObjective;
}

/** The objectives of an SLO, each with the indicator it is measured by. @public */
export function measuredObjectives(slo: SloDefinition): MeasuredObjective[] {
  return slo.objectives.map(objective => ({
    budgetingMethod: slo.budgetingMethod,
    window: slo.window,
    indicator: (objective.indicator ?? slo.indicator)!,
    objective,
  }));
}

/** A problem of an OpenSLO file: where it is and what is wrong. @public */
export interface OpenSloProblem {
  file: string;
  /** 1-based position of the YAML document in the file; 0 for a note on a whole SLO, named by `name`. */
  document: number;
  name?: string;
  field: string;
  message: string;
  /**
   * `error` (the default): the SLO is left out. `warning`: the SLO is kept,
   * and this says what was assumed or what has no effect.
   */
  severity?: 'error' | 'warning';
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** The kinds of OpenSLO v1; each is read (Service is descriptive and kept nowhere). */
const KINDS = [
  'SLO',
  'SLI',
  'DataSource',
  'Service',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
];

type Report = (field: string, message: string) => void;
const nameOf = (doc: Obj): string | undefined =>
  isObj(doc.metadata) && typeof doc.metadata.name === 'string'
    ? doc.metadata.name
    : undefined;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** The documents of a file that others refer to by name, by kind. */
class References {
  readonly byKind = new Map<string, Map<string, Obj>>();

  constructor(documents: unknown[]) {
    documents.forEach(doc => {
      if (!isObj(doc) || doc.apiVersion !== 'openslo/v1') return;
      const name = nameOf(doc);
      if (typeof doc.kind !== 'string' || !name) return;
      const kind = this.byKind.get(doc.kind) ?? new Map<string, Obj>();
      kind.set(name, doc);
      this.byKind.set(doc.kind, kind);
    });
  }

  get(kind: string, name: string): Obj | undefined {
    return this.byKind.get(kind)?.get(name);
  }
}

/**
 * Parses the YAML documents of an OpenSLO v1 file into SLO definitions. A bad
 * SLO is reported with its file, document and field and left out; the others
 * are kept. `SLI`, `DataSource`, `AlertPolicy`, `AlertCondition` and
 * `AlertNotificationTarget` documents are resolved where an SLO refers to
 * them; one that no SLO uses is reported as unused rather than dropped
 * silently. `Service` documents describe; they are accepted and not kept.
 *
 * @public
 */
export function parseOpenSlo(
  documents: unknown[],
  file: string,
): { slos: SloDefinition[]; problems: OpenSloProblem[] } {
  const problems: OpenSloProblem[] = [];
  const refs = new References(documents);
  const used = new Set<Obj>();
  const slos: SloDefinition[] = [];
  const checked = new Set<Obj>();

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
    const name = nameOf(doc);
    const local: OpenSloProblem[] = [];
    const problem: Report = (field, message) =>
      local.push({ ...at, name, field, message });
    if (!KINDS.includes(String(doc.kind))) {
      problems.push({
        ...at,
        name,
        field: 'kind',
        message: `must be one of ${KINDS.join(', ')}, not ${JSON.stringify(
          doc.kind,
        )}`,
      });
      return;
    }
    if (doc.kind === 'SLO' && (!name || !NAME.test(name))) {
      problem(
        'metadata.name',
        'must be a lowercase name of letters, digits and dashes (at most 63)',
      );
    } else if (!name) {
      problem('metadata.name', 'is required');
    }
    if (doc.kind !== 'SLO') {
      checked.add(doc);
      problems.push(...local);
      return;
    }
    const warnings: OpenSloProblem[] = [];
    const warn: Report = (field, message) =>
      warnings.push({ ...at, name, field, message, severity: 'warning' });
    const slo = parseSlo(doc, name ?? '', refs, used, problem, warn);
    problems.push(...local, ...warnings);
    if (local.length === 0 && slo) slos.push(slo);
  });

  // Documents that SLOs refer to are checked where they are used; one that
  // nothing uses would otherwise vanish without a word.
  documents.forEach((doc, index) => {
    if (!isObj(doc) || !checked.has(doc) || used.has(doc)) return;
    if (doc.kind === 'Service') return;
    problems.push({
      file,
      document: index + 1,
      name: nameOf(doc),
      field: 'kind',
      message: `this ${doc.kind} is not used by any SLO of the file, so it has no effect`,
      severity: 'warning',
    });
  });
  return { slos, problems };
}

function parseSlo(
  doc: Obj,
  name: string,
  refs: References,
  used: Set<Obj>,
  problem: Report,
  warn: Report,
): SloDefinition | undefined {
  const spec = isObj(doc.spec) ? doc.spec : {};
  if (!isObj(doc.spec)) problem('spec', 'is required');

  // OpenSLO's own README example leaves out budgetingMethod and timeWindow:
  // the SLO is kept with the usual defaults, and the file is told.
  let budgetingMethod = spec.budgetingMethod as BudgetingMethod;
  if (spec.budgetingMethod === undefined) {
    budgetingMethod = 'Occurrences';
    warn('spec.budgetingMethod', 'is missing; Occurrences is assumed');
  } else if (!BUDGETING_METHODS.includes(budgetingMethod)) {
    problem(
      'spec.budgetingMethod',
      `must be one of ${BUDGETING_METHODS.join(', ')}`,
    );
  }
  let window: SloDefinition['window'] | undefined;
  if (spec.timeWindow === undefined) {
    window = { duration: { amount: 28, unit: 'd' }, isRolling: true };
    warn('spec.timeWindow', 'is missing; a rolling 28d window is assumed');
  } else {
    window = parseWindow(spec.timeWindow, problem);
  }

  let indicator: SloIndicator | undefined;
  if (spec.indicator !== undefined || spec.indicatorRef !== undefined) {
    indicator = resolveIndicator(
      spec.indicator,
      spec.indicatorRef,
      'spec',
      refs,
      used,
      problem,
    );
  }

  const list = Array.isArray(spec.objectives) ? spec.objectives : [];
  if (list.length === 0) {
    problem('spec.objectives', 'must list at least one objective');
  }
  const objectives = list.flatMap((o: unknown, i: number) => {
    const objective = parseObjective(
      o,
      `spec.objectives[${i}]`,
      budgetingMethod,
      refs,
      used,
      problem,
    );
    return objective ? [objective] : [];
  });
  const composite = objectives.some(o => o.indicator);
  if (composite && objectives.some(o => !o.indicator)) {
    problem(
      'spec.objectives',
      'in a composite SLO every objective names its own indicator (indicator or indicatorRef)',
    );
  }
  if (
    !composite &&
    spec.indicator === undefined &&
    spec.indicatorRef === undefined
  ) {
    problem(
      'spec.indicator',
      'an inline indicator or an indicatorRef is required',
    );
  }
  objectives.forEach((objective, i) => {
    const measured = objective.indicator ?? indicator;
    if (
      measured?.threshold &&
      (!objective.op || objective.value === undefined)
    ) {
      problem(
        `spec.objectives[${i}].op`,
        'a threshold metric needs op and value on the objective',
      );
    }
  });

  // A broken alert policy is reported without losing the SLO it watches.
  const alertPolicies = parseAlertPolicies(
    spec.alertPolicies,
    refs,
    used,
    warn,
  );

  if (!window || objectives.length !== list.length || list.length === 0) {
    return undefined;
  }
  if (!composite && !indicator) return undefined;
  const metadata = doc.metadata as Obj;
  return {
    name,
    displayName: text(metadata.displayName) ?? name,
    description: text(spec.description) ?? '',
    service: text(spec.service) ?? '',
    budgetingMethod,
    window,
    objectives,
    ...(!composite && { indicator }),
    ...(alertPolicies.length > 0 && { alertPolicies }),
  };
}

function parseWindow(
  value: unknown,
  problem: Report,
): SloDefinition['window'] | undefined {
  const windows = Array.isArray(value) ? value : [];
  const timeWindow = windows[0];
  if (windows.length !== 1 || !isObj(timeWindow)) {
    problem('spec.timeWindow', 'must list exactly one window');
    return undefined;
  }
  const field = 'spec.timeWindow[0]';
  const duration =
    typeof timeWindow.duration === 'string'
      ? parseDuration(timeWindow.duration)
      : undefined;
  if (!duration) {
    problem(`${field}.duration`, 'must be a duration such as 28d or 1M');
  }
  const isRolling = timeWindow.isRolling === true;
  if (isRolling) return duration && { duration, isRolling };
  const calendar = isObj(timeWindow.calendar) ? timeWindow.calendar : {};
  // A YAML 1.1 reader turns `2022-01-01 12:00:00` into a Date read as UTC.
  const startTime =
    calendar.startTime instanceof Date
      ? calendar.startTime.toISOString().slice(0, 19).replace('T', ' ')
      : text(calendar.startTime);
  const timeZone = text(calendar.timeZone) ?? 'UTC';
  if (!isTimeZone(timeZone)) {
    problem(
      `${field}.calendar.timeZone`,
      `must be an IANA time zone such as Europe/Berlin or UTC, not ${JSON.stringify(
        calendar.timeZone,
      )}`,
    );
    return undefined;
  }
  if (!startTime || !calendarInstant({ startTime, timeZone })) {
    problem(
      `${field}.calendar.startTime`,
      'a calendar window needs a start time that exists, such as "2026-01-01 00:00:00"',
    );
    return undefined;
  }
  return duration && { duration, isRolling, calendar: { startTime, timeZone } };
}

function parseObjective(
  o: unknown,
  field: string,
  budgetingMethod: BudgetingMethod,
  refs: References,
  used: Set<Obj>,
  problem: Report,
): SloObjective | undefined {
  if (!isObj(o)) {
    problem(field, 'an objective must be a mapping');
    return undefined;
  }
  let target: number | undefined;
  if (typeof o.target === 'number') target = o.target;
  else if (typeof o.targetPercent === 'number') target = o.targetPercent / 100;
  if (target === undefined || !(target > 0 && target < 1)) {
    problem(
      `${field}.target`,
      'must be between 0 and 1 (or targetPercent between 0 and 100), exclusive',
    );
  }
  const objective: SloObjective = { target: target ?? 0 };
  const displayName = text(o.displayName);
  if (displayName) objective.displayName = displayName;
  if (o.op !== undefined) {
    if (!OPERATORS.includes(o.op as Operator)) {
      problem(`${field}.op`, `must be one of ${OPERATORS.join(', ')}`);
    }
    objective.op = o.op as Operator;
  }
  if (o.value !== undefined) {
    if (typeof o.value !== 'number') {
      problem(`${field}.value`, 'must be a number');
    }
    objective.value = o.value as number;
  }
  if (
    budgetingMethod === 'Timeslices' ||
    budgetingMethod === 'RatioTimeslices'
  ) {
    const sliceWindow = sliceWindowOf(o.timeSliceWindow);
    if (!sliceWindow) {
      problem(
        `${field}.timeSliceWindow`,
        `is required for ${budgetingMethod}: a duration such as 1m or a number of minutes`,
      );
    }
    objective.timeSliceWindow = sliceWindow;
  }
  if (budgetingMethod === 'Timeslices') {
    if (
      typeof o.timeSliceTarget !== 'number' ||
      !(o.timeSliceTarget > 0 && o.timeSliceTarget <= 1)
    ) {
      problem(
        `${field}.timeSliceTarget`,
        'is required for Timeslices, between 0 and 1',
      );
    }
    objective.timeSliceTarget = o.timeSliceTarget as number;
  }
  if (o.indicator !== undefined || o.indicatorRef !== undefined) {
    objective.indicator = resolveIndicator(
      o.indicator,
      o.indicatorRef,
      field,
      refs,
      used,
      problem,
    );
    if (!objective.indicator) return undefined;
  }
  if (o.compositeWeight !== undefined) {
    if (typeof o.compositeWeight !== 'number' || !(o.compositeWeight > 0)) {
      problem(`${field}.compositeWeight`, 'must be a number above 0');
    }
    objective.compositeWeight = o.compositeWeight as number;
  }
  return objective;
}

function resolveIndicator(
  inline: unknown,
  ref: unknown,
  field: string,
  refs: References,
  used: Set<Obj>,
  problem: Report,
): SloIndicator | undefined {
  if (isObj(inline))
    return parseIndicator(inline, `${field}.indicator`, refs, used, problem);
  if (typeof ref === 'string') {
    const sli = refs.get('SLI', ref);
    if (!sli) {
      problem(
        `${field}.indicatorRef`,
        `names no SLI document in this file: ${ref}`,
      );
      return undefined;
    }
    used.add(sli);
    return parseIndicator(
      sli,
      `${field}.indicatorRef(${ref})`,
      refs,
      used,
      problem,
    );
  }
  problem(
    `${field}.indicator`,
    'an inline indicator or an indicatorRef is required',
  );
  return undefined;
}

function parseIndicator(
  sli: Obj,
  field: string,
  refs: References,
  used: Set<Obj>,
  problem: Report,
): SloIndicator | undefined {
  const name = nameOf(sli) ?? 'indicator';
  const spec = isObj(sli.spec) ? sli.spec : {};
  const source = (value: unknown, at: string): MetricSource | undefined =>
    parseMetricSource(value, at, refs, used, problem);
  if (isObj(spec.ratioMetric)) {
    const r = spec.ratioMetric;
    const at = `${field}.spec.ratioMetric`;
    if (r.raw !== undefined) {
      const raw = source(r.raw, `${at}.raw`);
      if (r.rawType !== 'success' && r.rawType !== 'failure') {
        problem(`${at}.rawType`, 'must be success or failure with raw');
        return undefined;
      }
      if (
        r.good !== undefined ||
        r.bad !== undefined ||
        r.total !== undefined
      ) {
        problem(at, 'raw stands alone: no good, bad or total beside it');
        return undefined;
      }
      return raw && { name, ratio: { raw, rawType: r.rawType } };
    }
    const total = source(r.total, `${at}.total`);
    const good =
      r.good !== undefined ? source(r.good, `${at}.good`) : undefined;
    const bad = r.bad !== undefined ? source(r.bad, `${at}.bad`) : undefined;
    if (r.good !== undefined && r.bad !== undefined) {
      problem(at, 'give good or bad, not both');
      return undefined;
    }
    if (!good && !bad) {
      if (r.good === undefined && r.bad === undefined) {
        problem(at, 'needs good or bad (or raw with rawType)');
      }
      return undefined;
    }
    return total ? { name, ratio: { good, bad, total } } : undefined;
  }
  if (isObj(spec.thresholdMetric)) {
    const threshold = source(
      spec.thresholdMetric,
      `${field}.spec.thresholdMetric`,
    );
    return threshold ? { name, threshold } : undefined;
  }
  problem(`${field}.spec`, 'needs a ratioMetric or a thresholdMetric');
  return undefined;
}

function parseMetricSource(
  value: unknown,
  field: string,
  refs: References,
  used: Set<Obj>,
  problem: Report,
): MetricSource | undefined {
  const metricSource = isObj(value) ? value.metricSource : undefined;
  if (!isObj(metricSource)) {
    problem(field, 'needs a metricSource');
    return undefined;
  }
  const spec = isObj(metricSource.spec) ? metricSource.spec : {};
  const ref = text(metricSource.metricSourceRef);
  if (ref !== undefined) {
    // The DataSource may live elsewhere when the metric source names its type.
    const dataSource = refs.get('DataSource', ref);
    if (dataSource) used.add(dataSource);
    const dsSpec = isObj(dataSource?.spec) ? dataSource!.spec : {};
    const type = text(metricSource.type) ?? text((dsSpec as Obj).type);
    if (!type) {
      problem(
        `${field}.metricSource.metricSourceRef`,
        dataSource
          ? `DataSource ${ref} names no type (spec.type)`
          : `names no DataSource document in this file, and the metric source gives no type: ${ref}`,
      );
      return undefined;
    }
    return {
      type,
      spec,
      dataSource: ref,
    };
  }
  if (typeof metricSource.type !== 'string') {
    problem(
      `${field}.metricSource`,
      'needs a type or a metricSourceRef to a DataSource',
    );
    return undefined;
  }
  return { type: metricSource.type, spec };
}

function parseAlertPolicies(
  value: unknown,
  refs: References,
  used: Set<Obj>,
  problem: Report,
): SloAlertPolicy[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problem('spec.alertPolicies', 'must be a list');
    return [];
  }
  return value.flatMap((entry, i) => {
    const field = `spec.alertPolicies[${i}]`;
    const doc = resolve(
      entry,
      'AlertPolicy',
      'alertPolicyRef',
      field,
      refs,
      used,
      problem,
    );
    if (!doc) return [];
    const spec = isObj(doc.spec) ? doc.spec : {};
    const conditions = (
      Array.isArray(spec.conditions) ? spec.conditions : []
    ).flatMap((c: unknown, j: number) => {
      const at = `${field}.spec.conditions[${j}]`;
      const condition = resolve(
        c,
        'AlertCondition',
        'conditionRef',
        at,
        refs,
        used,
        problem,
      );
      return condition ? parseCondition(condition, at, problem) : [];
    });
    if (conditions.length === 0) {
      problem(
        `${field}.spec.conditions`,
        'must list at least one AlertCondition',
      );
    }
    const targets = (
      Array.isArray(spec.notificationTargets) ? spec.notificationTargets : []
    ).flatMap((t: unknown, j: number) => {
      const at = `${field}.spec.notificationTargets[${j}]`;
      const target = resolve(
        t,
        'AlertNotificationTarget',
        'targetRef',
        at,
        refs,
        used,
        problem,
      );
      if (!target) return [];
      const tSpec = isObj(target.spec) ? target.spec : {};
      if (typeof tSpec.target !== 'string') {
        problem(`${at}.spec.target`, 'is required');
        return [];
      }
      return [
        {
          name: nameOf(target) ?? '',
          target: tSpec.target,
          ...(text(tSpec.description) && {
            description: text(tSpec.description),
          }),
        },
      ];
    });
    const flag = (key: string, fallback: boolean) => {
      if (spec[key] === undefined) return fallback;
      if (typeof spec[key] !== 'boolean') {
        problem(`${field}.spec.${key}`, 'must be true or false');
      }
      return spec[key] === true;
    };
    const metadata = isObj(doc.metadata) ? doc.metadata : {};
    return [
      {
        name: nameOf(doc) ?? '',
        ...(text(metadata.displayName) && {
          displayName: text(metadata.displayName),
        }),
        ...(text(spec.description) && { description: text(spec.description) }),
        // OpenSLO's defaults: alert on breaching, not on resolution or missing data.
        alertWhenBreaching: flag('alertWhenBreaching', true),
        alertWhenResolved: flag('alertWhenResolved', false),
        alertWhenNoData: flag('alertWhenNoData', false),
        conditions,
        notificationTargets: targets,
      },
    ];
  });
}

/** An inline document of `kind`, or the one of that kind a `refKey` names. */
function resolve(
  entry: unknown,
  kind: string,
  refKey: string,
  field: string,
  refs: References,
  used: Set<Obj>,
  problem: Report,
): Obj | undefined {
  if (!isObj(entry)) {
    problem(field, `must be an inline ${kind} or a ${refKey}`);
    return undefined;
  }
  const ref = text(entry[refKey]);
  if (ref !== undefined) {
    const doc = refs.get(kind, ref);
    if (!doc) {
      problem(
        `${field}.${refKey}`,
        `names no ${kind} document in this file: ${ref}`,
      );
      return undefined;
    }
    used.add(doc);
    return doc;
  }
  if (entry.kind !== undefined && entry.kind !== kind) {
    problem(`${field}.kind`, `must be ${kind}`);
    return undefined;
  }
  return entry;
}

function parseCondition(
  doc: Obj,
  field: string,
  problem: Report,
): SloAlertCondition[] {
  const spec = isObj(doc.spec) ? doc.spec : {};
  const condition = isObj(spec.condition) ? spec.condition : {};
  const at = `${field}.spec.condition`;
  let ok = true;
  const fail: Report = (f, m) => {
    ok = false;
    problem(f, m);
  };
  if (String(condition.kind).toLowerCase() !== 'burnrate') {
    fail(`${at}.kind`, 'must be burnrate, the only kind OpenSLO v1 defines');
  }
  if (!OPERATORS.includes(condition.op as Operator)) {
    fail(`${at}.op`, `must be one of ${OPERATORS.join(', ')}`);
  }
  if (typeof condition.threshold !== 'number') {
    fail(`${at}.threshold`, 'must be a number (a burn rate)');
  }
  const lookbackWindow =
    typeof condition.lookbackWindow === 'string'
      ? parseDuration(condition.lookbackWindow)
      : undefined;
  if (!lookbackWindow)
    fail(`${at}.lookbackWindow`, 'must be a duration such as 1h');
  const alertAfter = alertAfterOf(condition.alertAfter);
  if (!alertAfter) fail(`${at}.alertAfter`, 'must be a duration such as 5m');
  if (!ok) return [];
  return [
    {
      name: nameOf(doc) ?? '',
      ...(text(spec.description) && { description: text(spec.description) }),
      ...(text(spec.severity) && { severity: text(spec.severity) }),
      kind: 'burnrate',
      op: condition.op as Operator,
      threshold: condition.threshold as number,
      lookbackWindow: lookbackWindow!,
      alertAfter: alertAfter!,
    },
  ];
}

/** `timeSliceWindow`: a duration (`1m`) or, as OpenSLO also allows, a number of minutes. */
function sliceWindowOf(value: unknown): SloDuration | undefined {
  if (typeof value === 'string') return parseDuration(value);
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
    return { amount: value, unit: 'm' };
  }
  return undefined;
}

/** `alertAfter`: a duration; absent or zero (`0m`) fires at once. */
function alertAfterOf(value: unknown): SloDuration | undefined {
  if (value === undefined) return { amount: 0, unit: 'm' };
  if (typeof value !== 'string') return undefined;
  if (/^0[smhdw]?$/.test(value.trim())) return { amount: 0, unit: 'm' };
  return parseDuration(value);
}
