#!/usr/bin/env node
// Puts the example content of examples/system-product/ into a running demo
// backend through the REST API, with the demo's static service token, the way
// a pipeline or an import from a survey tool would: canvases, journeys with
// friction reports, a survey round with answers, roadmap items and moment
// triggers, then one deployment by the guest user just now, which prompts
// them (a moment). Content an
// entity already has is left alone, so running it twice changes nothing.
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples/system-product');
const baseUrl =
  process.env.SYSTEM_PRODUCT_URL ?? 'http://localhost:7007/api/system-product';
const token =
  process.env.SYSTEM_PRODUCT_TOKEN ?? 'system-product-demo-seed-token';
const deadline = Date.now() + Number(process.env.SEED_TIMEOUT_MS ?? 600_000);

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function api(method, path, body) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) {
    const error = new Error(`${method} ${path}: ${res.status} ${text}`);
    error.status = res.status;
    throw error;
  }
  return text ? JSON.parse(text) : undefined;
}

async function until(what, attempt) {
  for (;;) {
    const result = await attempt().catch(() => undefined);
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(2000);
  }
}

async function readJson(folder, name) {
  const file = join(examples, folder, `${name}.json`);
  return existsSync(file)
    ? JSON.parse(await readFile(file, 'utf8'))
    : undefined;
}

async function seedCanvas(entity, content) {
  const canvas = await api('GET', `${entity}/canvas`);
  if (canvas.version > 0) return 'kept';
  await api('PUT', `${entity}/canvas`, { version: 0, content });
  return 'seeded';
}

async function seedJourney(entity, { stages, friction = [] }) {
  const current = await api('GET', `${entity}/journey`);
  if (current.version > 0) return 'kept';
  const journey = await api('PUT', `${entity}/journey`, { version: 0, stages });
  // Friction comes from people: the seed imports it through a demo respondent
  // per report, keyed like any reporter (never stored in plain).
  for (const [i, report] of friction.entries()) {
    const touchpoint =
      journey.stages[report.stage].touchpoints[report.touchpoint];
    await api('POST', `${entity}/friction`, {
      reporter: `demo-reporter-${i}`,
      touchpointId: touchpoint.id,
      severity: report.severity,
      text: report.text,
    });
  }
  return `seeded with ${friction.length} friction reports`;
}

async function seedSurvey(entity, { title, responses }) {
  const rounds = await api('GET', `${entity}/surveys`);
  if (rounds.items.length > 0) return 'kept';
  const closesAt = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const round = await api('POST', `${entity}/surveys`, { title, closesAt });
  for (const { respondent, answers } of responses) {
    await api('POST', `/surveys/${round.id}/responses`, {
      respondent,
      answers,
    });
  }
  return `seeded with ${responses.length} answers`;
}

async function seedRoadmap(entity, items) {
  const current = await api('GET', `${entity}/roadmap`);
  if (current.items.length > 0) return 'kept';
  for (const item of items) {
    await api('POST', `${entity}/roadmap`, item);
  }
  return `seeded with ${items.length} items`;
}

async function seedMoments(entity, { triggers }) {
  const current = await api('GET', `${entity}/moments`);
  if (current.triggers.length > 0) return 'kept';
  const journey = await api('GET', `${entity}/journey`);
  for (const { touchpoint, ...trigger } of triggers) {
    const touchpointId = touchpoint
      ? journey.stages[touchpoint.stage]?.touchpoints[touchpoint.touchpoint]?.id
      : undefined;
    await api('POST', `${entity}/moments`, {
      ...trigger,
      ...(touchpointId && { touchpointId }),
    });
  }
  return `seeded with ${triggers.length} triggers`;
}

// Delivery events of the last four weeks, as a pipeline and an incident tool
// would post them, so the SLO tab has something to measure. Generated from a
// fixed seed: the same events (and ids) on every run, so posting is idempotent.
function demoEvents(now) {
  let state = 7;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const hour = 3_600_000;
  const at = ms => new Date(Math.floor((now - ms) / hour) * hour).toISOString();
  const events = [];
  for (let i = 0; i < 80; i++) {
    const deployed = Math.floor(random() * 27 * 24) * hour + hour;
    const lead = (2 + random() * (i % 9 === 0 ? 40 : 18)) * hour;
    events.push({
      id: `demo-deploy-${i}`,
      entityRef: 'system:default/ci-cd-pipeline',
      type: 'deployment',
      commitSha: `c0ffee${i}`,
      commitTime: at(deployed + lead),
      deployTime: at(deployed),
      environment: 'production',
      succeeded: i % 23 !== 5,
    });
  }
  for (let i = 0; i < 3; i++) {
    const started = (3 + i * 8) * 24 * hour;
    events.push({
      id: `demo-incident-${i}`,
      entityRef: 'system:default/ci-cd-pipeline',
      type: 'incident',
      environment: 'production',
      causedByDeployment: `demo-deploy-${5 + i * 23}`,
      started: at(started),
      detected: at(started - 0.25 * hour),
      resolved: at(started - (1 + i * 2) * hour),
    });
  }
  for (let i = 0; i < 50; i++) {
    const opened = Math.floor(random() * 27 * 24) * hour + 6 * hour;
    events.push({
      id: `demo-ticket-${i}`,
      entityRef: 'system:default/support-desk',
      type: 'ticket',
      opened: at(opened),
      firstResponse: at(
        opened - (0.5 + random() * (i % 4 === 0 ? 8 : 3)) * hour,
      ),
    });
  }
  for (let i = 0; i < 120; i++) {
    const finished = Math.floor(random() * 27 * 24) * hour + hour;
    events.push({
      id: `demo-docs-build-${i}`,
      entityRef: 'system:default/developer-portal',
      type: 'build',
      pipeline: 'docs',
      finished: at(finished),
      durationSeconds: Math.round(180 + random() * (i % 10 === 0 ? 900 : 300)),
      succeeded: i % 31 !== 7,
    });
  }
  return events;
}

await until('the System Product backend', async () =>
  (await fetch(`${baseUrl}/health`)).ok ? true : undefined,
);
// A batch is stored all or nothing: until the catalog has ingested every
// example entity the events name, it is refused (400) and tried again.
const ingested = await until('the example entities for delivery events', () =>
  api('POST', '/events', { events: demoEvents(Date.now()) }),
);
console.log(
  `[seed] delivery events: ${ingested.accepted} new, ${ingested.duplicates} known`,
);
const names = (await readdir(join(examples, 'canvases')))
  .filter(f => f.endsWith('.json'))
  .map(f => f.replace(/\.json$/, ''))
  .sort();
for (const name of names) {
  const entity = `/entities/system/default/${name}`;
  // 404 until the catalog has ingested the example entities.
  await until(`system:default/${name} in the catalog`, () =>
    api('GET', `${entity}/canvas`),
  );
  const steps = [
    ['canvas', 'canvases', seedCanvas],
    ['journey', 'journeys', seedJourney],
    ['survey', 'surveys', seedSurvey],
    ['roadmap', 'roadmaps', seedRoadmap],
    // After the journey: a trigger may name one of its touchpoints.
    ['moments', 'moments', seedMoments],
  ];
  for (const [what, folder, seed] of steps) {
    const data = await readJson(folder, name);
    if (data === undefined) continue;
    try {
      console.log(`[seed] ${name} ${what}: ${await seed(entity, data)}`);
    } catch (error) {
      // Another seeder got there first (409): what it wrote stands.
      if (error.status !== 409) throw error;
      console.log(`[seed] ${name} ${what}: seeded meanwhile`);
    }
  }
}

// The guest deploys the CI/CD pipeline now: its production trigger prompts
// them (one deployment an hour has one id, so a re-run within the hour
// prompts nobody again, and the cooldown keeps later runs quiet for 14 days).
const hourOf = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
const guestDeploy = await api('POST', '/events', {
  events: [
    {
      id: `demo-guest-deploy-${hourOf.toISOString().slice(0, 13)}`,
      entityRef: 'system:default/ci-cd-pipeline',
      type: 'deployment',
      commitSha: 'c0ffee-guest',
      commitTime: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      deployTime: new Date().toISOString(),
      environment: 'production',
      succeeded: true,
      actor: 'user:default/guest',
    },
  ],
});
console.log(
  `[seed] a deployment by user:default/guest: ${
    guestDeploy.accepted
      ? 'posted (it prompts them)'
      : 'posted this hour already'
  }`,
);
