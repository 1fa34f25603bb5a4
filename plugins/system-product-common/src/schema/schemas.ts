import { components } from './openapi.generated';

/**
 * The schemas of the REST API (`openapi.yaml`), by name: the source of the
 * shared types.
 *
 * @public
 */
export type SystemProductApiSchemas = components['schemas'];
