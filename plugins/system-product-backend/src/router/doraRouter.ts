import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  DORA_DEFAULT_PERIOD_DAYS,
  isDoraPeriodDays,
} from '@system-product/backstage-plugin-common';
import { InputError } from '@backstage/errors';
import { ApiRouter } from './apiRouter';
import { SloService } from '../services/SloService';
import { entityRefFromParams } from './entityRefFromParams';

/** An entity's DORA figures over the period `?days=` (7, 30, 90 or 365; default 30). */
export function addDoraRoutes(
  router: ApiRouter,
  options: {
    slos: Pick<SloService, 'dora'>;
    httpAuth: HttpAuthService;
  },
): void {
  const { slos, httpAuth } = options;
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
}
