import { MeasuredObjective } from '@system-product/backstage-plugin-common';
import {
  SliCounts,
  SliSliceCounts,
} from '@system-product/backstage-plugin-node';
import { EventSliSource } from './EventSliSource';
import { SliSourceRegistry } from './SliSourceRegistry';
import { Counter } from './evaluateSlo';

const isCount = (n: unknown): n is number =>
  typeof n === 'number' && Number.isFinite(n);

/**
 * The counter for an objective: the built-in one for `system-product`, a
 * source a module added through the extension point for other types, or why
 * there is none. A module's source counts ranges for Occurrences and, where
 * it implements `countSlices`, slices for the Timeslices methods; every
 * budget and burn rate is then computed here, the same for all sources. A
 * threshold metric's source is handed the objective's `op` and `value`; a
 * source that throws gives the objective no data, with its message as the
 * reason.
 */
export function counterFor(
  measured: MeasuredObjective,
  builtIn: EventSliSource,
  registry: SliSourceRegistry,
): Counter | string {
  const { ratio, threshold } = measured.indicator;
  const parts = [ratio?.good, ratio?.bad, ratio?.total, ratio?.raw, threshold];
  const partTypes = new Set(parts.flatMap(part => (part ? [part.type] : [])));
  if (partTypes.size > 1) {
    return `the parts of a ratio metric must come from one metric source type, not ${[
      ...partTypes,
    ].join(', ')}`;
  }
  const [type] = [...partTypes];
  if (type === 'system-product') return builtIn;
  const external = type ? registry.get(type) : undefined;
  if (!external) {
    return `no SLI source reads metric source type ${type}; a backend module can add one (systemProductSliSourcesExtensionPoint)`;
  }
  const { op, value } = measured.objective;
  const query = (from: Date, to: Date) => {
    const spec = (threshold ?? ratio?.total ?? ratio?.raw)!.spec;
    return {
      entityRef: '',
      spec,
      ...(ratio && {
        ratio: {
          good: ratio.good?.spec,
          bad: ratio.bad?.spec,
          total: (ratio.total ?? ratio.raw)!.spec,
        },
      }),
      ...(threshold &&
        op &&
        value !== undefined && { threshold: { op, value } }),
      from,
      to,
    };
  };
  // What a source throws, or counts that are not numbers, become the reason
  // the objective (or one of its alert windows) has no data: never a 500 of
  // the SLO routes, never a made-up figure.
  const failed = (error: unknown) =>
    `source unavailable: ${
      error instanceof Error ? error.message : String(error)
    }`;
  const counted = (counts: SliCounts): SliCounts | string =>
    isCount(counts?.good) && isCount(counts?.total)
      ? counts
      : `the SLI source for ${type} returned counts that are not numbers`;
  return {
    countRanges: async (entityRef, _measured, ranges) =>
      Promise.all(
        ranges.map(({ from, to }) =>
          // A source may also throw before it returns a promise.
          Promise.resolve()
            .then(() => external.count({ ...query(from, to), entityRef }))
            .then(counted, failed),
        ),
      ),
    countSlices: async (entityRef, _measured, range, sliceMs) => {
      if (!external.countSlices) {
        return `the SLI source for ${type} counts whole ranges only; use the Occurrences budgeting method`;
      }
      let slices: SliSliceCounts[];
      try {
        slices = await external.countSlices({
          ...query(range.from, range.to),
          entityRef,
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
