import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from './apiRouter';
import { ClosingTheLoop } from '../services/ClosingTheLoop';

/** A person's choice to be told when what they reported is improved. */
export function addLoopRoutes(
  router: ApiRouter,
  options: { loop: ClosingTheLoop; httpAuth: HttpAuthService },
): void {
  const { loop, httpAuth } = options;

  router.get('/me/loop-notifications', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json({ enabled: !(await loop.isOptedOut(credentials)) });
  });

  router.put('/me/loop-notifications', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await loop.setOptedOut(credentials, !req.body.enabled);
    res.json({ enabled: req.body.enabled });
  });
}
