import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { systemProductPermissions } from '@system-product/backstage-plugin-common';
import { createSystemProductActions } from './actions/createSystemProductActions';
import { readSystemProductConfig } from './config';
import { registerExtensionPoints } from './extensionPoints';
import { createStores } from './database/createStores';
import { applyDatabaseMigrations } from './database/migrations';
import { maintainEventPartitions, scheduleJobs } from './jobs/scheduleJobs';
import { createRouter } from './router/createRouter';
import { createServices } from './services/createServices';

/**
 * The System Product backend plugin, serving `/api/system-product`.
 *
 * @public
 */
export const systemProductPlugin = createBackendPlugin({
  pluginId: 'system-product',
  register(env) {
    const { sliSources, eventProviders } = registerExtensionPoints(env);

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        urlReader: coreServices.urlReader,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        notifications: notificationService,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const settings = readSystemProductConfig(deps.config);
        const db = await applyDatabaseMigrations(deps.database);
        const services = await createServices({
          ...deps,
          stores: createStores(db, settings),
          settings,
          sliSources,
        });
        // The months ahead have their event partitions before any is
        // stored; the daily task tries again when this fails.
        await maintainEventPartitions({ ...deps, settings, services }).catch(
          error =>
            deps.logger.warn(
              `Could not make the delivery event partitions ahead: ${error}`,
            ),
        );
        await scheduleJobs({ ...deps, settings, services });
        for (const provider of eventProviders) {
          await provider.connect(services.externalEvents);
        }

        deps.permissionsRegistry.addPermissions(systemProductPermissions);
        createSystemProductActions({ ...deps, ...services });
        deps.httpRouter.use(
          createRouter({
            ...deps,
            ...services,
            maxBodySize: settings.maxBodySize,
            validateResponses: settings.validateResponses,
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
