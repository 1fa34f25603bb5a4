import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** How the actions describe their `entityRef` input to a caller. */
export const ENTITY_REF_DESCRIPTION =
  'Entity ref of the system product, e.g. "system:default/ci-cd-pipeline". A bare name is a System in the default namespace.';

/**
 * The entity an action's `entityRef` input names. Assistants often give a bare
 * name, so a ref without a kind is a System and without a namespace is in
 * `default`.
 */
export function parseEntityRefInput(value: string): CompoundEntityRef {
  try {
    return parseEntityRef(value.trim(), {
      defaultKind: 'system',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `"${value}" is not an entity ref; write kind:namespace/name, e.g. system:default/ci-cd-pipeline`,
      error,
    );
  }
}
