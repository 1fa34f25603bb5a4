import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { SloService } from '../services/SloService';
import { entityRefFromParams } from './entityRefFromParams';

/** `GET /entities/:kind/:namespace/:name/slos`: the entity's SLO definitions and file problems. */
export function sloRouter(options: {
  slos: SloService;
  httpAuth: HttpAuthService;
}): express.Router {
  const { slos, httpAuth } = options;
  const router = Router();
  router.get('/entities/:kind/:namespace/:name/slos', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await slos.list(entityRefFromParams(req.params), credentials));
  });
  return router;
}
