import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { EventService } from '../services/EventService';

/** `POST /events`: batches of delivery events from pipelines (service tokens) and tools. */
export function eventRouter(options: {
  events: EventService;
  httpAuth: HttpAuthService;
}): express.Router {
  const { events, httpAuth } = options;
  const router = Router();
  router.post('/events', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['service', 'user'],
    });
    res.json(await events.ingest(req.body.events, credentials));
  });
  return router;
}
