/**
 * Test harness shared by the System Product backend and its modules.
 *
 * @packageDocumentation
 */

export { eventually } from './eventually';
export { testDatabaseIds } from './testDatabaseIds';
export {
  WEBHOOK_TIMEOUT_MS,
  eventsModulesFromDist,
  webhookTestBackendFeatures,
} from './webhookTestBackend';
