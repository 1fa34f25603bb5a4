import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** Prefix shared by every annotation this plugin suite reads. @public */
export const SYSTEM_PRODUCT_ANNOTATION_PREFIX = 'system-product/';

/** `"true"` opts an entity of any kind in. @public */
export const ANNOTATION_ENABLED = 'system-product/enabled';
/** Comma-separated entity refs of the primary user groups. @public */
export const ANNOTATION_USERS = 'system-product/users';
/** Location of the entity's OpenSLO file (`url:` or a relative path). @public */
export const ANNOTATION_SLO_REF = 'system-product/slo-ref';
/** Survey template id to use, or `off`. @public */
export const ANNOTATION_SURVEY = 'system-product/survey';

/** Every annotation key the plugins understand. @public */
export const SYSTEM_PRODUCT_ANNOTATIONS = [
  ANNOTATION_ENABLED,
  ANNOTATION_USERS,
  ANNOTATION_SLO_REF,
  ANNOTATION_SURVEY,
] as const;

/**
 * Whether an entity is a system product: kind System entities are by default
 * (they show an empty state inviting the owner to start), other kinds opt in by
 * carrying any `system-product/` annotation. `system-product/enabled: "false"`
 * opts any entity out.
 *
 * @public
 */
export function isSystemProductEntity(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  const enabled = annotations[ANNOTATION_ENABLED];
  if (enabled !== undefined) {
    return enabled.trim().toLowerCase() === 'true';
  }
  if (entity.kind.toLowerCase() === 'system') {
    return true;
  }
  return Object.keys(annotations).some(key =>
    key.startsWith(SYSTEM_PRODUCT_ANNOTATION_PREFIX),
  );
}

/**
 * The primary user groups named by `system-product/users`, as full entity
 * refs: a short ref such as `mobile` is `group:default/mobile`, one without a
 * namespace takes the entity's. Empty items and refs that do not parse are left
 * out (the catalog processor reports those).
 *
 * @public
 */
export function getSystemProductUsers(entity: Entity): string[] {
  const value = entity.metadata.annotations?.[ANNOTATION_USERS] ?? '';
  const refs = new Set<string>();
  for (const item of value.split(',')) {
    const text = item.trim();
    if (!text) continue;
    try {
      refs.add(
        stringifyEntityRef(
          parseEntityRef(text, {
            defaultKind: 'group',
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        ),
      );
    } catch {
      // Not an entity ref: reported by the catalog processor, ignored here.
    }
  }
  return [...refs];
}

/**
 * The entity ref of the entity's owner (`spec.owner`), if it has one.
 *
 * @public
 */
export function getEntityOwner(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  return typeof owner === 'string' && owner.length > 0 ? owner : undefined;
}

/**
 * The path of the entity's page in the catalog, as the catalog's own collator
 * writes it: lower case and encoded, like the catalog's entity route expects.
 * Notifications and search results link here.
 *
 * @public
 */
export function entityPagePath(entity: Entity): string {
  const parts = [
    entity.metadata.namespace || 'default',
    entity.kind,
    entity.metadata.name,
  ].map(part => encodeURIComponent(part.toLocaleLowerCase('en-US')));
  return `/catalog/${parts.join('/')}`;
}
