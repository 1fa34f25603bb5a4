import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { RoadmapService } from '../services/RoadmapService';
import { entityRefFromParams } from './entityRefFromParams';

/** Roadmap items of an entity. */
export function roadmapRouter(options: {
  roadmap: RoadmapService;
  httpAuth: HttpAuthService;
}): express.Router {
  const { roadmap, httpAuth } = options;
  const router = Router();
  const path = '/entities/:kind/:namespace/:name/roadmap';

  router.get(path, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json({
      items: await roadmap.list(entityRefFromParams(req.params), credentials),
    });
  });

  router.post(path, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res
      .status(201)
      .json(
        await roadmap.create(
          entityRefFromParams(req.params),
          req.body,
          credentials,
        ),
      );
  });

  router.patch('/roadmap/:itemId', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await roadmap.patch(req.params.itemId, req.body, credentials));
  });

  return router;
}
