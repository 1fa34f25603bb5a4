import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { JourneyService } from '../services/JourneyService';
import { entityRefFromParams } from './entityRefFromParams';

/** The journey map of an entity and friction reports on its touchpoints. */
export function journeyRouter(options: {
  journeys: JourneyService;
  httpAuth: HttpAuthService;
}): express.Router {
  const { journeys, httpAuth } = options;
  const router = Router();
  const base = '/entities/:kind/:namespace/:name';

  router.get(`${base}/journey`, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await journeys.getJourney(entityRefFromParams(req.params), credentials),
    );
  });

  router.put(`${base}/journey`, async (req, res) => {
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

  router.post(`${base}/friction`, async (req, res) => {
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

  return router;
}
