/**
 * Types, permissions, the API client and the pure logic shared by the System
 * Product frontend and backend plugins.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './permissions';
export * from './canvas/types';
export * from './canvas/focusQuestions';
export * from './api/SystemProductApi';
export * from './api/SystemProductClient';
export * from './survey/types';
export * from './survey/scores';
export * from './survey/templates';
export * from './moments/types';
export * from './review/types';
export * from './review/exportReview';
export * from './journey/types';
export * from './roadmap/types';
export * from './portfolio/types';
export * from './portfolio/priority';
export * from './slo/windows';
export * from './slo/budget';
export * from './slo/alerts';
export * from './slo/dora';
export * from './slo/openslo';
export * from './slo/exportOpenSlo';
export * from './slo/entitySlos';
export * from './events/types';
export type {
  /** Every path of the REST API (generated from its OpenAPI document). @public */
  paths as SystemProductApiPaths,
  /** Every schema of the REST API (generated from its OpenAPI document). @public */
  components as SystemProductApiComponents,
  /** Every operation of the REST API (generated from its OpenAPI document). @public */
  operations as SystemProductApiOperations,
} from './schema/openapi.generated';
export type { SystemProductApiSchemas } from './schema/schemas';
