import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { PortfolioService } from '../services/PortfolioService';

/** `GET /portfolio`: every system product the caller can see. */
export function portfolioRouter(options: {
  portfolio: PortfolioService;
  httpAuth: HttpAuthService;
}): express.Router {
  const { portfolio, httpAuth } = options;
  const router = Router();
  router.get('/portfolio', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const owner =
      typeof req.query.owner === 'string' ? req.query.owner : undefined;
    res.json({ items: await portfolio.list(credentials, { owner }) });
  });
  return router;
}
