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

/**
 * Decides who may see and change the system-product data of an entity: seeing
 * follows the catalog's visibility for the caller, changing is a permission
 * check on the entity.
 */
export class EntityAccess {
  constructor(
    private readonly catalog: CatalogService,
    private readonly permissions: PermissionsService,
  ) {}

  /**
   * The entity as the caller sees it. An entity the caller may not see is
   * reported exactly like one that does not exist, so its existence does not leak.
   */
  async getVisibleEntity(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.catalog
      .getEntityByRef(ref, { credentials })
      .catch(error => {
        throw catalogFailure(error, ref);
      });
    if (!entity) {
      throw new NotFoundError(`No entity ${stringifyEntityRef(ref)} found`);
    }
    return entity;
  }

  /**
   * Checks that the caller sees the entity a resource (a survey round, a
   * roadmap item) belongs to. When they do not, the resource itself does not
   * exist for them: `notFound` is thrown, naming the resource, not the entity.
   */
  async assertResourceVisible(
    entityRef: string,
    credentials: BackstageCredentials,
    notFound: NotFoundError,
  ): Promise<void> {
    try {
      await this.getVisibleEntity(parseEntityRef(entityRef), credentials);
    } catch (error) {
      throw (error as Error).name === 'NotFoundError' ? notFound : error;
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
