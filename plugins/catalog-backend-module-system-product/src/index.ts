/**
 * Catalog backend module that checks the `system-product/*` annotations of
 * every entity and reports bad values in the catalog's error panel.
 *
 * @packageDocumentation
 */

export { catalogModuleSystemProductAnnotations as default } from './module';
export { SystemProductAnnotationsProcessor } from './SystemProductAnnotationsProcessor';
export { SurveyTemplateChecker } from './SurveyTemplateChecker';
