import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  DORA_DEFAULT_PERIOD_DAYS,
  isDoraPeriodDays,
} from '@system-product/backstage-plugin-common';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { SloService } from '../services/SloService';
import { entityRefFromParams } from './entityRefFromParams';

/** An entity's DORA figures over the period `?days=` (7, 30, 90 or 365; default 30). */
export function doraRouter(options: {
  slos: Pick<SloService, 'dora'>;
  httpAuth: HttpAuthService;
}): express.Router {
  const { slos, httpAuth } = options;
  const router = Router();
  router.get('/entities/:kind/:namespace/:name/dora', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    // The OpenAPI document allows only these values; this keeps the type honest.
    const days =
      req.query.days === undefined
        ? DORA_DEFAULT_PERIOD_DAYS
        : Number(req.query.days);
    if (!isDoraPeriodDays(days)) {
      throw new InputError('days must be one of 7, 30, 90, 365');
    }
    res.json(
      await slos.dora(entityRefFromParams(req.params), days, credentials),
    );
  });
  return router;
}
