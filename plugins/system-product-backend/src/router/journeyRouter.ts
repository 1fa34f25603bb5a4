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
}
