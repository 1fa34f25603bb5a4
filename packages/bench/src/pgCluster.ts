import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './backend';

const run = promisify(execFile);

/** A PostgreSQL server of its own, in a temporary folder, that a test may stop and start. */
export interface ThrowawayCluster {
  url: string;
  port: number;
  /** Stops the server (fast shutdown: open connections are cut). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes its folder. */
  destroy(): Promise<void>;
}

async function binDir(): Promise<string> {
  try {
    const { stdout } = await run('pg_config', ['--bindir']);
    if (existsSync(join(stdout.trim(), 'initdb'))) return stdout.trim();
  } catch {
    // Debian keeps the server binaries under /usr/lib/postgresql/<major>/bin.
  }
  const majors = (await readdir('/usr/lib/postgresql')).sort(
    (a, b) => Number(b) - Number(a),
  );
  return `/usr/lib/postgresql/${majors[0]}/bin`;
}

/**
 * Creates and starts a PostgreSQL cluster on a free loopback port, so a test
 * can restart it without touching the shared server on 5432. PostgreSQL
 * refuses to run as root, so under root it runs as the `postgres` user.
 */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = await binDir();
  const dir = await mkdtemp(join(tmpdir(), 'sp-fault-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout), Number(gid));
  }
  const pg = (command: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args])
      : run(join(bin, command), args);
  await pg('initdb', [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const start = async () => {
    await pg('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      'start',
    ]);
  };
  const stop = async () => {
    await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}`,
    port,
    start,
    stop,
    destroy: async () => {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(
        () => undefined,
      );
      await rm(dir, { recursive: true, force: true });
    },
  };
}
