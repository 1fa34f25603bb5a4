import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCanvasAction } from './actions/createCanvasAction';
import { createGenerateSlosAction } from './actions/createGenerateSlosAction';
import { createPublishDirectoryAction } from './actions/createPublishDirectoryAction';

/**
 * Adds the System Product actions to the scaffolder.
 *
 * @public
 */
export const scaffolderModuleSystemProduct = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'system-product',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, auth, discovery, config, catalog }) {
        scaffolder.addActions(
          createCanvasAction({ auth, discovery, catalog }),
          createGenerateSlosAction(),
          createPublishDirectoryAction({ config, catalog, auth }),
        );
      },
    });
  },
});
