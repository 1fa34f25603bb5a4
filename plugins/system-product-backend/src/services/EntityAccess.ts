import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/** Default of `systemProduct.access.cacheTtl`: 5 seconds. */
export const DEFAULT_ACCESS_CACHE_TTL_MS = 5_000;
/** Most entries the visibility cache holds; the oldest go first beyond it. */
const DEFAULT_CACHE_ENTRIES = 10_000;

/** Options of {@link EntityAccess}. */
export interface EntityAccessOptions {
  /**
   * How long an entity the catalog returned to a caller is reused for the
   * same caller, in milliseconds (`systemProduct.access.cacheTtl`); 0 asks
   * the catalog every time. Default {@link DEFAULT_ACCESS_CACHE_TTL_MS}.
   */
  cacheTtlMs?: number;
  /** Most cached entries (callers × entities). Default 10,000. */
  cacheEntries?: number;
  /** The clock, in milliseconds; for tests. */
  now?: () => number;
}

/**
 * Decides who may see and change the system-product data of an entity: seeing
 * follows the catalog's visibility for the caller, changing is a permission
 * check on the entity.
 *
 * What the catalog returned to a caller is kept for a few seconds
 * (`cacheTtlMs`), per caller and entity: a page's requests, and a client
 * polling, ask the catalog once, not once a request. An entry belongs to one
 * principal (a user, with the service acting for them if any; a service, with
 * its access restrictions) and is never used for another. Only entities the
 * catalog returned are kept: an entity not found, refused or not looked up
 * because the catalog failed is asked for again next time. A change in the
 * catalog (an entity removed, its visibility narrowed) reaches a caller who
 * has just seen the entity at most `cacheTtlMs` later; changes, which are
 * permission checks, are never cached.
 */
export class EntityAccess {
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** principal key + entity ref → what the catalog returned, and until when. */
  private readonly visible = new Map<
    string,
    { entity: Entity; expiresAt: number }
  >();

  constructor(
    private readonly catalog: CatalogService,
    private readonly permissions: PermissionsService,
    options: EntityAccessOptions = {},
  ) {
    const ttl = options.cacheTtlMs ?? DEFAULT_ACCESS_CACHE_TTL_MS;
    if (!Number.isFinite(ttl) || ttl < 0) {
      throw new Error(
        `The entity visibility cache TTL must be 0 or more ms, got ${ttl}`,
      );
    }
    this.ttlMs = ttl;
    this.maxEntries = options.cacheEntries ?? DEFAULT_CACHE_ENTRIES;
    this.now = options.now ?? Date.now;
  }

  /**
   * The entity as the caller sees it. An entity the caller may not see is
   * reported exactly like one that does not exist, so its existence does not leak.
   */
  async getVisibleEntity(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const caller = this.ttlMs > 0 ? callerKey(credentials) : undefined;
    const key =
      caller &&
      `${caller}\n${stringifyEntityRef(ref).toLocaleLowerCase('en-US')}`;
    if (key) {
      const cached = this.visible.get(key);
      if (cached && cached.expiresAt > this.now()) return cached.entity;
      if (cached) this.visible.delete(key);
    }
    const entity = await this.catalog
      .getEntityByRef(ref, { credentials })
      .catch(error => {
        throw catalogFailure(error, ref);
      });
    if (!entity) {
      throw new NotFoundError(`No entity ${stringifyEntityRef(ref)} found`);
    }
    if (key) this.remember(key, entity);
    return entity;
  }

  private remember(key: string, entity: Entity): void {
    this.visible.delete(key);
    this.visible.set(key, { entity, expiresAt: this.now() + this.ttlMs });
    if (this.visible.size <= this.maxEntries) return;
    // Expired entries first, then the oldest.
    const now = this.now();
    for (const [k, v] of this.visible) {
      if (v.expiresAt <= now) this.visible.delete(k);
    }
    for (const k of this.visible.keys()) {
      if (this.visible.size <= this.maxEntries) break;
      this.visible.delete(k);
    }
  }

  /**
   * Checks that the caller sees the entity a resource (a survey round, a
   * roadmap item) belongs to. When they do not, the resource itself does not
   * exist for them: `notFound` is thrown, naming the resource, not the entity
   * (given as a function, it is made only then).
   */
  async assertResourceVisible(
    entityRef: string,
    credentials: BackstageCredentials,
    notFound: NotFoundError | (() => NotFoundError),
  ): Promise<void> {
    try {
      await this.getVisibleEntity(parseEntityRef(entityRef), credentials);
    } catch (error) {
      if ((error as Error).name !== 'NotFoundError') throw error;
      throw typeof notFound === 'function' ? notFound() : notFound;
    }
  }

  /** Throws `NotAllowedError` unless the caller holds `permission` on the entity. */
  async authorizeChange(
    entityRef: string,
    permission: ResourcePermission<'catalog-entity'>,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not change ${
          permission.name.split('.')[1]
        } data of ${entityRef}; ask one of its owners`,
      );
    }
  }
}

/**
 * Our own error for a catalog that refused or failed a lookup: the catalog's
 * error body (with its cause and, in development, its stack) is not passed
 * on nested in ours.
 */
function catalogFailure(error: unknown, ref: CompoundEntityRef): Error {
  if (!ResponseError.is(error)) return error as Error;
  const entityRef = stringifyEntityRef(ref);
  const said = error.body?.error?.message ?? error.statusText;
  if (error.statusCode === 400) {
    return new InputError(
      `The catalog refused the entity reference ${entityRef}: ${said}`,
    );
  }
  if (error.statusCode === 404) {
    return new NotFoundError(`No entity ${entityRef} found`);
  }
  return new ServiceUnavailableError(
    `The catalog could not look up ${entityRef} (it answered ${error.statusCode}); retry shortly`,
  );
}

/**
 * Who the catalog answers, as a cache key, or undefined for a caller whose
 * answers are not cached (no principal). A user's key names the service
 * acting for them, if any; a service's, its access restrictions, since one
 * subject does not name one token.
 */
function callerKey(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
    actor?: { subject?: string };
    accessRestrictions?: unknown;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    const actor = principal.actor?.subject;
    return JSON.stringify(['user', principal.userEntityRef, actor ?? null]);
  }
  if (principal.type === 'service' && principal.subject) {
    return JSON.stringify([
      'service',
      principal.subject,
      principal.accessRestrictions ?? null,
    ]);
  }
  return undefined;
}

/** A readable name of whoever holds the credentials, for revision history. */
export function principalRef(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return principal.userEntityRef;
  }
  if (principal.type === 'service' && principal.subject) {
    return principal.subject;
  }
  return principal.type;
}
