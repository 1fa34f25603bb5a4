import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from './apiRouter';
import { SurveyService } from '../services/SurveyService';
import { entityRefFromParams } from './entityRefFromParams';

/** Survey rounds of an entity, answers and k-anonymous results. */
export function addSurveyRoutes(
  router: ApiRouter,
  options: {
    surveys: SurveyService;
    httpAuth: HttpAuthService;
  },
): void {
  const { surveys, httpAuth } = options;

  router.get('/entities/:kind/:namespace/:name/surveys', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const rounds = await surveys.listRounds(
      entityRefFromParams(req.params),
      credentials,
    );
    res.json({ items: rounds });
  });

  router.post('/entities/:kind/:namespace/:name/surveys', async (req, res) => {
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

  // A person's own answer, to them only.
  router.get('/surveys/:roundId/responses/mine', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await surveys.myAnswer(req.params.roundId, credentials));
  });

  router.get('/surveys/:roundId/results', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await surveys.results(req.params.roundId, credentials));
  });
}
