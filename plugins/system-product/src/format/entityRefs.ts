import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  makeValidator,
  parseEntityRef,
} from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';

const validator = makeValidator();

function validRef(
  text: string,
  defaultKind?: string,
): CompoundEntityRef | undefined {
  try {
    const ref = parseEntityRef(text, {
      defaultKind,
      defaultNamespace: DEFAULT_NAMESPACE,
    });
    return validator.isValidKind(ref.kind) &&
      validator.isValidNamespace(ref.namespace) &&
      validator.isValidEntityName(ref.name)
      ? ref
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The group or user an owner field names, for `EntityRefLink`. As the catalog
 * reads `spec.owner`, `guests`, `group:guests` and `group:default/guests` are
 * the same group. Undefined when it is empty or free text that names no
 * entity ("Ada Lovelace"): show the text as it is.
 */
export function ownerRef(
  owner: string | null | undefined,
): CompoundEntityRef | undefined {
  const text = owner?.trim();
  return text ? validRef(text, 'group') : undefined;
}

/**
 * An owner as text, the way `EntityDisplayName` names it without the catalog
 * at hand ("guests" for `group:default/guests`): for sorting, filtering and
 * sentences. Free text stays as it is.
 */
export function ownerName(owner: string | null | undefined): string {
  const ref = ownerRef(owner);
  if (!ref) return owner?.trim() ?? '';
  return humanizeEntityRef(ref, { defaultKind: 'group' });
}

/**
 * The user who saved a change, for `EntityRefLink`: only a ref of kind User
 * names one. Undefined for a service or other principal
 * (`system-product-demo-seed`), which has no catalog page.
 */
export function userRef(
  principal: string | null | undefined,
): CompoundEntityRef | undefined {
  const ref = principal ? validRef(principal.trim()) : undefined;
  return ref?.kind.toLocaleLowerCase('en-US') === 'user' ? ref : undefined;
}
