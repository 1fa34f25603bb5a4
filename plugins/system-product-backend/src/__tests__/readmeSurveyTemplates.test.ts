import { mockCredentials } from '@backstage/backend-test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import {
  OWNER,
  startSystemProductBackend,
} from '../__testUtils__/startSystemProductBackend';

/**
 * The README's "Survey templates" examples on a running plugin: its
 * app-config block as the config, the example answers of its table and the
 * bodies of its curl examples.
 */
const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## Survey templates'),
  readme.indexOf('## Moments'),
);
const BASE = '/api/system-product';
const owner = mockCredentials.user.header(OWNER);

describe('README, Survey templates', () => {
  it('starts with its app-config example, takes the example answers and the curl bodies', async () => {
    const [, yaml] = /```yaml\n([^]*?)```/.exec(section) ?? [];
    const config = YAML.parse(yaml);
    const server = await startSystemProductBackend(
      [],
      undefined,
      config.systemProduct.survey,
    );
    // The table's example answers, one per kind.
    const answers = Object.fromEntries(
      [...section.matchAll(/\| `"([\w-]+)": (.+?)`\s+\|/g)].map(
        ([, id, value]) => [id, JSON.parse(value)],
      ),
    );
    expect(Object.keys(answers)).toHaveLength(6);
    const open = await request(server)
      .post(`${BASE}/entities/system/default/ci-cd-pipeline/surveys`)
      .set('Authorization', owner)
      .send({
        templateId: 'onboarding',
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
    expect([open.status, open.body.title]).toEqual([201, 'Onboarding']);
    const answered = await request(server)
      .post(`${BASE}/surveys/${open.body.id}/responses`)
      .set('Authorization', mockCredentials.user.header('user:default/a'))
      .send({ answers });
    expect(answered.status).toBe(200);

    // The curl examples' bodies, in order: make, change, open a round.
    const bodies = [...section.matchAll(/-d '([^']*)'/g)].map(([, body]) =>
      JSON.parse(body),
    );
    expect(bodies).toHaveLength(3);
    const made = await request(server)
      .post(`${BASE}/survey-templates`)
      .set('Authorization', owner)
      .send(bodies[0]);
    expect(made.status).toBe(201);
    const changed = await request(server)
      .put(`${BASE}/survey-templates/pipeline-pulse`)
      .set('Authorization', owner)
      .send(bodies[1]);
    expect([changed.status, changed.body.version]).toEqual([200, 2]);
    const opened = await request(server)
      .post(`${BASE}/entities/system/default/ci-cd-pipeline/surveys`)
      .set('Authorization', owner)
      // Its closing day is the README's; a round must close in the future.
      .send({
        ...bodies[2],
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
    expect(opened.status).toBe(201);
  });
});
