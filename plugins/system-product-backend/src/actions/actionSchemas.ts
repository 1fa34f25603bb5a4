import { ActionsRegistryActionOptions } from '@backstage/backend-plugin-api/alpha';
import { ENTITY_REF_DESCRIPTION } from './parseEntityRefInput';

/** The zod the actions registry hands to an action's schema callbacks. */
export type Zod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

/** The `entityRef` input of every action. */
export const entityRefField = (z: Zod) =>
  z.string().min(1).describe(ENTITY_REF_DESCRIPTION);

/** `NonBlankName` of the OpenAPI document: 1 to 200 characters, not blank. */
export const nonBlankName = (z: Zod) =>
  z.string().min(1).max(200).regex(/\S/, 'must not be blank');
