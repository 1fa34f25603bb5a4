import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from './apiRouter';
import { PortfolioService } from '../services/PortfolioService';

/** `GET /portfolio`: every system product the caller can see. */
export function addPortfolioRoutes(
  router: ApiRouter,
  options: {
    portfolio: PortfolioService;
    httpAuth: HttpAuthService;
  },
): void {
  const { portfolio, httpAuth } = options;
  router.get('/portfolio', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const owner =
      typeof req.query.owner === 'string' ? req.query.owner : undefined;
    res.json({ items: await portfolio.list(credentials, { owner }) });
  });
}
