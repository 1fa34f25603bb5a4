import githubExamples from '@octokit/webhooks-examples';
import { Knex } from 'knex';
import { createHmac, randomUUID } from 'node:crypto';
import { BenchBackend } from './backend';
import { benchSystemName, benchSystemRef } from './entities';
import { Comparison } from './comparison';
import { median, round } from './stats';

/** The GitHub repository of the `index`th bench system (its `github.com/project-slug`). */
export const benchRepository = (index: number) =>
  `bench/${benchSystemName(index)}`;

/** GitHub's published example payload, which the bench gives its repositories and ids. */
function example(name: string, pick: (p: Record<string, any>) => boolean) {
  const found = (
    githubExamples.find(hook => hook.name === name)?.examples as
      | Array<Record<string, any>>
      | undefined
  )?.find(pick);
  if (!found) throw new Error(`@octokit/webhooks-examples has no ${name}`);
  return found;
}
const PUSH = example('push', p => p.ref === 'refs/heads/master');
const DEPLOYMENT_STATUS = example(
  'deployment_status',
  p => !('workflow_run' in p),
);

const withRepository = (payload: Record<string, any>, repository: string) => ({
  ...payload,
  repository: {
    ...payload.repository,
    full_name: repository,
    name: repository.split('/')[1],
  },
});

/** Runs `tasks` with at most `concurrency` of them in flight. */
async function pool(tasks: Array<() => Promise<void>>, concurrency: number) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) await tasks[next++]();
    }),
  );
}

interface Deployment {
  index: number;
  entity: number;
  sha: string;
  commitTime: string;
  deployTime: string;
  succeeded: boolean;
}

/**
 * Webhook ingestion against the push API, of the same deployments: GitHub
 * `deployment_status` webhooks posted to the events backend's endpoint
 * (`/api/events/http/github`: signature checked, routed to
 * `github.deployment_status`, stored by the GitHub module, lead time joined
 * with the commits of pushes delivered before), and `POST /events` with the
 * commit's time in the event; one deployment per request each, `concurrency`
 * requests in flight. A webhook run lasts until every row is stored (the
 * events service answers once local subscribers are done, but an events bus
 * would hand them on later).
 * Compares the median deployments per second over `rounds` rounds.
 */
export async function compareWebhookIngestion(options: {
  backend: BenchBackend;
  rawDb: Knex;
  deployments: number;
  rounds: number;
  concurrency: number;
  entities: number;
}): Promise<Comparison> {
  const { backend, rawDb, rounds, concurrency, entities } = options;
  const now = Date.now();
  const deploymentsOf = (roundIndex: number): Deployment[] =>
    Array.from({ length: options.deployments }, (_, i) => {
      const index = roundIndex * options.deployments + i;
      const deployTime = now - (index % 3600) * 1000;
      return {
        index,
        entity: i % entities,
        sha: createHmac('sha1', 'bench').update(String(index)).digest('hex'),
        commitTime: new Date(deployTime - 3_600_000).toISOString(),
        deployTime: new Date(deployTime).toISOString(),
        succeeded: i % 50 !== 0,
      };
    });

  const deliver = async (event: string, payload: object) => {
    const body = JSON.stringify(payload);
    const res = await fetch(`${backend.origin}/api/events/http/github`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'GitHub-Hookshot/bench',
        'x-github-event': event,
        'x-github-delivery': randomUUID(),
        'x-hub-signature-256': `sha256=${createHmac(
          'sha256',
          backend.githubWebhookSecret,
        )
          .update(body, 'utf8')
          .digest('hex')}`,
      },
      body,
    });
    if (res.status !== 202) {
      throw new Error(
        `/api/events/http/github answered ${res.status}: ${await res.text()}`,
      );
    }
  };

  /** The commits of a round's deployments, pushed 20 to a push as GitHub sends them; not timed. */
  const pushCommits = async (deployments: Deployment[]) => {
    const byEntity = new Map<number, Deployment[]>();
    for (const d of deployments) {
      byEntity.set(d.entity, [...(byEntity.get(d.entity) ?? []), d]);
    }
    const pushes: Array<() => Promise<void>> = [];
    for (const [entity, own] of byEntity) {
      for (let i = 0; i < own.length; i += 20) {
        const commits = own.slice(i, i + 20).map(d => ({
          ...PUSH.commits[0],
          id: d.sha,
          timestamp: d.commitTime,
        }));
        const payload = withRepository(
          { ...PUSH, commits, head_commit: commits[commits.length - 1] },
          benchRepository(entity),
        );
        pushes.push(() => deliver('push', payload));
      }
    }
    await pool(pushes, concurrency);
    // Stored before the deployments come, as a push comes before its deployment.
    const shas = deployments.map(d => d.sha);
    for (;;) {
      const [{ n }] = await rawDb('delivery_commits')
        .whereIn('sha', shas)
        .select(rawDb.raw('count(*)::int as n'));
      if (n >= shas.length) return;
      await new Promise(done => setTimeout(done, 10));
    }
  };

  const webhookId = (d: Deployment) =>
    `github:${benchRepository(d.entity)}:deployment:${d.index}`;
  const pushApiId = (d: Deployment) => `bench-push-api-${d.index}`;

  /** Waits until every id is a stored row; returns how many have a lead time. */
  const stored = async (ids: string[]) => {
    for (;;) {
      const [{ n, led }] = await rawDb('delivery_events')
        .whereIn('event_id', ids)
        .select(
          rawDb.raw('count(*)::int as n'),
          rawDb.raw('count(lead_seconds)::int as led'),
        );
      if (n === ids.length) return led as number;
      await new Promise(done => setTimeout(done, 10));
    }
  };

  const viaWebhooks = async (deployments: Deployment[]) => {
    const start = performance.now();
    await pool(
      deployments.map(d => () => {
        const payload = withRepository(
          {
            ...DEPLOYMENT_STATUS,
            deployment: {
              ...DEPLOYMENT_STATUS.deployment,
              id: d.index,
              sha: d.sha,
              environment: 'production',
            },
            deployment_status: {
              ...DEPLOYMENT_STATUS.deployment_status,
              state: d.succeeded ? 'success' : 'failure',
              environment: 'production',
              created_at: d.deployTime,
            },
          },
          benchRepository(d.entity),
        );
        return deliver('deployment_status', payload);
      }),
      concurrency,
    );
    const led = await stored(deployments.map(webhookId));
    const ms = performance.now() - start;
    // Every deployment found its commit: the bench measured the whole path.
    if (led !== deployments.length) {
      throw new Error(
        `${deployments.length - led} webhook deployments have no lead time`,
      );
    }
    return ms;
  };

  const viaPushApi = async (deployments: Deployment[]) => {
    const start = performance.now();
    await pool(
      deployments.map(d => async () => {
        const res = await fetch(`${backend.baseUrl}/events`, {
          method: 'POST',
          headers: {
            authorization: backend.authorization,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            events: [
              {
                id: pushApiId(d),
                type: 'deployment',
                entityRef: benchSystemRef(d.entity),
                commitSha: d.sha,
                commitTime: d.commitTime,
                deployTime: d.deployTime,
                environment: 'production',
                succeeded: d.succeeded,
              },
            ],
          }),
        });
        const body = await res.json();
        if (res.status !== 200 || body.accepted !== 1) {
          throw new Error(
            `POST /events answered ${res.status}: ${JSON.stringify(body)}`,
          );
        }
      }),
      concurrency,
    );
    return performance.now() - start;
  };

  const webhook: number[] = [];
  const pushApi: number[] = [];
  const perSecond = (ms: number) => (options.deployments / ms) * 1000;
  // Round 0 warms both paths (the catalog's answers, statement plans) and is
  // not counted.
  for (let r = 0; r <= rounds; r++) {
    const deployments = deploymentsOf(r);
    await pushCommits(deployments);
    const hooks = async () => perSecond(await viaWebhooks(deployments));
    const api = async () => perSecond(await viaPushApi(deployments));
    // Alternate which goes first so neither always runs on warmer caches.
    let w: number;
    let a: number;
    if (r % 2) {
      w = await hooks();
      a = await api();
    } else {
      a = await api();
      w = await hooks();
    }
    if (r > 0) {
      webhook.push(w);
      pushApi.push(a);
    }
  }
  const ratio = median(webhook) / median(pushApi);
  return {
    name: `GitHub deployment_status webhooks (/api/events/http/github) vs POST /events, 1 deployment a request, ${concurrency} in flight`,
    unit: 'events/s',
    plugin: Math.round(median(webhook)),
    raw: Math.round(median(pushApi)),
    ratio: round(ratio),
    target: '≥ 0.5',
    meetsTarget: ratio >= 0.5,
    samples: rounds,
  };
}
