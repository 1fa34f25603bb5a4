import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from './apiRouter';
import { JourneyService } from '../services/JourneyService';
import { entityRefFromParams } from './entityRefFromParams';

/** The journey map of an entity and friction reports on its touchpoints. */
export function addJourneyRoutes(
  router: ApiRouter,
  options: {
    journeys: JourneyService;
    httpAuth: HttpAuthService;
  },
): void {
  const { journeys, httpAuth } = options;

  router.get('/entities/:kind/:namespace/:name/journey', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await journeys.getJourney(entityRefFromParams(req.params), credentials),
    );
  });

  router.put('/entities/:kind/:namespace/:name/journey', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      await journeys.updateJourney(
        entityRefFromParams(req.params),
        req.body,
        credentials,
      ),
    );
  });

  router.post('/entities/:kind/:namespace/:name/friction', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await journeys.reportFriction(
      entityRefFromParams(req.params),
      req.body,
      credentials,
    );
    res.status(201).json({ status: 'recorded' });
  });

  // "Me too" is a user's own word: a service has nobody to say it for.
  const meToo = async (
    req: Parameters<HttpAuthService['credentials']>[0] & {
      params: Parameters<typeof entityRefFromParams>[0] & {
        touchpointId: string;
      };
    },
    said: boolean,
  ) =>
    journeys.setMeToo(
      entityRefFromParams(req.params),
      req.params.touchpointId,
      said,
      await httpAuth.credentials(req, { allow: ['user'] }),
    );
  router.put(
    '/entities/:kind/:namespace/:name/touchpoints/:touchpointId/me-too',
    async (req, res) => {
      res.json(await meToo(req, true));
    },
  );
  router.delete(
    '/entities/:kind/:namespace/:name/touchpoints/:touchpointId/me-too',
    async (req, res) => {
      res.json(await meToo(req, false));
    },
  );
}
