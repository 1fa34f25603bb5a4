import {
  AuditorEvent,
  DefaultAuditorService,
} from '@backstage/backend-defaults/auditor';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';

/**
 * Backstage's own auditor (it resolves the actor from the request the same
 * way in production) writing its events into `events` instead of the log.
 */
export function capturingAuditor() {
  const events: AuditorEvent[] = [];
  const factory = createServiceFactory({
    service: coreServices.auditor,
    deps: {
      auth: coreServices.auth,
      httpAuth: coreServices.httpAuth,
      plugin: coreServices.pluginMetadata,
    },
    factory: deps =>
      DefaultAuditorService.create(async event => {
        events.push(event);
      }, deps),
  });
  return { events, factory };
}
