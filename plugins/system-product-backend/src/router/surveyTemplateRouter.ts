import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from './apiRouter';
import { SurveyTemplateService } from '../services/SurveyTemplateService';

/** Survey templates: those usable for an entity's rounds, and owner templates. */
export function addSurveyTemplateRoutes(
  router: ApiRouter,
  options: {
    surveyTemplates: SurveyTemplateService;
    httpAuth: HttpAuthService;
  },
): void {
  const { surveyTemplates, httpAuth } = options;

  router.get('/survey-templates', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const items = await surveyTemplates.list(req.query.entityRef, credentials);
    res.json({ items });
  });

  router.post('/survey-templates', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.status(201).json(await surveyTemplates.create(req.body, credentials));
  });

  router.get('/survey-templates/:templateId', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { version, entityRef } = req.query;
    res.json(
      await surveyTemplates.get(
        req.params.templateId,
        {
          // The validator checked it is a whole number; it comes as text.
          version: version === undefined ? undefined : Number(version),
          entityRef,
        },
        credentials,
      ),
    );
  });

  router.put('/survey-templates/:templateId', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      await surveyTemplates.update(
        req.params.templateId,
        req.body,
        credentials,
      ),
    );
  });
}
