/*
 * Load test on loopback: concurrent clients mixing page reads, survey answers
 * and event batches against a backend process on PostgreSQL, then the
 * database is checked against what the clients were told.
 *
 *   yarn workspace bench load [--seconds 60] [--clients 100]
 *
 * Fails (exit 1) on any 5xx, any request without an answer, or any lost or
 * partial write.
 */
import { CheckResult, checkWrites, reportChecks } from './integrity';
import { latencySummary, runLoad, statusCounts } from './loadDriver';
import { spawnBackend } from './processes';
import { connect, dropDatabase, recreateDatabase, serverUrl } from './postgres';
import { openRounds } from './rounds';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ENTITIES = 50;
/**
 * The README's figure of 3 December 2026 (100 clients, 60 s, 2 cores): the
 * throughput the target doubles, at a p99 of at most 300 ms.
 */
const BASELINE = { requestsPerSecond: 542, clients: 100 };
const TARGET = {
  requestsPerSecond: 2 * BASELINE.requestsPerSecond,
  p99Ms: 300,
};

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  const seconds = flag('seconds', 60);
  const clients = flag('clients', 100);
  const url = serverUrl();
  const database = 'system_product_load';
  await recreateDatabase(url, database);
  // The backend logs to a file: the scheduled SLO evaluation may fail to
  // notify owners, as there is no notifications backend here.
  const logFile = join(tmpdir(), `system-product-load-${Date.now()}.log`);
  const backend = await spawnBackend({
    url,
    database,
    entities: ENTITIES,
    scheduler: 'real',
    logFile,
  });
  console.log(`[load] backend log: ${logFile}`);
  const db = connect(url, database, { min: 0, max: 2 });
  let failed = 0;
  let passed = 0;
  try {
    const roundIds = await openRounds(backend, 10);
    console.log(
      `[load] ${clients} clients for ${seconds} s against ${backend.baseUrl}`,
    );
    const result = await runLoad({
      targets: [backend],
      clients,
      durationMs: seconds * 1000,
      entities: ENTITIES,
      roundIds,
      runId: `load-${Date.now()}`,
    });
    const statuses = statusCounts(result);
    const latency = latencySummary(result);
    const total = result.requests.length;
    console.log(
      `[load] ${total} requests in ${(result.durationMs / 1000).toFixed(
        1,
      )} s (${Math.round(total / (result.durationMs / 1000))}/s)`,
    );
    console.log(`[load] statuses ${JSON.stringify(statuses)}`);
    for (const [kind, s] of Object.entries(latency)) {
      console.log(
        `[load] ${kind.padEnd(6)} ${String(s.count).padStart(
          6,
        )} requests  p50 ${s.p50} ms  p99 ${s.p99} ms`,
      );
    }
    // The targets are set for 100 clients; other runs print them for
    // reference (CI's short run has 20 clients).
    const perSecond = total / (result.durationMs / 1000);
    const p99 = latency.all?.p99 ?? Infinity;
    const meets =
      perSecond >= TARGET.requestsPerSecond && p99 <= TARGET.p99Ms
        ? 'yes'
        : 'NO';
    console.log(
      `[load] target at ${BASELINE.clients} clients: ≥ ${
        TARGET.requestsPerSecond
      }/s (2 × ${BASELINE.requestsPerSecond}/s of 3 December) at p99 ≤ ${
        TARGET.p99Ms
      } ms; this run ${Math.round(perSecond)}/s at p99 ${p99} ms: ${
        clients === BASELINE.clients
          ? meets
          : `${meets} (at ${clients} clients)`
      }`,
    );
    const serverErrors = result.requests.filter(r => r.status >= 500).length;
    const unanswered = statuses[0] ?? 0;
    const checks: CheckResult[] = [
      {
        name: 'no request answered 5xx',
        ok: serverErrors === 0,
        detail: `${serverErrors} of ${total}`,
      },
      {
        name: 'every request was answered in time',
        ok: unanswered === 0,
        detail: `${unanswered} without an answer`,
      },
      {
        name: 'every request succeeded',
        ok: result.requests.every(r => r.status === 200),
        detail: JSON.stringify(statuses),
      },
      ...(await checkWrites(db, result, new Map())),
    ];
    ({ passed, failed } = reportChecks('load', checks));
  } finally {
    await db.destroy();
    await backend.stop();
    await dropDatabase(url, database);
  }
  console.log(`load checks: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
