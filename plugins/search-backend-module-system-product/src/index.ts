/**
 * Search backend module that puts System Product canvases and roadmap items
 * into Backstage search.
 *
 * @packageDocumentation
 */

export { searchModuleSystemProductCollator as default } from './module';
export { SystemProductCollatorFactory } from './SystemProductCollatorFactory';
export {
  SYSTEM_PRODUCT_DOCUMENT_TYPE,
  type SystemProductDocument,
} from './systemProductDocuments';
