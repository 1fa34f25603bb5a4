import { MeasuredObjective } from '@system-product/backstage-plugin-common';
import {
  SliCounts,
  SliDefinition,
  SliSliceCounts,
  SliSource,
} from '@system-product/backstage-plugin-node';
import { SliSourceRegistry } from './SliSourceRegistry';
import { Counter } from './evaluateSlo';

const isCount = (n: unknown): n is number =>
  typeof n === 'number' && Number.isFinite(n);

/** What an objective's indicator is measured by: the source of its type, and what it is handed. */
export interface ResolvedSli {
  type: string;
  source: SliSource;
  sli: SliDefinition;
}

/**
 * The SLI source of an objective's metric source type and the definition
 * it is handed (the specs of the indicator's parts, a threshold metric's
 * `op` and `value`), or why there is none. The built-in `system-product`
 * source is found like a module's: it is registered in the same registry.
 */
export function resolveSli(
  measured: MeasuredObjective,
  registry: SliSourceRegistry,
): ResolvedSli | string {
  const { ratio, threshold } = measured.indicator;
  const parts = [ratio?.good, ratio?.bad, ratio?.total, ratio?.raw, threshold];
  const partTypes = new Set(parts.flatMap(part => (part ? [part.type] : [])));
  if (partTypes.size > 1) {
    return `the parts of a ratio metric must come from one metric source type, not ${[
      ...partTypes,
    ].join(', ')}`;
  }
  const [type] = [...partTypes];
  const source = type ? registry.get(type) : undefined;
  if (!source) {
    return `no SLI source reads metric source type ${type}; a backend module can add one (systemProductSliSourcesExtensionPoint)`;
  }
  const total = ratio?.total ?? ratio?.raw;
  const spec = (threshold ?? total)?.spec;
  if (!spec || (ratio && !total)) return 'ratio needs total';
  const { op, value } = measured.objective;
  const sli: SliDefinition = {
    spec,
    ...(ratio && {
      ratio: {
        good: ratio.good?.spec,
        bad: ratio.bad?.spec,
        total: total!.spec,
        ...(ratio.raw && { raw: ratio.raw.spec, rawType: ratio.rawType }),
      },
    }),
    ...(threshold && op && value !== undefined && { threshold: { op, value } }),
  };
  return { type: type!, source, sli };
}

// What a source throws, or counts that are not numbers, become the reason
// the objective (or one of its alert windows) has no data: never a 500 of
// the SLO routes, never a made-up figure.
const failed = (error: unknown) =>
  `source unavailable: ${
    error instanceof Error ? error.message : String(error)
  }`;

/** What the source's `problemOf` says of the SLI, if it has one. */
function problemOfResolved(
  { source, sli }: ResolvedSli,
  budgetingMethod: MeasuredObjective['budgetingMethod'],
): string | undefined {
  if (!source.problemOf) return undefined;
  try {
    const problem = source.problemOf({ ...sli, budgetingMethod });
    return typeof problem === 'string' && problem !== '' ? problem : undefined;
  } catch (error) {
    return failed(error);
  }
}

/**
 * Why an objective cannot be measured, before anything is counted: no
 * source reads its type, or its source says why (`problemOf`).
 */
export function problemOf(
  measured: MeasuredObjective,
  registry: SliSourceRegistry,
): string | undefined {
  const resolved = resolveSli(measured, registry);
  if (typeof resolved === 'string') return resolved;
  return problemOfResolved(resolved, measured.budgetingMethod);
}

/**
 * The counter for an objective: the SLI source registered for its metric
 * source type (the built-in one for `system-product`, a module's for other
 * types), or why there is none. Every source goes through the same
 * adapter: what it says in `problemOf` is the reason the objective has no
 * data; it counts ranges for Occurrences (all at once with `countRanges`,
 * else one `count` per range) and, where it implements `countSlices`,
 * slices for the Timeslices methods; every budget and burn rate is then
 * computed here, the same for all sources. A threshold metric's source is
 * handed the objective's `op` and `value`; a source that throws gives the
 * objective no data, with its message as the reason.
 */
export function counterFor(
  measured: MeasuredObjective,
  registry: SliSourceRegistry,
): Counter | string {
  const resolved = resolveSli(measured, registry);
  if (typeof resolved === 'string') return resolved;
  const { type, source, sli } = resolved;
  const unmeasurable = () =>
    problemOfResolved(resolved, measured.budgetingMethod);
  const counted = (counts: SliCounts): SliCounts | string =>
    isCount(counts?.good) && isCount(counts?.total)
      ? counts
      : `the SLI source for ${type} returned counts that are not numbers`;
  return {
    countRanges: async (entityRef, _measured, ranges) => {
      const problem = unmeasurable();
      if (problem) return problem;
      if (!source.countRanges) {
        return Promise.all(
          ranges.map(({ from, to }) =>
            // A source may also throw before it returns a promise.
            Promise.resolve()
              .then(() => source.count({ ...sli, entityRef, from, to }))
              .then(counted, failed),
          ),
        );
      }
      let results: Array<SliCounts | string>;
      try {
        results = await source.countRanges({ ...sli, entityRef, ranges });
      } catch (error) {
        return failed(error);
      }
      if (!Array.isArray(results) || results.length !== ranges.length) {
        return `the SLI source for ${type} returned ${
          Array.isArray(results) ? results.length : 'no'
        } counts for ${ranges.length} ranges`;
      }
      return results.map(result =>
        typeof result === 'string' ? result : counted(result),
      );
    },
    countSlices: async (entityRef, _measured, range, sliceMs) => {
      const problem = unmeasurable();
      if (problem) return problem;
      if (!source.countSlices) {
        return `the SLI source for ${type} counts whole ranges only; use the Occurrences budgeting method`;
      }
      let slices: SliSliceCounts[];
      try {
        slices = await source.countSlices({
          ...sli,
          entityRef,
          from: range.from,
          to: range.to,
          sliceMs,
        });
      } catch (error) {
        return failed(error);
      }
      const bad = (Array.isArray(slices) ? slices : [undefined]).some(
        slice =>
          !slice ||
          typeof counted(slice) === 'string' ||
          !(slice.start instanceof Date) ||
          Number.isNaN(slice.start.getTime()),
      );
      return bad
        ? `the SLI source for ${type} returned slice counts that are not numbers`
        : slices;
    },
  };
}
