import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { SystemProductCollatorFactory } from './SystemProductCollatorFactory';

const SCHEDULE_KEY = 'search.collators.systemProduct.schedule';

/** Like the catalog collator's: canvases change by hand, not by the second. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 30 },
};

/**
 * Search backend module that indexes the canvases and roadmap items of every
 * system product.
 *
 * @public
 */
export const searchModuleSystemProductCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'system-product-collator',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({
        config,
        scheduler,
        auth,
        discovery,
        logger,
        catalog,
        indexRegistry,
      }) {
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(readSchedule(config)),
          factory: new SystemProductCollatorFactory({
            auth,
            discovery,
            catalog,
            logger,
          }),
        });
      },
    });
  },
});

function readSchedule(
  config: RootConfigService,
): SchedulerServiceTaskScheduleDefinition {
  const schedule = config.getOptionalConfig(SCHEDULE_KEY);
  if (!schedule) return DEFAULT_SCHEDULE;
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule);
  } catch (error) {
    throw new InputError(`Invalid schedule at ${SCHEDULE_KEY}`, error);
  }
}
