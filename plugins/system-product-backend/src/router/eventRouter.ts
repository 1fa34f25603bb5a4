import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import { ApiRouter } from './apiRouter';
import { FieldProblem } from '../services/FieldChecker';
import { EventProblem, EventService } from '../services/EventService';

/** `POST /events`: batches of delivery events from pipelines (service tokens) and tools. */
export function addEventRoutes(
  router: ApiRouter,
  options: {
    events: EventService;
    httpAuth: HttpAuthService;
  },
): void {
  const { events, httpAuth } = options;
  router.post('/events', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['service', 'user'],
    });
    res.json(await events.ingest(req.body.events, credentials));
  });
}

const EVENT_FIELD = /^body\.events\[(\d+)\]\.?(.*)$/;

/**
 * The error for a batch of events whose request problems (found by the
 * schema or the text check) are all problems of single events: the batch
 * error of {@link EventService.refusal}, which also names the events that
 * only the catalog refuses, so one answer lists every bad event. Other
 * problems (a body without events, say) are not a batch's: undefined.
 */
export async function refusedEventBatch(
  req: express.Request,
  problems: FieldProblem[],
  options: { events: EventService; httpAuth: HttpAuthService },
): Promise<Error | undefined> {
  if (req.method !== 'POST' || req.path !== '/events') return undefined;
  const body = req.body as { events: Array<{ id?: unknown }> };
  const known: EventProblem[] = [];
  for (const { field, rule } of problems) {
    const match = EVENT_FIELD.exec(field);
    if (!match) return undefined;
    const index = Number(match[1]);
    const id = body.events[index]?.id;
    known.push({
      index,
      ...(typeof id === 'string' && { id }),
      ...(match[2] && { field: match[2] }),
      reason: rule,
    });
  }
  const credentials = await options.httpAuth.credentials(req, {
    allow: ['service', 'user'],
  });
  return options.events.refusal(body.events, credentials, known);
}
