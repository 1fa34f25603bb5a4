import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { SurveyService } from '../services/SurveyService';
import { entityRefFromParams } from './entityRefFromParams';

/** Survey rounds of an entity, answers and k-anonymous results. */
export function surveyRouter(options: {
  surveys: SurveyService;
  httpAuth: HttpAuthService;
}): express.Router {
  const { surveys, httpAuth } = options;
  const router = Router();
  const path = '/entities/:kind/:namespace/:name/surveys';

  router.get(path, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const rounds = await surveys.listRounds(
      entityRefFromParams(req.params),
      credentials,
    );
    res.json({ items: rounds });
  });

  router.post(path, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const round = await surveys.openRound(
      entityRefFromParams(req.params),
      req.body ?? {},
      credentials,
    );
    res.status(201).json(round);
  });

  // People answer for themselves; a service may import answers collected elsewhere.
  router.post('/surveys/:roundId/responses', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await surveys.answer(req.params.roundId, req.body, credentials));
  });

  router.get('/surveys/:roundId/results', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await surveys.results(req.params.roundId, credentials));
  });

  return router;
}
