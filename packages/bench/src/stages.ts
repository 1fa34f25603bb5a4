/*
 * Where a route's time goes: timers around what the bench backend can see
 * from outside the plugin (the HTTP server, httpAuth, the catalog, every SQL
 * statement, express's res.json), laid on one timeline per request and cut
 * into stages. The bench backend runs in the bench's own process, so client
 * and server share one monotonic clock.
 */
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import diagnosticsChannel from 'node:diagnostics_channel';
import { createRequire } from 'node:module';
import { median, round } from './stats';

/** Something that took time during a request, as recorded. */
export interface Span {
  kind: 'server' | 'auth' | 'catalog' | 'sql' | 'serialise';
  label: string;
  start: number;
  end: number;
}

/**
 * Collects spans while a request is traced; costs one check per call
 * otherwise. One request at a time: the bench never traces two at once.
 */
class StageRecorder {
  private spans: Span[] | undefined;

  get active(): boolean {
    return this.spans !== undefined;
  }

  start(): void {
    this.spans = [];
  }

  stop(): Span[] {
    const spans = this.spans ?? [];
    this.spans = undefined;
    return spans;
  }

  add(span: Span): void {
    this.spans?.push(span);
  }

  /** Times `fn` as a span of `kind` when tracing. */
  async time<T>(
    kind: Span['kind'],
    label: string,
    fn: () => Promise<T>,
  ): Promise<T> {
    if (!this.spans) return fn();
    const start = performance.now();
    try {
      return await fn();
    } finally {
      this.add({ kind, label, start, end: performance.now() });
    }
  }
}

export const stageRecorder = new StageRecorder();

/** The catalog the bench backend serves, each call timed when tracing. */
export function timedCatalog(catalog: CatalogService): CatalogService {
  return new Proxy(catalog, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        stageRecorder.time('catalog', `catalog.${String(property)}`, () =>
          value.apply(target, args),
        );
    },
  });
}

/** httpAuth with `credentials` timed when tracing (token check included). */
export function timedHttpAuth(httpAuth: HttpAuthService): HttpAuthService {
  return {
    credentials: ((req: any, options: any) =>
      stageRecorder.time('auth', 'httpAuth.credentials', () =>
        httpAuth.credentials(req, options),
      )) as HttpAuthService['credentials'],
    issueUserCookie: (res, options) => httpAuth.issueUserCookie(res, options),
  };
}

let hooked = false;

/**
 * Hooks what is not a service: the HTTP server's request and response (Node's
 * diagnostics channels), express's res.json (JSON.stringify, ETag, the write
 * into the compression stream) and the plugin's knex (every statement, from
 * being sent on its connection to its answer).
 */
export function hookServerAndDatabase(pluginDb: Knex): void {
  if (hooked) return;
  hooked = true;
  const started = new WeakMap<object, number>();
  diagnosticsChannel.subscribe('http.server.request.start', message => {
    if (!stageRecorder.active) return;
    started.set((message as { response: object }).response, performance.now());
  });
  diagnosticsChannel.subscribe('http.server.response.finish', message => {
    const start = started.get((message as { response: object }).response);
    if (start === undefined) return;
    stageRecorder.add({
      kind: 'server',
      label: 'server',
      start,
      end: performance.now(),
    });
  });
  // The express the plugin's routers are built on (the same instance).
  type Json = (this: unknown, body: unknown) => unknown;
  const express: { response: { json: Json } } = createRequire(
    require.resolve('@system-product/backstage-plugin-backend'),
  )('express');
  const json = express.response.json;
  express.response.json = function timedJson(this: unknown, body: unknown) {
    if (!stageRecorder.active) return json.call(this, body);
    const start = performance.now();
    try {
      return json.call(this, body);
    } finally {
      stageRecorder.add({
        kind: 'serialise',
        label: 'res.json',
        start,
        end: performance.now(),
      });
    }
  };
  const pending = new Map<string, { sql: string; start: number }>();
  pluginDb.on('query', (data: any) => {
    if (!stageRecorder.active || !data.__knexQueryUid) return;
    pending.set(data.__knexQueryUid, {
      sql: data.sql,
      start: performance.now(),
    });
  });
  const answered = (_response: unknown, data: any) => {
    const query = pending.get(data?.__knexQueryUid);
    if (!query) return;
    pending.delete(data.__knexQueryUid);
    stageRecorder.add({
      kind: 'sql',
      label: statementName(query.sql),
      start: query.start,
      end: performance.now(),
    });
  };
  pluginDb.on('query-response', answered);
  pluginDb.on('query-error', (error: unknown, data: any) =>
    answered(error, data),
  );
}

/**
 * A statement's tables, for a stage name: `select survey_rounds ⋈
 * survey_templates` for a join, `∪` between the parts of a union.
 */
export function statementName(sql: string): string {
  const verb = sql.trim().split(/\s+/)[0].toLowerCase();
  const parts = sql.split(/\bunion(?:\s+all)?\b/i).map(part =>
    [...part.matchAll(/\b(?:from|join|into|update)\s+"?([a-z_][a-z0-9_]*)"?/gi)]
      .map(m => m[1])
      .filter((table, i, all) => all.indexOf(table) === i)
      .join(' ⋈ '),
  );
  return `${verb} ${parts.filter(Boolean).join(' ∪ ') || '?'}`;
}

/** What one traced request spent in each stage, in ms, in timeline order. */
export type StageTimes = Array<[stage: string, ms: number]>;

const GAP_AFTER: Record<string, string> = {
  client: 'HTTP: request to the server (fetch, socket, parsing)',
  server: 'Backstage middleware before auth (root router, lifecycle)',
  auth: 'plugin router: routing, body, OpenAPI request validation',
  service: 'plugin code between steps (service, row mapping)',
  serialise: 'compression and flush',
  done: 'HTTP: response to the client (body read)',
};

/**
 * Cuts one request's timeline, from `sent` to `received`, into stages:
 * whatever was recorded at an instant names it (statements first, then the
 * catalog, auth and serialising); time between recorded spans is named after
 * what came before it. Statements that overlap are one stage (run side by
 * side: `a ∥ b`); the first auth call is the credentials barrier of the
 * plugin's httpRouter, the next ones the route's own (cached per request).
 */
export function cutStages(
  spans: Span[],
  sent: number,
  received: number,
): StageTimes {
  const server = spans.find(s => s.kind === 'server');
  const steps: Span[] = [];
  const sql = spans
    .filter(s => s.kind === 'sql')
    .sort((a, b) => a.start - b.start);
  for (const statement of sql) {
    const last = steps[steps.length - 1];
    if (last && statement.start < last.end) {
      last.end = Math.max(last.end, statement.end);
      last.label = `${last.label} ∥ ${statement.label}`;
    } else {
      steps.push({ ...statement });
    }
  }
  steps.push(
    ...spans.filter(s => s.kind !== 'sql' && s.kind !== 'server'),
    ...(server ? [server] : []),
  );
  const priority: Record<Span['kind'], number> = {
    sql: 0,
    catalog: 1,
    auth: 2,
    serialise: 3,
    server: 4,
  };
  const bounds = [
    ...new Set([
      sent,
      received,
      ...steps.flatMap(s => [s.start, s.end]).filter(t => t > sent),
    ]),
  ]
    .filter(t => t <= received)
    .sort((a, b) => a - b);
  const totals = new Map<string, number>();
  let authCalls = 0;
  let lastAuthEnd = -1;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [from, to] = [bounds[i], bounds[i + 1]];
    const active = steps
      .filter(s => s.start <= from && s.end >= to)
      .sort((a, b) => priority[a.kind] - priority[b.kind]);
    const top = active[0];
    let stage: string;
    if (top && top.kind !== 'server') {
      if (top.kind === 'sql') stage = `SQL: ${top.label}`;
      else if (top.kind === 'catalog') stage = `catalog lookup (${top.label})`;
      else if (top.kind === 'auth') {
        if (top.end !== lastAuthEnd) {
          authCalls++;
          lastAuthEnd = top.end;
        }
        stage =
          authCalls === 1
            ? 'auth: credentials barrier (token check)'
            : "auth: the route's httpAuth.credentials";
      } else stage = 'serialise: res.json (stringify, ETag, write)';
    } else {
      // A gap: named after the span that ended last before it.
      const before = steps
        .filter(s => s.end <= from && s.kind !== 'server')
        .sort((a, b) => b.end - a.end)[0];
      if (!server || from < server.start) stage = GAP_AFTER.client;
      else if (from >= server.end) stage = GAP_AFTER.done;
      else if (!before || before.end < server.start) stage = GAP_AFTER.server;
      else if (before.kind === 'auth' && authCalls === 1) {
        stage = GAP_AFTER.auth;
      } else if (before.kind === 'serialise') stage = GAP_AFTER.serialise;
      else stage = GAP_AFTER.service;
    }
    totals.set(stage, (totals.get(stage) ?? 0) + (to - from));
  }
  return [...totals.entries()];
}

/** Per stage, the median over traced requests (0 where a request had none). */
export interface StageBreakdown {
  samples: number;
  totalMs: number;
  stages: Array<{ stage: string; medianMs: number }>;
}

/**
 * Traces `iterations` calls of `call` one after another and returns the
 * median of each stage and of the whole request.
 */
export async function traceStages(
  call: () => Promise<unknown>,
  iterations: number,
): Promise<StageBreakdown> {
  const runs: StageTimes[] = [];
  const totals: number[] = [];
  for (let i = 0; i < iterations; i++) {
    stageRecorder.start();
    const sent = performance.now();
    try {
      await call();
    } finally {
      const received = performance.now();
      const spans = stageRecorder.stop();
      runs.push(cutStages(spans, sent, received));
      totals.push(received - sent);
    }
  }
  const order: string[] = [];
  for (const run of runs) {
    for (const [stage] of run) if (!order.includes(stage)) order.push(stage);
  }
  return {
    samples: iterations,
    totalMs: round(median(totals)),
    stages: order.map(stage => ({
      stage,
      medianMs: round(
        median(runs.map(run => run.find(([s]) => s === stage)?.[1] ?? 0)),
        3,
      ),
    })),
  };
}

/** The breakdown as a table of the report's style. */
export function formatStages(title: string, breakdown: StageBreakdown): string {
  const rows = [
    ['stage', 'median ms'],
    ...breakdown.stages.map(s => [s.stage, s.medianMs.toFixed(3)]),
    ['whole request (median of totals)', breakdown.totalMs.toFixed(3)],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)));
  const lines = rows.map(row =>
    row.map((cell, i) => cell.padEnd(widths[i])).join('  '),
  );
  lines.splice(1, 0, widths.map(w => '-'.repeat(w)).join('  '));
  return `${title} (${
    breakdown.samples
  } requests, one at a time)\n\n${lines.join('\n')}`;
}
