#!/usr/bin/env node
// Replays four weeks of a repository's delivery into a running demo backend as
// GitHub and PagerDuty send them: signed webhooks posted to the events
// backend's endpoints (/api/events/http/github and /pagerduty), the path a
// real installation uses. Pushes, workflow runs, deployment statuses and
// incidents of acme/portal-backend (examples/entities.yaml: a component of the
// developer portal, whose DORA card they fill), some out of order, as
// webhooks arrive. The payloads are GitHub's and PagerDuty's published
// examples with this stream's repository, times and ids.
//
//   node scripts/replay-webhooks.mjs [--json] [--days 28] [--seed 7]
//
// The stream is the same for a seed, relative to now; running it again on the
// same day redelivers the same webhooks, which are stored once. With --json it
// prints what it sent and the figures that follow from it (medians computed
// here from the generated times, not by the backend), for tests.
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(
  join(root, 'plugins/system-product-backend-module-github/package.json'),
);
const githubExamples = require('@octokit/webhooks-examples');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DAYS = Number(arg('days', 28));
const SEED = Number(arg('seed', 7));
const JSON_OUT = process.argv.includes('--json');
const BASE = process.env.BACKSTAGE_BACKEND_URL ?? 'http://localhost:7007';
// The demo secrets of app-config.yaml.
const GITHUB_SECRET =
  process.env.GITHUB_WEBHOOK_SECRET ?? 'system-product-demo-github-secret';
const PAGERDUTY_SECRET =
  process.env.PAGERDUTY_WEBHOOK_SECRET ??
  'system-product-demo-pagerduty-secret';

const REPO = 'acme/portal-backend';
const SERVICE = 'PPORTAL';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A small seeded generator (mulberry32), so a seed gives one stream. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(SEED);
// Times in whole seconds, as GitHub and PagerDuty write them.
const between = (min, max) =>
  Math.floor((min + rand() * (max - min)) / 1000) * 1000;
const hex = n =>
  Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join(
    '',
  );
const iso = ms => new Date(ms).toISOString().replace('.000Z', 'Z');

function githubExample(name, pick = () => true) {
  const hook = githubExamples.find(h => h.name === name);
  const example = hook?.examples.find(pick);
  if (!example)
    throw new Error(`@octokit/webhooks-examples has no ${name} example`);
  return structuredClone(example);
}

function withRepository(payload) {
  const [owner, name] = REPO.split('/');
  payload.repository = {
    ...payload.repository,
    name,
    full_name: REPO,
    owner: { ...payload.repository.owner, login: owner },
  };
  return payload;
}

/** The webhooks of one deployment: push, workflow run, deployment status. */
function deliveryOf(at, index, failed) {
  const commits = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ({
    sha: hex(40),
    time: at - between(0.5 * HOUR, 30 * HOUR),
  })).sort((x, y) => x.time - y.time);
  const head = commits[commits.length - 1];

  const push = withRepository(
    githubExample('push', e => e.commits?.length > 0),
  );
  const template = push.commits[0];
  push.commits = commits.map(c => ({
    ...template,
    id: c.sha,
    tree_id: hex(40),
    timestamp: iso(c.time),
  }));
  push.head_commit = { ...push.commits[push.commits.length - 1] };
  push.after = head.sha;

  const started = at - between(6 * MINUTE, 12 * MINUTE);
  const finished = at - between(1 * MINUTE, 3 * MINUTE);
  const run = withRepository(
    githubExample('workflow_run', e => e.action === 'completed'),
  );
  run.workflow_run = {
    ...run.workflow_run,
    id: 900_000 + index,
    run_attempt: 1,
    name: 'deploy',
    head_sha: head.sha,
    status: 'completed',
    conclusion: 'success',
    run_started_at: iso(started),
    created_at: iso(started),
    updated_at: iso(finished),
    head_commit: {
      ...run.workflow_run.head_commit,
      id: head.sha,
      timestamp: iso(head.time),
    },
  };

  const status = withRepository(githubExample('deployment_status'));
  status.deployment = {
    ...status.deployment,
    id: 700_000 + index,
    sha: head.sha,
    environment: 'production',
    created_at: iso(finished),
  };
  status.deployment_status = {
    ...status.deployment_status,
    id: 800_000 + index,
    state: failed ? 'failure' : 'success',
    environment: 'production',
    created_at: iso(at),
    updated_at: iso(at),
  };
  return {
    deployment: { at, leadMs: at - head.time, failed },
    webhooks: [
      { kind: 'github', event: 'push', payload: push },
      { kind: 'github', event: 'workflow_run', payload: run },
      { kind: 'github', event: 'deployment_status', payload: status },
    ],
  };
}

/** The three webhooks of a PagerDuty incident, from its documented example. */
async function incidentOf(start, index, detectMs, restoreMs) {
  const fixture = JSON.parse(
    await readFile(
      join(
        root,
        'plugins/system-product-backend-module-pagerduty/src/__fixtures__/incident.priority_updated.json',
      ),
      'utf8',
    ),
  );
  const id = `Q${String(index).padStart(4, '0')}PORTAL`;
  const step = (type, at) => {
    const { event } = structuredClone(fixture);
    const status = type.replace('incident.', '');
    return {
      kind: 'pagerduty',
      payload: {
        event: {
          ...event,
          id: `${id}-${status}`,
          event_type: type,
          occurred_at: iso(at),
          data: {
            ...event.data,
            id,
            status,
            created_at: iso(start),
            service: { ...event.data.service, id: SERVICE },
          },
        },
      },
    };
  };
  return {
    incident: { detectMs, restoreMs },
    webhooks: [
      step('incident.triggered', start),
      step('incident.acknowledged', start + detectMs),
      step('incident.resolved', start + restoreMs),
    ],
  };
}

async function post(webhook, delivery) {
  const body = JSON.stringify(webhook.payload);
  const headers = { 'content-type': 'application/json' };
  if (webhook.kind === 'github') {
    headers['x-github-event'] = webhook.event;
    headers['x-github-delivery'] = delivery;
    headers['x-hub-signature-256'] = `sha256=${createHmac(
      'sha256',
      GITHUB_SECRET,
    )
      .update(body)
      .digest('hex')}`;
  } else {
    headers['x-webhook-id'] = delivery;
    headers['x-pagerduty-signature'] = `v1=${createHmac(
      'sha256',
      PAGERDUTY_SECRET,
    )
      .update(body)
      .digest('hex')}`;
  }
  const res = await fetch(`${BASE}/api/events/http/${webhook.kind}`, {
    method: 'POST',
    headers,
    body,
  });
  if (res.status >= 300) {
    throw new Error(
      `${webhook.kind} ${
        webhook.event ?? webhook.payload.event.event_type
      } answered ${res.status}: ${await res.text()}`,
    );
  }
}

const median = values => {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s.length % 2
    ? s[(s.length - 1) / 2]
    : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  // From DAYS days ago at midnight, so the stream is the same all day.
  const today = Math.floor(Date.now() / DAY) * DAY;
  const deployments = [];
  const incidents = [];
  const stream = [];
  let index = 0;
  for (let d = DAYS; d >= 1; d--) {
    const day = today - d * DAY;
    if ([0, 6].includes(new Date(day).getUTCDay())) continue;
    const count = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < count; k++) {
      const at = day + between(9 * HOUR, 17 * HOUR);
      const failed = rand() < 0.1;
      const delivery = deliveryOf(at, index++, failed);
      deployments.push(delivery.deployment);
      // Webhooks race: one in five deployment statuses comes before its push.
      if (rand() < 0.2) delivery.webhooks.reverse();
      stream.push(...delivery.webhooks);
      if (failed) {
        const { incident, webhooks } = await incidentOf(
          at + between(5 * MINUTE, 20 * MINUTE),
          index,
          between(3 * MINUTE, 15 * MINUTE),
          between(30 * MINUTE, 3 * HOUR),
        );
        incidents.push(incident);
        stream.push(...webhooks);
      }
    }
  }
  let n = 0;
  for (const webhook of stream) {
    await post(webhook, `replay-${SEED}-${today}-${n++}`);
  }
  // A failed deployment that caused no incident the backend knows of (the
  // incidents name no deployment) has recovered at the next successful one.
  const inOrder = [...deployments].sort((a, b) => a.at - b.at);
  const recoveries = inOrder.flatMap((d, i) => {
    const next = d.failed && inOrder.slice(i + 1).find(n => !n.failed);
    return next ? [(next.at - d.at) / 1000] : [];
  });
  const summary = {
    repository: REPO,
    pagerDutyService: SERVICE,
    webhooks: stream.length,
    deployments: deployments.length,
    failedDeployments: deployments.filter(d => d.failed).length,
    incidents: incidents.length,
    // As the backend README defines them: lead time over every production
    // deployment, detection and restore from each incident's start.
    medianLeadTimeSeconds: median(deployments.map(d => d.leadMs / 1000)),
    medianFailedDeploymentRecoverySeconds: median(recoveries),
    failedDeploymentsRecovered: recoveries.length,
    medianTimeToDetectSeconds: median(incidents.map(i => i.detectMs / 1000)),
    medianTimeToRestoreSeconds: median(incidents.map(i => i.restoreMs / 1000)),
  };
  if (JSON_OUT) {
    console.log(JSON.stringify(summary));
  } else {
    console.log(
      `Replayed ${summary.webhooks} webhooks of ${REPO} and PagerDuty service ${SERVICE}: ${summary.deployments} deployments (${summary.failedDeployments} failed), ${summary.incidents} incidents. The developer portal's DORA card shows them.`,
    );
  }
}

main().catch(error => {
  console.error(`replay-webhooks: ${error.message}`);
  process.exit(1);
});
