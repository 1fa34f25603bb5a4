import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { systemProductPermissions } from '@system-product/backstage-plugin-common';
import { systemProductSliSourcesExtensionPoint } from '@system-product/backstage-plugin-node';
import { KnexCanvasStore } from './database/CanvasStore';
import { applyDatabaseMigrations } from './database/migrations';
import { createRouter } from './router/createRouter';
import { CanvasService } from './services/CanvasService';
import { EntityAccess } from './services/EntityAccess';
import { SliSourceRegistry } from './slo/SliSourceRegistry';

/**
 * The System Product backend plugin, serving `/api/system-product`.
 *
 * @public
 */
export const systemProductPlugin = createBackendPlugin({
  pluginId: 'system-product',
  register(env) {
    const sliSources = new SliSourceRegistry();
    env.registerExtensionPoint(systemProductSliSourcesExtensionPoint, {
      addSliSource: (...sources) => sliSources.add(...sources),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        database,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        auditor,
        catalog,
      }) {
        const db = await applyDatabaseMigrations(database);
        const access = new EntityAccess(catalog, permissions);
        const canvases = new CanvasService(
          new KnexCanvasStore(db),
          access,
          auditor,
        );

        permissionsRegistry.addPermissions(systemProductPermissions);
        httpRouter.use(
          createRouter({
            canvases,
            httpAuth,
            maxBodySize:
              config.getOptionalString('systemProduct.maxBodySize') ?? '256kb',
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
