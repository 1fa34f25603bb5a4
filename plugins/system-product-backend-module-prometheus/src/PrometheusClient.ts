/**
 * One Prometheus server the SLI source reads, as configured under
 * `systemProduct.prometheus.instances`.
 *
 * @public
 */
export interface PrometheusInstance {
  name: string;
  /** Base URL of the HTTP API, without `/api/v1`. */
  url: string;
  headers?: Record<string, string>;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
}

/** Points of a range query, by evaluation time in milliseconds. */
export type PointsByTime = Map<number, number>;

/**
 * Prometheus allows at most 11,000 points per series in one range query;
 * longer ranges are asked in parts of this many points.
 */
const MAX_POINTS = 10_000;

interface ApiBody {
  status?: string;
  errorType?: string;
  error?: string;
  data?: {
    resultType?: string;
    result?: Array<{
      metric?: Record<string, string>;
      value?: [number, string];
      values?: Array<[number, string]>;
    }>;
  };
}

/** Prometheus's timestamps: seconds, to the millisecond. */
const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * The few calls of Prometheus's HTTP API the SLI source makes: instant and
 * range queries, each POSTed as a form with a timeout. Every failure (no
 * answer, an HTTP error, Prometheus's own `status: error`, a value that is
 * not a number) is thrown as an Error whose message says what happened and
 * to which query; the backend shows it on the SLO.
 */
export class PrometheusClient {
  constructor(
    readonly instance: PrometheusInstance,
    private readonly timeoutMs: number,
  ) {}

  /**
   * The value of an expression that aggregates to at most one series (all
   * the source sends are wrapped in `sum(...)`) at `atMs`, or undefined when
   * the result is an empty vector.
   */
  async instant(expr: string, atMs: number): Promise<number | undefined> {
    const body = await this.call('query', { query: expr, time: seconds(atMs) });
    if (body.data?.resultType !== 'vector' || !body.data.result) {
      throw new Error(
        `Prometheus ${this.instance.name} answered a ${body.data?.resultType} instead of an instant vector for ${expr}`,
      );
    }
    const values = body.data.result.map(r =>
      this.number(r.value?.[1], expr, r.value?.[0]),
    );
    return values.length === 0 ? undefined : values.reduce((a, b) => a + b);
  }

  /**
   * The points of an expression aggregating to at most one series, evaluated
   * at `startMs`, `startMs + stepMs`, … up to `endMs`. Times without a
   * value (Prometheus leaves them out) are missing from the map.
   */
  async range(
    expr: string,
    startMs: number,
    endMs: number,
    stepMs: number,
  ): Promise<PointsByTime> {
    const points: PointsByTime = new Map();
    const parts: Array<[number, number]> = [];
    for (let s = startMs; s <= endMs; s += MAX_POINTS * stepMs) {
      parts.push([s, Math.min(endMs, s + (MAX_POINTS - 1) * stepMs)]);
    }
    const bodies = await Promise.all(
      parts.map(([s, e]) =>
        this.call('query_range', {
          query: expr,
          start: seconds(s),
          end: seconds(e),
          step: seconds(stepMs),
        }),
      ),
    );
    for (const body of bodies) {
      if (body.data?.resultType !== 'matrix' || !body.data.result) {
        throw new Error(
          `Prometheus ${this.instance.name} answered a ${body.data?.resultType} instead of a range vector for ${expr}`,
        );
      }
      for (const series of body.data.result) {
        for (const [t, raw] of series.values ?? []) {
          const at = Math.round(t * 1000);
          points.set(at, (points.get(at) ?? 0) + this.number(raw, expr, t));
        }
      }
    }
    return points;
  }

  private number(raw: string | undefined, expr: string, t?: number): number {
    const value = Number(raw);
    if (raw === undefined || raw.trim() === '' || !Number.isFinite(value)) {
      const at =
        t === undefined ? '' : ` at ${new Date(t * 1000).toISOString()}`;
      throw new Error(
        `Prometheus ${this.instance.name} answered ${raw}${at}, not a number, for ${expr}`,
      );
    }
    return value;
  }

  private async call(
    endpoint: 'query' | 'query_range',
    params: Record<string, string>,
  ): Promise<ApiBody> {
    const { name, url, headers, token } = this.instance;
    const base = url.endsWith('/') ? url : `${url}/`;
    const target = new URL(`api/v1/${endpoint}`, base);
    let response: Response;
    let text: string;
    try {
      // The timeout covers the body too: a server that sends headers and
      // then stalls is as unavailable as one that never answers.
      const signal = AbortSignal.timeout(this.timeoutMs);
      response = await fetch(target, {
        method: 'POST',
        headers: {
          ...headers,
          ...(token && { Authorization: `Bearer ${token}` }),
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: new URLSearchParams(params),
        signal,
      });
      text = await response.text();
    } catch (error) {
      throw new Error(
        `Prometheus ${name} ${unreachable(error, this.timeoutMs)}`,
      );
    }
    let body: ApiBody | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (body?.status === 'error' || !response.ok) {
      const what = body?.errorType
        ? `${body.errorType}: ${body.error}`
        : `HTTP ${response.status} ${response.statusText}`.trim();
      throw new Error(
        `Prometheus ${name} answered ${what} for ${params.query}${hint(
          body?.error,
        )}`,
      );
    }
    if (body?.status !== 'success') {
      throw new Error(
        `Prometheus ${name} answered HTTP ${response.status} with a body that is not a Prometheus API response (is ${url} the Prometheus base URL?)`,
      );
    }
    return body;
  }
}

function unreachable(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: any };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return `did not answer within ${timeoutMs / 1000} s`;
  }
  const cause = e?.cause;
  const reason =
    (cause?.code && cause?.message) || cause?.message || e?.message || error;
  return `is unreachable: ${reason}`;
}

/** What to do about the parse error of a query that is not a selector. */
function hint(error: string | undefined): string {
  return error?.includes('ranges only allowed for vector selectors')
    ? '; the query of a ratio metric must be a series selector such as http_requests_total{code!~"5.."}: the module adds sum(increase(...[window]))'
    : '';
}
