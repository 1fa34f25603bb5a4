import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository's script that installs and serves Debian's Prometheus. */
const SCRIPT = resolve(__dirname, '../../../../scripts/prometheus.sh');

const installed = () => {
  try {
    execFileSync('sh', ['-c', 'command -v prometheus && command -v promtool'], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
};

/** A port nothing listens on (for the tests of an unreachable instance, too). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** A real Prometheus serving backfilled data, and how to stop it. */
export interface RealPrometheus {
  url: string;
  stop(): Promise<void>;
}

/**
 * Backfills `openMetrics` into a fresh data folder and starts Prometheus on
 * it (`scripts/prometheus.sh serve`), installing Debian's package first when
 * prometheus or promtool is missing. Fails, never skips, when it cannot: the
 * tests are about a real Prometheus.
 */
export async function startRealPrometheus(
  openMetrics: string,
): Promise<RealPrometheus> {
  if (!installed()) {
    try {
      execFileSync('bash', [SCRIPT, 'install'], { stdio: 'inherit' });
    } catch (error) {
      throw new Error(
        `Prometheus is not installed and \`bash scripts/prometheus.sh install\` failed: ${
          (error as Error).message
        }`,
      );
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'sp-prometheus-'));
  const file = join(dir, 'demo.om');
  await writeFile(file, openMetrics);
  const port = await freePort();
  const child: ChildProcess = spawn(
    'bash',
    [SCRIPT, 'serve', file, dir, String(port)],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', chunk => {
    stderr += chunk;
  });
  const exited = new Promise<void>(done => child.once('exit', () => done()));
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((done, fail) => {
      let stdout = '';
      const timer = setTimeout(
        () => fail(new Error(`Prometheus did not start in 60 s: ${stderr}`)),
        60_000,
      );
      child.stdout!.on('data', chunk => {
        stdout += chunk;
        const match = /^url=(\S+)$/m.exec(stdout);
        if (match) {
          clearTimeout(timer);
          done(match[1]);
        }
      });
      child.once('exit', code => {
        clearTimeout(timer);
        fail(
          new Error(
            `Prometheus exited (${code}) before it was ready: ${stderr}`,
          ),
        );
      });
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
