import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCanvasAction } from './actions/createCanvasAction';

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
      },
      async init({ scaffolder, auth, discovery }) {
        scaffolder.addActions(createCanvasAction({ auth, discovery }));
      },
    });
  },
});
