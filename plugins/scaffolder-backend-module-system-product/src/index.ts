/**
 * Scaffolder actions that start a new system product.
 *
 * @packageDocumentation
 */

export { scaffolderModuleSystemProduct as default } from './module';
export { createCanvasAction } from './actions/createCanvasAction';
export { createGenerateSlosAction } from './actions/createGenerateSlosAction';
export {
  createPublishDirectoryAction,
  PUBLISH_DIRECTORY_CONFIG,
} from './actions/createPublishDirectoryAction';
