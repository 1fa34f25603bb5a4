import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { SystemProductAnnotationsProcessor } from './SystemProductAnnotationsProcessor';
import { SurveyTemplateChecker } from './SurveyTemplateChecker';

/**
 * Catalog module that checks the `system-product/*` annotations of every
 * entity and shows what is wrong in the catalog's error panel.
 *
 * @public
 */
export const catalogModuleSystemProductAnnotations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'system-product-annotations',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        reader: coreServices.urlReader,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
      },
      async init({ catalog, reader, ...deps }) {
        catalog.addProcessor(
          new SystemProductAnnotationsProcessor({
            reader,
            surveyTemplates: new SurveyTemplateChecker(deps),
          }),
        );
      },
    });
  },
});
