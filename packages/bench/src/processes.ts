import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { freePort } from './backend';

/** A backend running in a child process. */
export interface BackendProcess {
  baseUrl: string;
  authorization: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

// The same transpiling hook `yarn bench` runs under.
const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');

/**
 * Starts src/backendProcess.ts in a child process on a free loopback port,
 * on `database` of the server at `url`, and waits until it serves.
 */
export async function spawnBackend(options: {
  url: string;
  database: string;
  entities: number;
  scheduler: 'real' | 'idle';
  evaluationMinutes?: number;
  token?: string;
  /** Where the backend's output goes; the terminal when not given. */
  logFile?: string;
}): Promise<BackendProcess> {
  const port = await freePort();
  const log = options.logFile ? openSync(options.logFile, 'a') : undefined;
  const token = options.token ?? randomBytes(24).toString('hex');
  const child = fork(resolvePackagePath('bench', 'src/backendProcess.ts'), [], {
    execArgv: ['--require', transform],
    env: {
      ...process.env,
      // To a file the scheduled runs' lines are wanted too.
      LOG_LEVEL: process.env.LOG_LEVEL ?? (options.logFile ? 'info' : 'warn'),
      BENCH_PG_URL: options.url,
      BENCH_DATABASE: options.database,
      BENCH_ENTITIES: String(options.entities),
      BENCH_SCHEDULER: options.scheduler,
      BENCH_EVALUATION_MINUTES: String(options.evaluationMinutes ?? 5),
      BENCH_PORT: String(port),
      BENCH_TOKEN: token,
    },
    stdio: options.logFile
      ? ['ignore', log, log, 'ipc']
      : ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // The child holds its own copy of the file descriptor.
  if (log !== undefined) closeSync(log);
  const baseUrl = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error('the backend did not start within 60 s'));
    }, 60_000);
    child.on('message', (message: any) => {
      if (message?.type === 'ready') {
        clearTimeout(timer);
        done(message.baseUrl);
      }
    });
    child.on('exit', code => {
      clearTimeout(timer);
      fail(new Error(`the backend exited with ${code} before it was ready`));
    });
  });
  return {
    baseUrl,
    authorization: `Bearer ${token}`,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise(done => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
