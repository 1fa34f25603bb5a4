import { CompoundEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

// The catalog's default rules for the three parts of an entity ref (those of
// @backstage/catalog-model's makeValidator); lengths are the OpenAPI document's.
const RULES = {
  kind: {
    pattern: /^[a-zA-Z][a-zA-Z0-9]*$/,
    says: 'letters and digits, starting with a letter',
  },
  namespace: {
    pattern: /^[a-z0-9]+(?:-+[a-z0-9]+)*$/,
    says: "letters, digits and '-' between them",
  },
  name: {
    pattern: /^(?:[a-zA-Z0-9][-_.a-zA-Z0-9]*)?[a-zA-Z0-9]$/,
    says: "letters, digits, '-', '_' and '.', starting and ending with a letter or digit",
  },
} as const;

/**
 * The entity addressed by `:kind/:namespace/:name`, as in the catalog's
 * by-name API. A part no entity can have is answered here with a 400 naming
 * the parameter, rather than asking the catalog (whose error would otherwise
 * come back nested in ours).
 */
export function entityRefFromParams(params: {
  kind: string;
  namespace: string;
  name: string;
}): CompoundEntityRef {
  const ref = {
    kind: params.kind.toLocaleLowerCase('en-US'),
    namespace: params.namespace.toLocaleLowerCase('en-US'),
    name: params.name,
  };
  const problems = (Object.keys(RULES) as Array<keyof typeof RULES>)
    .filter(part => !RULES[part].pattern.test(ref[part]))
    .map(
      part =>
        `path parameter ${part} '${params[part].slice(
          0,
          100,
        )}' is not a valid entity ${part} (${RULES[part].says})`,
    );
  if (problems.length > 0) {
    throw new InputError(`Invalid entity reference: ${problems.join('; ')}`);
  }
  return ref;
}
