/**
 * Scaffolder actions that start a new system product.
 *
 * @packageDocumentation
 */

export { scaffolderModuleSystemProduct as default } from './module';
export { createCanvasAction } from './actions/createCanvasAction';
