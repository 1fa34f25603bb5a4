import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { systemProductSliSourcesExtensionPoint } from '@system-product/backstage-plugin-node';
import { PrometheusSliSource } from './PrometheusSliSource';

/**
 * Adds the SLI source for OpenSLO `metricSource.type: Prometheus` to the
 * System Product backend, reading the servers of
 * `systemProduct.prometheus.instances`. It queries nothing at start-up: with
 * no instance configured the backend starts, and SLOs of that type say so.
 *
 * @public
 */
export const systemProductModulePrometheus = createBackendModule({
  pluginId: 'system-product',
  moduleId: 'prometheus',
  register(reg) {
    reg.registerInit({
      deps: {
        sources: systemProductSliSourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ sources, config, logger }) {
        const source = PrometheusSliSource.fromConfig(config);
        const names = source.instanceNames;
        logger.info(
          names.length > 0
            ? `Prometheus SLI source reads ${names.join(', ')} (default ${
                names[0]
              })`
            : 'Prometheus SLI source: no Prometheus instance configured (systemProduct.prometheus.instances); its SLOs show no data',
        );
        sources.addSliSource(source);
      },
    });
  },
});
