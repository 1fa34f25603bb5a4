import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from './apiRouter';
import { SloService } from '../services/SloService';
import { entityRefFromParams } from './entityRefFromParams';

/** An entity's SLOs: list and add, one SLO's status and trend, removal, OpenSLO export. */
export function addSloRoutes(
  router: ApiRouter,
  options: {
    slos: SloService;
    httpAuth: HttpAuthService;
  },
): void {
  const { slos, httpAuth } = options;
  router.get('/entities/:kind/:namespace/:name/slos', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await slos.list(entityRefFromParams(req.params), credentials));
  });
  router.post('/entities/:kind/:namespace/:name/slos', async (req, res) => {
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
  router.get(
    '/entities/:kind/:namespace/:name/slos/export',
    async (req, res) => {
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
    },
  );
  router.get(
    '/entities/:kind/:namespace/:name/slos/:sloName/status',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req);
      res.json(
        await slos.status(
          entityRefFromParams(req.params),
          req.params.sloName,
          credentials,
        ),
      );
    },
  );
  router.delete(
    '/entities/:kind/:namespace/:name/slos/:sloName',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req);
      await slos.remove(
        entityRefFromParams(req.params),
        req.params.sloName,
        credentials,
      );
      res.status(204).end();
    },
  );
}
