import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The System Product collator: canvases and roadmap items. */
      systemProduct?: {
        /**
         * When to collate. Defaults to every 10 minutes, 30 seconds after
         * start, with a 15 minute timeout.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
