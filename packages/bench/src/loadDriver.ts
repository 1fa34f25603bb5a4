import { percentile } from './stats';
import { benchSystemName } from './entities';

/** What a client does in one request. */
export type RequestKind = 'read' | 'answer' | 'events';

/** One backend the clients call. */
export interface LoadTarget {
  baseUrl: string;
  authorization: string;
}

/** Every request of a run, and the writes it claims to have made. */
export interface LoadResult {
  durationMs: number;
  requests: Array<{
    kind: RequestKind;
    /** ms since the run started */
    at: number;
    ms: number;
    /** HTTP status, or 0 when no answer came (connection error, timeout) */
    status: number;
    retryAfter?: string;
  }>;
  /** Respondents per round whose answer was acknowledged (200). */
  acknowledgedAnswers: Map<string, Set<string>>;
  /** Respondents per round whose answer failed: it may or may not be stored. */
  failedAnswers: Map<string, Set<string>>;
  eventBatches: Array<{ ids: string[]; acknowledged: boolean }>;
}

const READS = [
  (entity: string) => `/entities/system/default/${entity}/canvas`,
  (entity: string) => `/entities/system/default/${entity}/journey`,
  (entity: string) => `/entities/system/default/${entity}/roadmap`,
  (entity: string) => `/entities/system/default/${entity}/surveys`,
  (entity: string) => `/entities/system/default/${entity}/slos`,
  () => '/portfolio',
];

/**
 * `clients` concurrent clients, each looping until `durationMs` is over:
 * 60% page reads (canvas, journey, roadmap, survey rounds, survey results,
 * SLOs, portfolio), 25% survey answers imported by a service for a new
 * respondent (one in ten repeats an earlier one, a replacement), 15%
 * batches of 20 delivery events. Every request has a 15 s timeout, and a
 * client makes at most 200 requests a second of the run, so the run is
 * bounded in time and count.
 */
export async function runLoad(options: {
  targets: LoadTarget[];
  clients: number;
  durationMs: number;
  entities: number;
  roundIds: string[];
  /** Makes respondent and event ids unique to this run. */
  runId: string;
  /** Whether one deployment in ten fails (default); off keeps the SLOs healthy. */
  failedDeployments?: boolean;
}): Promise<LoadResult> {
  const { targets, clients, durationMs, entities, roundIds, runId } = options;
  const failing = options.failedDeployments ?? true;
  const result: LoadResult = {
    durationMs,
    requests: [],
    acknowledgedAnswers: new Map(roundIds.map(id => [id, new Set()])),
    failedAnswers: new Map(roundIds.map(id => [id, new Set()])),
    eventBatches: [],
  };
  const start = performance.now();
  const deadline = start + durationMs;
  const maxPerClient = Math.ceil(durationMs / 5);
  let seed = 1;
  // A small deterministic generator: the mix is the same on every run.
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];

  const request = async (
    target: LoadTarget,
    kind: RequestKind,
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const at = performance.now();
    let status = 0;
    let retryAfter: string | undefined;
    let json: any;
    try {
      const res = await fetch(`${target.baseUrl}${path}`, {
        method,
        headers: {
          authorization: target.authorization,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(15_000),
      });
      status = res.status;
      retryAfter = res.headers.get('retry-after') ?? undefined;
      const text = await res.text();
      json = text ? JSON.parse(text) : undefined;
    } catch {
      status = 0;
    }
    const end = performance.now();
    result.requests.push({
      kind,
      at: at - start,
      ms: end - at,
      status,
      ...(retryAfter ? { retryAfter } : {}),
    });
    return { status, json };
  };

  const client = async (c: number) => {
    const target = targets[c % targets.length];
    const answered: Array<{ roundId: string; respondent: string }> = [];
    for (let n = 0; n < maxPerClient && performance.now() < deadline; n++) {
      const draw = random();
      const entity = benchSystemName(Math.floor(random() * entities));
      if (draw < 0.6) {
        const reads = [...READS, () => `/surveys/${pick(roundIds)}/results`];
        await request(target, 'read', 'GET', pick(reads)(entity));
      } else if (draw < 0.85) {
        const again = answered.length > 0 && random() < 0.1;
        const { roundId, respondent } = again
          ? pick(answered)
          : { roundId: pick(roundIds), respondent: `${runId}-c${c}-r${n}` };
        const { status } = await request(
          target,
          'answer',
          'POST',
          `/surveys/${roundId}/responses`,
          {
            respondent,
            answers: {
              nps: Math.floor(random() * 11),
              csat: 1 + Math.floor(random() * 5),
              ...(random() < 0.3 ? { complex: `Slow pipeline ${n}` } : {}),
            },
          },
        );
        if (status === 200) {
          result.acknowledgedAnswers.get(roundId)!.add(respondent);
          if (!again) answered.push({ roundId, respondent });
        } else {
          result.failedAnswers.get(roundId)!.add(respondent);
        }
      } else {
        const ids: string[] = [];
        const events = Array.from({ length: 20 }, (_, i) => {
          const id = `${runId}-c${c}-b${n}-${i}`;
          ids.push(id);
          const at = new Date(Date.now() - i * 60_000).toISOString();
          const entityRef = `system:default/${entity}`;
          return i % 4 === 3
            ? {
                id,
                type: 'incident',
                entityRef,
                started: at,
                resolved: new Date(Date.parse(at) + 600_000).toISOString(),
                environment: 'production',
              }
            : {
                id,
                type: 'deployment',
                entityRef,
                commitSha: 'b'.repeat(40),
                commitTime: new Date(Date.parse(at) - 3_600_000).toISOString(),
                deployTime: at,
                environment: 'production',
                succeeded: !failing || i % 10 !== 0,
              };
        });
        const { status, json } = await request(
          target,
          'events',
          'POST',
          '/events',
          { events },
        );
        result.eventBatches.push({
          ids,
          acknowledged: status === 200 && json?.accepted === ids.length,
        });
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  result.durationMs = performance.now() - start;
  return result;
}

/** p50 and p99 of the requests of each kind, and of all, in ms. */
export function latencySummary(result: LoadResult) {
  const kinds: Array<RequestKind | 'all'> = ['read', 'answer', 'events', 'all'];
  return Object.fromEntries(
    kinds.map(kind => {
      const ms = result.requests
        .filter(r => kind === 'all' || r.kind === kind)
        .map(r => r.ms);
      return [
        kind,
        ms.length === 0
          ? { count: 0 }
          : {
              count: ms.length,
              p50: Math.round(percentile(ms, 0.5) * 10) / 10,
              p99: Math.round(percentile(ms, 0.99) * 10) / 10,
            },
      ];
    }),
  );
}

/** How many requests ended with each status (0: no answer). */
export function statusCounts(result: LoadResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of result.requests) {
    counts[r.status] = (counts[r.status] ?? 0) + 1;
  }
  return counts;
}
