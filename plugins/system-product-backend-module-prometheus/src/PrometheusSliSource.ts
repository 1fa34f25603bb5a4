import { Config } from '@backstage/config';
import {
  SliCounts,
  SliQuery,
  SliSliceCounts,
  SliSource,
} from '@system-product/backstage-plugin-node';
import { PrometheusClient, PrometheusInstance } from './PrometheusClient';
import { Threshold, increaseOf, isOperator, samplesOf } from './promql';

/** @public */
export interface PrometheusSliSourceOptions {
  /** The servers SLOs can read; the first is the default. */
  instances: PrometheusInstance[];
  /** How long one query may take. Default 10 s. */
  timeoutMs?: number;
  /** Threshold metrics: the step between the samples counted as events. Default 60 s. */
  thresholdStepMs?: number;
}

type Spec = Record<string, unknown>;

/** One counter-style part of a ratio, read from one instance. */
interface Part {
  client: PrometheusClient;
  query: string;
}

/**
 * The SLI source for OpenSLO `metricSource.type: Prometheus`:
 *
 * - ratio metrics (`good` or `bad` over `total`): each part's `spec.query` is a
 *   series selector of a counter; the events of [from, to) are
 *   `sum(increase(<query>[<to − from>]))` at `to`, and slices are the same
 *   over each slice, from one range query with the slice as its step;
 * - threshold metrics: `spec.query` is any expression; each of its samples
 *   at the configured step is one event, good when it compares with the
 *   objective's `value` as its `op` says.
 *
 * `spec.instance` picks a configured instance by name, the first by default.
 * Every failure is thrown with a message saying what went wrong; the backend
 * shows it on the SLO. An empty total is no data.
 *
 * @public
 */
export class PrometheusSliSource implements SliSource {
  readonly type = 'Prometheus';
  private readonly clients: PrometheusClient[];
  private readonly thresholdStepMs: number;

  /** Reads `systemProduct.prometheus`. */
  static fromConfig(config: Config): PrometheusSliSource {
    const root = config.getOptionalConfig('systemProduct.prometheus');
    const instances = (root?.getOptionalConfigArray('instances') ?? []).map(
      (c, i): PrometheusInstance => {
        const url = c.getString('url');
        if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
          throw new Error(
            `systemProduct.prometheus.instances[${i}].url must be an http or https URL`,
          );
        }
        const headers = c.getOptionalConfig('headers');
        const token = c.getOptionalString('token');
        return {
          name: c.getString('name'),
          url,
          ...(headers && {
            headers: Object.fromEntries(
              headers.keys().map(key => [key, headers.getString(key)]),
            ),
          }),
          ...(token && { token }),
        };
      },
    );
    const seconds = (key: string) => {
      const value = root?.getOptionalNumber(key);
      if (value !== undefined && !(value > 0)) {
        throw new Error(`systemProduct.prometheus.${key} must be positive`);
      }
      return value === undefined ? undefined : Math.round(value * 1000);
    };
    return new PrometheusSliSource({
      instances,
      timeoutMs: seconds('timeoutSeconds'),
      thresholdStepMs: seconds('thresholdStepSeconds'),
    });
  }

  constructor(options: PrometheusSliSourceOptions) {
    const names = new Set<string>();
    for (const { name } of options.instances) {
      if (names.has(name)) {
        throw new Error(`two Prometheus instances are named ${name}`);
      }
      names.add(name);
    }
    const timeoutMs = options.timeoutMs ?? 10_000;
    this.clients = options.instances.map(
      instance => new PrometheusClient(instance, timeoutMs),
    );
    this.thresholdStepMs = Math.max(1, options.thresholdStepMs ?? 60_000);
  }

  /** The names of the configured instances, the default first. */
  get instanceNames(): string[] {
    return this.clients.map(c => c.instance.name);
  }

  async count(query: SliQuery): Promise<SliCounts> {
    const from = query.from.getTime();
    const to = query.to.getTime();
    if (query.ratio) {
      const { total, part, isGood } = this.ratioParts(query);
      if (to <= from) return { good: 0, total: 0 };
      const [totalN, partN] = await Promise.all([
        total.client.instant(increaseOf(total.query, to - from), to),
        part.client.instant(increaseOf(part.query, to - from), to),
      ]);
      return combine(totalN, partN, isGood) ?? { good: 0, total: 0 };
    }
    const { client, expr, threshold } = this.thresholdOf(query);
    // Grid points in [from, to): the subquery at to − 1 ms over
    // to − from − 1 ms includes both its ends.
    const range = to - from - 1;
    if (range < 1) return { good: 0, total: 0 };
    const step = this.thresholdStepMs;
    const [totalN, goodN] = await Promise.all([
      client.instant(samplesOf(expr, range, step), to - 1),
      client.instant(samplesOf(expr, range, step, threshold), to - 1),
    ]);
    return combine(totalN, goodN, true) ?? { good: 0, total: 0 };
  }

  async countSlices(
    query: SliQuery & { sliceMs: number },
  ): Promise<SliSliceCounts[]> {
    const from = query.from.getTime();
    const to = query.to.getTime();
    const { sliceMs } = query;
    if (!(sliceMs >= 1)) throw new Error(`a slice of ${sliceMs} ms`);
    let totals: Map<number, number>;
    let parts: Map<number, number>;
    let isGood = true;
    if (query.ratio) {
      const ratio = this.ratioParts(query);
      isGood = ratio.isGood;
      [totals, parts] = await Promise.all(
        [ratio.total, ratio.part].map(({ client, query: selector }) =>
          perSlice(
            client,
            ms => increaseOf(selector, ms),
            0,
            from,
            to,
            sliceMs,
          ),
        ),
      );
    } else {
      const { client, expr, threshold } = this.thresholdOf(query);
      const step = this.thresholdStepMs;
      [totals, parts] = await Promise.all(
        [undefined, threshold].map(compared =>
          perSlice(
            client,
            ms => samplesOf(expr, ms, step, compared),
            1,
            from,
            to,
            sliceMs,
          ),
        ),
      );
    }
    return [...totals.keys()]
      .sort((a, b) => a - b)
      .flatMap(k => {
        const start = new Date(from + k * sliceMs);
        const counts = combine(totals.get(k), parts.get(k), isGood, start);
        return counts ? [{ ...counts, start }] : [];
      });
  }

  private client(spec: Spec, part: string): PrometheusClient {
    if (this.clients.length === 0) {
      throw new Error(
        'no Prometheus instance configured (systemProduct.prometheus.instances)',
      );
    }
    const name = spec.instance;
    if (name === undefined) return this.clients[0];
    const client = this.clients.find(c => c.instance.name === name);
    if (!client) {
      throw new Error(
        `the ${part}'s spec.instance names no configured Prometheus instance: ${String(
          name,
        )} (configured: ${this.instanceNames.join(', ')})`,
      );
    }
    return client;
  }

  private part(spec: Spec | undefined, part: string): Part {
    const query = spec?.query;
    if (typeof query !== 'string' || query.trim() === '') {
      throw new Error(`the ${part} needs spec.query, a PromQL query`);
    }
    return { client: this.client(spec!, part), query: query.trim() };
  }

  private ratioParts(query: SliQuery): {
    total: Part;
    part: Part;
    isGood: boolean;
  } {
    const { good, bad, total } = query.ratio!;
    if (!good && !bad) {
      throw new Error(
        'a raw ratio cannot be counted from Prometheus: give good or bad counters over a total counter',
      );
    }
    return {
      total: this.part(total, 'total'),
      part: good ? this.part(good, 'good') : this.part(bad, 'bad'),
      isGood: Boolean(good),
    };
  }

  private thresholdOf(query: SliQuery): {
    client: PrometheusClient;
    expr: string;
    threshold: Threshold;
  } {
    const { client, query: expr } = this.part(query.spec, 'threshold metric');
    const threshold = query.threshold;
    if (
      !threshold ||
      !isOperator(threshold.op) ||
      !Number.isFinite(threshold.value)
    ) {
      throw new Error(
        "a threshold metric needs the objective's op (lt, lte, gt or gte) and a numeric value",
      );
    }
    return { client, expr, threshold };
  }
}

/**
 * Good and total from a total and the good or bad part. No total is no data
 * (undefined); no good or bad with a total is none (a counter that was never
 * incremented has no series). A part that does not fit in its total is an
 * error, not a figure.
 */
function combine(
  total: number | undefined,
  part: number | undefined,
  isGood: boolean,
  at?: Date,
): SliCounts | undefined {
  if (total === undefined) return undefined;
  const counted = part ?? 0;
  const good = isGood ? counted : total - counted;
  // Floating-point slack of sums, never a real mismatch.
  const slack = 1e-9 * Math.max(1, Math.abs(total));
  if (total < 0 || good < -slack || good > total + slack) {
    throw new Error(
      `the ${
        isGood ? 'good' : 'bad'
      } query counted ${counted} against a total of ${total}${
        at ? ` in the slice from ${at.toISOString()}` : ''
      }: good and bad must count a part of what total counts`,
    );
  }
  return { good: Math.min(total, Math.max(0, good)), total };
}

/**
 * Values per slice k of [from, to), slice k being
 * [from + k × slice, from + (k + 1) × slice): the whole slices from one range
 * query whose step is the slice, each evaluated at its slice's end less
 * `offsetMs` over the slice's length less `offsetMs`; the last, partial
 * slice (up to `to`) from an instant query at `to` less `offsetMs`.
 */
async function perSlice(
  client: PrometheusClient,
  exprFor: (rangeMs: number) => string,
  offsetMs: 0 | 1,
  from: number,
  to: number,
  sliceMs: number,
): Promise<Map<number, number>> {
  const whole = Math.floor((to - from) / sliceMs);
  const first = from + sliceMs - offsetMs;
  const partialStart = from + whole * sliceMs;
  const [points, partial] = await Promise.all([
    whole > 0 && sliceMs > offsetMs
      ? client.range(
          exprFor(sliceMs - offsetMs),
          first,
          first + (whole - 1) * sliceMs,
          sliceMs,
        )
      : new Map<number, number>(),
    to - partialStart > offsetMs
      ? client.instant(exprFor(to - partialStart - offsetMs), to - offsetMs)
      : undefined,
  ]);
  const values = new Map<number, number>();
  for (const [t, value] of points) {
    values.set(Math.round((t - first) / sliceMs), value);
  }
  if (partial !== undefined) values.set(whole, partial);
  return values;
}
