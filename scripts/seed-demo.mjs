#!/usr/bin/env node
// Puts the example canvases of examples/system-product/canvases/ into a running
// demo backend through the REST API, with the demo's static service token, the
// way a pipeline would. Entities that already have a canvas are left alone.
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const baseUrl =
  process.env.SYSTEM_PRODUCT_URL ?? 'http://localhost:7007/api/system-product';
const token =
  process.env.SYSTEM_PRODUCT_TOKEN ?? 'system-product-demo-seed-token';
const deadline = Date.now() + Number(process.env.SEED_TIMEOUT_MS ?? 600_000);
const headers = {
  Authorization: `Bearer ${token}`,
  'Content-Type': 'application/json',
};

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function until(what, attempt) {
  for (;;) {
    const result = await attempt().catch(() => undefined);
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(2000);
  }
}

async function seed(name, content) {
  const url = `${baseUrl}/entities/system/default/${name}/canvas`;
  // 404 until the catalog has ingested the example entities.
  const canvas = await until(
    `system:default/${name} in the catalog`,
    async () => {
      const res = await fetch(url, { headers });
      return res.ok ? res.json() : undefined;
    },
  );
  if (canvas.version > 0) {
    console.log(`[seed] ${name}: canvas already at version ${canvas.version}`);
    return;
  }
  const res = await fetch(url, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ version: 0, content }),
  });
  if (!res.ok && res.status !== 409) {
    throw new Error(`[seed] ${name}: ${res.status} ${await res.text()}`);
  }
  console.log(
    `[seed] ${name}: canvas ${res.ok ? 'seeded' : 'was seeded meanwhile'}`,
  );
}

const dir = join(root, 'examples/system-product/canvases');
await until('the System Product backend', async () =>
  (await fetch(`${baseUrl}/health`)).ok ? true : undefined,
);
for (const file of (await readdir(dir))
  .filter(f => f.endsWith('.json'))
  .sort()) {
  const content = JSON.parse(await readFile(join(dir, file), 'utf8'));
  await seed(file.replace(/\.json$/, ''), content);
}
