/*
 * Fault tests on a PostgreSQL cluster of their own (the shared server is
 * never restarted):
 *
 * 1. PostgreSQL stops for two seconds under load: requests fail cleanly
 *    (503 with Retry-After, never 500), the backend recovers without a
 *    restart, and the database holds no partial write.
 * 2. Two backend processes on one database: concurrent canvas edits give
 *    exactly one winner and 409 for the rest, and the scheduled SLO
 *    evaluation runs once per interval, not once per process, and goes on
 *    in the other process when the one running it stops.
 *
 *   yarn workspace bench faults [--seconds 14] [--clients 20]
 */
import { CheckResult, checkWrites, reportChecks } from './integrity';
import { runLoad, statusCounts } from './loadDriver';
import { startThrowawayCluster } from './pgCluster';
import { BackendProcess, spawnBackend } from './processes';
import { connect, recreateDatabase } from './postgres';
import { openRounds } from './rounds';
import { benchSystemName } from './entities';
import { Knex } from 'knex';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyCanvasContent } from '@system-product/backstage-plugin-common';

const ENTITIES = 3;
/** The SLO evaluation interval of the two-process test: 5 s. */
const EVALUATION_MINUTES = 1 / 12;
const INTERVAL_MS = EVALUATION_MINUTES * 60_000;
/** How long the runs are watched once both processes look for due work. */
const OBSERVED_MS = 20_000;
/**
 * How long the other process is given to take the schedule over once the
 * one that ran it stops: three intervals (each process looks for due work
 * every 5 s, Backstage's default, or every interval when that is shorter).
 */
const TAKEOVER_MS = 3 * 5_000;
/** The plugin schedules its first evaluation a minute after start. */
const INITIAL_DELAY_MS = 60_000;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const sleep = (ms: number) => new Promise(done => setTimeout(done, ms));

async function main() {
  const seconds = flag('seconds', 14);
  const clients = flag('clients', 20);
  const cluster = await startThrowawayCluster();
  console.log(`[faults] PostgreSQL of its own on port ${cluster.port}`);
  const database = 'system_product_faults';
  await recreateDatabase(cluster.url, database);
  const backends: BackendProcess[] = [];
  // The backends log every 503 of the outage; their logs go to files.
  const logDir = await mkdtemp(join(tmpdir(), 'sp-faults-'));
  console.log(`[faults] backend logs in ${logDir}`);
  const db = connect(cluster.url, database, { min: 0, max: 2 });
  const checks: CheckResult[] = [];
  try {
    for (let i = 0; i < 2; i++) {
      backends.push(
        await spawnBackend({
          url: cluster.url,
          database,
          entities: ENTITIES,
          scheduler: 'real',
          evaluationMinutes: EVALUATION_MINUTES,
          token: 'fault-test-token',
          logFile: join(logDir, `backend-${i}.log`),
        }),
      );
    }
    // Each process waits the plugin's initial delay from its own start.
    const bothReadyAt = Date.now();
    // The first slot of the shared schedule, as both processes left it.
    const [task] = await db('backstage_backend_tasks__tasks')
      .where({ id: 'system-product-slo-evaluation' })
      .select('next_run_start_at');
    const firstSlot = new Date(task.next_run_start_at).getTime();
    checks.push(...(await canvasRace(backends)));
    checks.push(
      ...(await restartUnderLoad({
        backend: backends[0],
        cluster,
        db,
        seconds,
        clients,
      })),
    );
    checks.push(
      ...(await schedulerRunsOnce(
        db,
        backends,
        bothReadyAt,
        firstSlot,
        logDir,
      )),
    );
  } finally {
    await db.destroy();
    await Promise.all(backends.map(b => b.stop()));
    await cluster.destroy();
  }
  const { passed, failed } = reportChecks('faults', checks);
  if (failed > 0) await printServerErrors(logDir);
  console.log(`fault checks: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

/**
 * Ten rounds of six saves of the same canvas version, three through each
 * process at once: each round exactly one wins and five get 409, and the
 * revision history has one entry per version.
 */
async function canvasRace(backends: BackendProcess[]): Promise<CheckResult[]> {
  const path = `/entities/system/default/${benchSystemName(0)}/canvas`;
  const problems: string[] = [];
  const rounds = 10;
  for (let round = 0; round < rounds; round++) {
    const current = await fetch(`${backends[0].baseUrl}${path}`, {
      headers: { authorization: backends[0].authorization },
    }).then(r => r.json());
    const statuses = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const backend = backends[i % 2];
        const content = emptyCanvasContent();
        content.valueProposition.value = `round ${round}, writer ${i}`;
        const res = await fetch(`${backend.baseUrl}${path}`, {
          method: 'PUT',
          headers: {
            authorization: backend.authorization,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ version: current.version, content }),
        });
        await res.text();
        return res.status;
      }),
    );
    const wins = statuses.filter(s => s === 200).length;
    const conflicts = statuses.filter(s => s === 409).length;
    if (wins !== 1 || conflicts !== 5) {
      problems.push(`round ${round}: ${statuses.join(', ')}`);
    }
  }
  const revisions = await fetch(`${backends[1].baseUrl}${path}/revisions`, {
    headers: { authorization: backends[1].authorization },
  }).then(r => r.json());
  const versions = revisions.items.map((r: { version: number }) => r.version);
  const expected = Array.from({ length: rounds }, (_, i) => rounds - i);
  return [
    {
      name: 'concurrent canvas saves through two processes: one winner, 409 for the rest',
      ok: problems.length === 0,
      detail: problems.join('; ') || `${rounds} rounds of 1 × 200 and 5 × 409`,
    },
    {
      name: 'the revision history has exactly one entry per version',
      ok: JSON.stringify(versions) === JSON.stringify(expected),
      detail: `versions ${versions.join(', ')}`,
    },
  ];
}

/**
 * Load on one process while PostgreSQL stops for two seconds a few seconds
 * in, then starts again.
 */
async function restartUnderLoad(options: {
  backend: BackendProcess;
  cluster: { stop(): Promise<void>; start(): Promise<void> };
  db: Knex;
  seconds: number;
  clients: number;
}): Promise<CheckResult[]> {
  const { backend, cluster, db, seconds, clients } = options;
  const roundIds = await openRounds(backend, ENTITIES);
  const durationMs = seconds * 1000;
  let outage = { from: 0, to: 0 };
  const load = runLoad({
    targets: [backend],
    clients,
    durationMs,
    entities: ENTITIES,
    roundIds,
    runId: `fault-${Date.now()}`,
    // Healthy SLOs: a breaching one would notify, and there is no
    // notifications backend here.
    failedDeployments: false,
  });
  const runStart = performance.now();
  await sleep(3000);
  outage.from = performance.now() - runStart;
  console.log('[faults] stopping PostgreSQL under load');
  await cluster.stop();
  await sleep(2000);
  await cluster.start();
  outage = { ...outage, to: performance.now() - runStart };
  console.log(
    `[faults] PostgreSQL back after ${Math.round(outage.to - outage.from)} ms`,
  );
  const result = await load;
  const statuses = statusCounts(result);
  console.log(`[faults] statuses under restart ${JSON.stringify(statuses)}`);

  const failures = result.requests.filter(r => r.status !== 200);
  const unclean = failures.filter(r => r.status !== 503);
  const withoutRetry = failures.filter(r => r.status === 503 && !r.retryAfter);
  // Give the pool time to reconnect, then everything must succeed again.
  const settledAt = outage.to + 3000;
  const late = result.requests.filter(r => r.at >= settledAt);
  const lateFailures = late.filter(r => r.status !== 200);
  const after = await fetch(
    `${backend.baseUrl}/surveys/${roundIds[0]}/results`,
    { headers: { authorization: backend.authorization } },
  );
  return [
    {
      name: 'the outage was noticed (some requests failed while PostgreSQL was down)',
      ok: failures.length > 0,
      detail: `${failures.length} of ${result.requests.length} failed`,
    },
    {
      name: 'every failure was a clean 503, none a 500 or a hang',
      ok: unclean.length === 0,
      detail: JSON.stringify(statuses),
    },
    {
      name: 'every 503 says when to retry (Retry-After)',
      ok: withoutRetry.length === 0,
      detail: `${withoutRetry.length} without`,
    },
    {
      name: 'the backend recovered without a restart',
      ok: late.length > 0 && lateFailures.length === 0 && after.status === 200,
      detail: `${late.length - lateFailures.length} of ${
        late.length
      } requests succeeded from 3 s after the restart; a later read answered ${
        after.status
      }`,
    },
    ...(await checkWrites(db, result, new Map())),
  ];
}

/**
 * The plugin's SLO evaluation is scheduled in both processes; Backstage's
 * scheduler keeps one shared schedule in the database and a run must claim
 * its slot there, so there is at most one run per slot: by time T, at most
 * floor((T − first slot) / interval) + 1 runs, whichever process ran them.
 * A process running its own schedule would add runs of its own.
 *
 * Which process claims a slot is not promised: both look for due work at a
 * fixed pace, and the one that looks first after the slot opens tends to win
 * every slot. What is promised is that the schedule does not depend on one
 * process: once the process that has been running it stops, the other runs
 * the next slots.
 */
async function schedulerRunsOnce(
  db: Knex,
  backends: BackendProcess[],
  bothReadyAt: number,
  firstSlot: number,
  logDir: string,
): Promise<CheckResult[]> {
  const until = bothReadyAt + INITIAL_DELAY_MS + OBSERVED_MS;
  const wait = until - Date.now();
  if (wait > 0) {
    console.log(
      `[faults] waiting ${Math.round(
        wait / 1000,
      )} s for scheduled SLO evaluations`,
    );
    await sleep(wait);
  }
  const seen = await runsPerProcess(logDir, backends.length);
  const busiest = seen.indexOf(Math.max(...seen));
  const other = 1 - busiest;
  // Stopped just after it finished a run, not in one: a process that dies
  // mid-run keeps the schedule's lease until the task's timeout (Backstage's
  // scheduler), and a run that fills new SLOs' trends lasts a while.
  let before = seen;
  for (
    const end = Date.now() + 3 * INTERVAL_MS;
    before[busiest] === seen[busiest] && Date.now() < end;
    await sleep(100)
  ) {
    before = await runsPerProcess(logDir, backends.length);
  }
  console.log(
    `[faults] stopping backend ${busiest} (runs per process ${before.join(
      ' and ',
    )}); ${TAKEOVER_MS / 1000} s for backend ${other} to take over`,
  );
  await backends[busiest].stop();
  await sleep(TAKEOVER_MS);
  const after = await runsPerProcess(logDir, backends.length);

  // Scheduled runs only: a new SLO's trend is filled with evaluations at
  // instants before the first run.
  const runs: number[] = (
    await db('slo_status_history')
      .where('evaluated_at', '>=', new Date(firstSlot))
      .distinct('evaluated_at')
      .orderBy('evaluated_at')
  ).map((r: { evaluated_at: Date }) => new Date(r.evaluated_at).getTime());
  const last = runs[runs.length - 1] ?? firstSlot;
  const slots = Math.floor((last - firstSlot) / INTERVAL_MS) + 1;
  const duplicated = await db('slo_status_history')
    .groupBy('evaluated_at', 'entity_ref', 'slo_name')
    .having(db.raw('count(*) > 1'))
    .select('evaluated_at');
  return [
    {
      name: 'the scheduled SLO evaluation ran on the shared schedule',
      ok: before.reduce((a, b) => a + b, 0) >= 2,
      detail: `runs per process ${before.join(' and ')} in the first ${
        OBSERVED_MS / 1000
      } s`,
    },
    {
      name: 'when the process running the schedule stops, the other takes it over',
      ok: after[other] > before[other],
      detail: `backend ${other} ran ${after[other] - before[other]} times in ${
        TAKEOVER_MS / 1000
      } s after backend ${busiest} stopped`,
    },
    {
      name: 'at most one run per slot of the shared schedule, each recorded once',
      ok: runs.length <= slots && duplicated.length === 0,
      detail: `${runs.length} runs for ${slots} slots of ${
        INTERVAL_MS / 1000
      } s since the first`,
    },
  ];
}

/** How many runs each backend logged ("Evaluated N SLOs", once per run). */
async function runsPerProcess(logDir: string, count: number) {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const log = await readFile(join(logDir, `backend-${i}.log`), 'utf8');
      return log.match(/Evaluated \d+ SLOs/g)?.length ?? 0;
    }),
  );
}

/** The lines of the backend logs that name a 500, to tell why a check failed. */
async function printServerErrors(logDir: string) {
  for (const file of await readdir(logDir)) {
    const lines = (await readFile(join(logDir, file), 'utf8'))
      .split('\n')
      .filter(line => / 500 |Filtered internal error/.test(line));
    for (const line of lines.slice(0, 10)) console.log(`${file}: ${line}`);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
