import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { SloService } from '../services/SloService';
import { entityRefFromParams } from './entityRefFromParams';

const SLOS = '/entities/:kind/:namespace/:name/slos';

/** An entity's SLOs: list and add, one SLO's status and trend, removal, OpenSLO export. */
export function sloRouter(options: {
  slos: SloService;
  httpAuth: HttpAuthService;
}): express.Router {
  const { slos, httpAuth } = options;
  const router = Router();
  router.get(SLOS, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await slos.list(entityRefFromParams(req.params), credentials));
  });
  router.post(SLOS, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res
      .status(201)
      .json(
        await slos.create(
          entityRefFromParams(req.params),
          req.body,
          credentials,
        ),
      );
  });
  // Before `/:sloName`, so that `export` is not taken for an SLO's name.
  router.get(`${SLOS}/export`, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const yaml = await slos.export(
      entityRefFromParams(req.params),
      credentials,
    );
    res
      // After attachment(), which would set text/yaml from the file name.
      .attachment(`${req.params.name}-slos.yaml`)
      .type('application/yaml')
      .send(yaml);
  });
  router.get(`${SLOS}/:sloName/status`, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await slos.status(
        entityRefFromParams(req.params),
        req.params.sloName,
        credentials,
      ),
    );
  });
  router.delete(`${SLOS}/:sloName`, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await slos.remove(
      entityRefFromParams(req.params),
      req.params.sloName,
      credentials,
    );
    res.status(204).end();
  });
  return router;
}
