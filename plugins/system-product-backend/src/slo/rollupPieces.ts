import { TimeRange } from './countingRule';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** The bucket lengths rollups are kept at, coarsest first. */
export const ROLLUP_RESOLUTIONS = [HOUR, MINUTE];

/** Whole buckets of one resolution whose starts lie in [from, to) (epoch ms). */
export interface BucketSpan {
  resolution: number;
  from: number;
  to: number;
}

/** A range as whole buckets and the raw-event edges around them. */
export interface RangePieces {
  spans: BucketSpan[];
  raw: TimeRange[];
}

/** The start of the bucket of `resolution` that holds epoch ms `t`. */
export function bucketStart(t: number, resolution: number): number {
  return Math.floor(t / resolution) * resolution;
}

const ceilTo = (t: number, r: number) => Math.ceil(t / r) * r;

/**
 * [from, to) as hour buckets where whole hours fit, minute buckets where
 * whole minutes do, and the parts of a minute at either end as ranges of
 * raw events: their counts add up to exactly the range's.
 */
export function piecesOf(range: TimeRange): RangePieces {
  const from = range.from.getTime();
  const to = range.to.getTime();
  if (to <= from) return { spans: [], raw: [] };
  const m0 = ceilTo(from, MINUTE);
  const m1 = bucketStart(to, MINUTE);
  if (m0 >= m1) return { spans: [], raw: [range] };
  const raw: TimeRange[] = [];
  if (from < m0) raw.push({ from: range.from, to: new Date(m0) });
  if (m1 < to) raw.push({ from: new Date(m1), to: range.to });
  const h0 = ceilTo(m0, HOUR);
  const h1 = bucketStart(m1, HOUR);
  const spans: BucketSpan[] = [];
  if (h0 < h1) {
    if (m0 < h0) spans.push({ resolution: MINUTE, from: m0, to: h0 });
    spans.push({ resolution: HOUR, from: h0, to: h1 });
    if (h1 < m1) spans.push({ resolution: MINUTE, from: h1, to: m1 });
  } else {
    spans.push({ resolution: MINUTE, from: m0, to: m1 });
  }
  return { spans, raw };
}

/**
 * Slices of `sliceMs` from `origin` over [origin, to) as whole buckets (each
 * within one slice) and the raw events of the minute `to` falls in; or
 * undefined when the slices do not fall on bucket boundaries (slices of
 * seconds, an origin within a minute), which only raw events can count.
 */
export function slicePiecesOf(
  origin: Date,
  to: Date,
  sliceMs: number,
): { spans: BucketSpan[]; raw?: TimeRange } | undefined {
  const start = origin.getTime();
  const end = to.getTime();
  const fits = (r: number) => sliceMs % r === 0 && start % r === 0;
  if (!fits(MINUTE)) return undefined;
  if (end <= start) return { spans: [] };
  const m1 = Math.max(start, bucketStart(end, MINUTE));
  const raw = m1 < end ? { from: new Date(m1), to } : undefined;
  const spans: BucketSpan[] = [];
  if (fits(HOUR)) {
    const h1 = Math.max(start, bucketStart(m1, HOUR));
    if (start < h1) spans.push({ resolution: HOUR, from: start, to: h1 });
    if (h1 < m1) spans.push({ resolution: MINUTE, from: h1, to: m1 });
  } else if (start < m1) {
    spans.push({ resolution: MINUTE, from: start, to: m1 });
  }
  return { spans, ...(raw && { raw }) };
}
