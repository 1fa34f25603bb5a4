/*
 * A backend with the System Product plugin in a process of its own, for the
 * load and fault tests: started by spawnBackend() with its settings in the
 * environment, it reports "ready" over IPC and stops on SIGTERM.
 */
import { startBenchBackend } from './backend';
import { connect } from './postgres';

async function main() {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const knex = connect(env('BENCH_PG_URL'), env('BENCH_DATABASE'));
  const backend = await startBenchBackend({
    knex,
    entityCount: Number(env('BENCH_ENTITIES')),
    scheduler: env('BENCH_SCHEDULER') === 'real' ? 'real' : 'idle',
    evaluationMinutes: Number(process.env.BENCH_EVALUATION_MINUTES ?? 5),
    port: Number(env('BENCH_PORT')),
    token: env('BENCH_TOKEN'),
  });
  process.send?.({ type: 'ready', baseUrl: backend.baseUrl });
  process.on('SIGTERM', () => {
    backend
      .stop()
      .then(() => knex.destroy())
      .finally(() => process.exit(0));
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
