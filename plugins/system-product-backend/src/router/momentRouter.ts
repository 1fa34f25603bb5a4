import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from './apiRouter';
import { MomentService } from '../services/MomentService';
import { entityRefFromParams } from './entityRefFromParams';

/** Moment triggers of an entity, and the prompts they sent to the caller. */
export function addMomentRoutes(
  router: ApiRouter,
  options: {
    moments: MomentService;
    httpAuth: HttpAuthService;
  },
): void {
  const { moments, httpAuth } = options;

  router.get('/entities/:kind/:namespace/:name/moments', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json({
      triggers: await moments.listTriggers(
        entityRefFromParams(req.params),
        credentials,
      ),
    });
  });

  router.post('/entities/:kind/:namespace/:name/moments', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res
      .status(201)
      .json(
        await moments.createTrigger(
          entityRefFromParams(req.params),
          req.body,
          credentials,
        ),
      );
  });

  router.delete(
    '/entities/:kind/:namespace/:name/moments/:triggerId',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      await moments.deleteTrigger(
        entityRefFromParams(req.params),
        req.params.triggerId,
        credentials,
      );
      res.status(204).end();
    },
  );

  // A prompt is a person's own: only users, each only their own.
  router.get('/prompts', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json({ prompts: await moments.myPrompts(credentials) });
  });

  router.get('/prompts/:promptId', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await moments.getPrompt(req.params.promptId, credentials));
  });

  router.get('/page-moments', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json({ pages: await moments.pagesFor(credentials) });
  });

  router.post('/page-moments/visits', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json({
      prompt: await moments.pageVisited(req.body.path, credentials),
    });
  });

  router.post('/prompts/:promptId/answer', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(
      await moments.answerPrompt(req.params.promptId, req.body, credentials),
    );
  });
}
