import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { CanvasUpdate } from '@system-product/backstage-plugin-common';
import { CanvasService } from '../services/CanvasService';
import { entityRefFromParams } from './entityRefFromParams';

/** `/entities/:kind/:namespace/:name/canvas` and its revision history. */
export function canvasRouter(options: {
  canvases: CanvasService;
  httpAuth: HttpAuthService;
}): express.Router {
  const { canvases, httpAuth } = options;
  const router = Router();
  const path = '/entities/:kind/:namespace/:name/canvas';

  router.get(path, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await canvases.getCanvas(entityRefFromParams(req.params), credentials),
    );
  });

  router.put(path, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    // The OpenAPI schema checked the whole body; a canvas has no other rule.
    res.json(
      await canvases.updateCanvas(
        entityRefFromParams(req.params),
        req.body as CanvasUpdate,
        credentials,
      ),
    );
  });

  router.get(`${path}/revisions`, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const revisions = await canvases.listRevisions(
      entityRefFromParams(req.params),
      credentials,
    );
    res.json({ items: revisions });
  });

  return router;
}
