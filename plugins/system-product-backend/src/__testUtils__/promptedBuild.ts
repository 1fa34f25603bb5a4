import { eventually } from '@internal/system-product-test-utils';
import { Server } from 'node:http';
import request from 'supertest';

/**
 * Posts a build of system:default/ci-cd-pipeline naming `actor` (a moment
 * trigger on builds must exist) and waits for the prompt it sends them;
 * answers the prompt's id.
 */
export async function promptedBuild(
  server: Server,
  options: {
    /** Authorization header of who posts the build. */
    poster: string;
    actor: string;
    /** Authorization header of the actor, to read their prompts. */
    actorAuth: string;
    eventId: string;
  },
): Promise<string> {
  const base = '/api/system-product';
  const posted = await request(server)
    .post(`${base}/events`)
    .set('Authorization', options.poster)
    .send({
      events: [
        {
          id: options.eventId,
          type: 'build',
          entityRef: 'system:default/ci-cd-pipeline',
          finished: new Date().toISOString(),
          succeeded: false,
          durationSeconds: 60,
          actor: options.actor,
        },
      ],
    });
  if (posted.status !== 200) {
    throw new Error(`The build was refused: ${posted.status} ${posted.text}`);
  }
  let promptId = '';
  // Prompts are decided in the background, after the batch is stored.
  await eventually(async () => {
    const mine = await request(server)
      .get(`${base}/prompts`)
      .set('Authorization', options.actorAuth);
    promptId = mine.body.prompts?.[0]?.id;
    if (!promptId) throw new Error(`no prompt for ${options.actor} yet`);
  });
  return promptId;
}
