import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from './apiRouter';
import { RoadmapService } from '../services/RoadmapService';
import { entityRefFromParams } from './entityRefFromParams';

/** Roadmap items of an entity. */
export function addRoadmapRoutes(
  router: ApiRouter,
  options: {
    roadmap: RoadmapService;
    httpAuth: HttpAuthService;
  },
): void {
  const { roadmap, httpAuth } = options;

  router.get('/entities/:kind/:namespace/:name/roadmap', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json({
      items: await roadmap.list(entityRefFromParams(req.params), credentials),
    });
  });

  router.post('/entities/:kind/:namespace/:name/roadmap', async (req, res) => {
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
}
