import { MeasuredObjective } from '@system-product/backstage-plugin-common';
import { EventSliSource } from './EventSliSource';
import { SliSourceRegistry } from './SliSourceRegistry';
import { Counter } from './evaluateSlo';

/**
 * The counter for an objective: the built-in one for `system-product`, a
 * source a module added through the extension point for other types, or why
 * there is none. A module's source counts ranges for Occurrences and, where
 * it implements `countSlices`, slices for the Timeslices methods; every
 * budget and burn rate is then computed here, the same for all sources.
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
      from,
      to,
    };
  };
  return {
    countRanges: async (entityRef, _measured, ranges) =>
      Promise.all(
        ranges.map(({ from, to }) =>
          external.count({ ...query(from, to), entityRef }),
        ),
      ),
    countSlices: async (entityRef, _measured, range, sliceMs) => {
      if (!external.countSlices) {
        return `the SLI source for ${type} counts whole ranges only; use the Occurrences budgeting method`;
      }
      return external.countSlices({
        ...query(range.from, range.to),
        entityRef,
        sliceMs,
      });
    },
  };
}
