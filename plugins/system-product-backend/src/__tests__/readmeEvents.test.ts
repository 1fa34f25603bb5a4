import { mockCredentials } from '@backstage/backend-test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { startSystemProductBackend } from '../__testUtils__/startSystemProductBackend';

/**
 * The README's "Delivery events" examples, posted to a running plugin: the
 * accepted batch of its curl example answers what the README says it does,
 * and a batch with the bad events its refusal example names answers exactly
 * the body the README shows.
 */
const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## Delivery events'),
  readme.indexOf('## SLO definitions'),
);

const post = (server: any, body: unknown) =>
  request(server)
    .post('/api/system-product/events')
    .set('Authorization', mockCredentials.service.header())
    .send(body as object);

describe('README, Delivery events', () => {
  it('answers the curl example as the README says', async () => {
    const [, body, answer] =
      /-d '(\{[\s\S]*?\})'\n# (\{.*\})\n/.exec(section) ?? [];
    expect(body).toBeDefined();
    const server = await startSystemProductBackend();
    const res = await post(server, JSON.parse(body));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(answer));
  });

  it('refuses a batch with bad events with the body the README shows, storing none', async () => {
    const [, shown] = /A batch with bad events[^]*?```json\n([^]*?)```/.exec(
      section,
    ) ?? [undefined, undefined];
    expect(shown).toBeDefined();
    const expected = JSON.parse(shown!);
    const event = (id: string) => ({
      id,
      entityRef: 'system:default/ci-cd-pipeline',
      type: 'deployment',
      commitSha: '9fceb02',
      commitTime: '2026-11-25T09:12:00Z',
      deployTime: '2026-11-25T10:03:00Z',
      environment: 'production',
      succeeded: true,
    });
    const events = [
      event('deploy-4711'),
      { ...event('deploy-4712'), deployTime: '2026-11-25 10:03' },
      event('deploy-4713'),
      {
        id: 'incident-17',
        entityRef: 'system:default/ci-cd-pipeline',
        type: 'incident',
        started: '2026-11-25T11:00:00Z',
        causedByDeploymnet: 'deploy-4713',
      },
      event('deploy-4714'),
    ];
    const server = await startSystemProductBackend();
    const res = await post(server, { events });
    expect(res.status).toBe(400);
    // The test backend mounts the plugin's router without the /api/… prefix.
    expect(expected.request.url).toBe('/api/system-product/events');
    expect(res.body).toEqual({
      ...expected,
      request: { ...expected.request, url: '/events' },
    });
    // Nothing of the batch was stored: posting its good events stores all.
    const good = await post(server, {
      events: events.filter((_, i) => i !== 1 && i !== 3),
    });
    expect(good.body).toMatchObject({ accepted: 3, duplicates: 0 });
  });
});
