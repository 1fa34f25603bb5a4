import { CompoundEntityRef } from '@backstage/catalog-model';

/** The entity addressed by `:kind/:namespace/:name`, as in the catalog's by-name API. */
export function entityRefFromParams(params: {
  kind: string;
  namespace: string;
  name: string;
}): CompoundEntityRef {
  return {
    kind: params.kind.toLocaleLowerCase('en-US'),
    namespace: params.namespace.toLocaleLowerCase('en-US'),
    name: params.name,
  };
}
