import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from './apiRouter';
import { CanvasUpdate } from '@system-product/backstage-plugin-common';
import { CanvasService } from '../services/CanvasService';
import { entityRefFromParams } from './entityRefFromParams';

/** `/entities/:kind/:namespace/:name/canvas` and its revision history. */
export function addCanvasRoutes(
  router: ApiRouter,
  options: {
    canvases: CanvasService;
    httpAuth: HttpAuthService;
  },
): void {
  const { canvases, httpAuth } = options;

  router.get('/entities/:kind/:namespace/:name/canvas', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await canvases.getCanvas(entityRefFromParams(req.params), credentials),
    );
  });

  router.put('/entities/:kind/:namespace/:name/canvas', async (req, res) => {
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

  router.get(
    '/entities/:kind/:namespace/:name/canvas/revisions',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req);
      const revisions = await canvases.listRevisions(
        entityRefFromParams(req.params),
        credentials,
      );
      res.json({ items: revisions });
    },
  );
}
