import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** How long an answer of the catalog is kept, "nobody" too. @public */
export const USER_LOOKUP_TTL_MS = 5 * 60_000;

interface Cached {
  userRef: Promise<string | undefined>;
  expires: number;
}

/**
 * The User entity that an annotation names a tool's account with, such as
 * `github.com/user-login: octocat`. Answers, including "nobody", are kept
 * for {@link USER_LOOKUP_TTL_MS}, so a burst of webhooks of one person asks
 * the catalog once. Modules that translate a tool's webhooks use it to name
 * the `actor` of their events.
 *
 * @public
 */
export class CatalogUserLookup {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  /**
   * The entity ref of the one User entity whose `annotation` is `value`, or
   * undefined when none is or several are (which of them it was cannot be
   * known). A catalog that fails gives undefined too, and is asked again for
   * the next event.
   */
  async userRefOf(
    annotation: string,
    value: string,
  ): Promise<string | undefined> {
    // The catalog compares annotation values ignoring letter case.
    const key = `${annotation}\n${value.toLocaleLowerCase('en-US')}`;
    const now = (this.deps.now ?? Date.now)();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) return hit.userRef;
    if (this.cache.size > 10_000) this.cache.clear();
    const userRef = this.lookUp(annotation, value).catch(error => {
      this.cache.delete(key);
      this.deps.logger.warn(
        `Could not look up the User entity with ${annotation}: ${value}, so its events have no actor: ${error}`,
      );
      return undefined;
    });
    this.cache.set(key, { userRef, expires: now + USER_LOOKUP_TTL_MS });
    return userRef;
  }

  private async lookUp(
    annotation: string,
    value: string,
  ): Promise<string | undefined> {
    const { catalog, auth, logger } = this.deps;
    const { items } = await catalog.getEntities(
      {
        filter: { kind: 'user', [`metadata.annotations.${annotation}`]: value },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
        // Two are enough to know that it is not one.
        limit: 2,
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    if (items.length === 1) return stringifyEntityRef(items[0]);
    logger.debug(
      items.length === 0
        ? `No User entity has ${annotation}: ${value}, so its events have no actor`
        : `More than one User entity has ${annotation}: ${value} (${items
            .map(item => stringifyEntityRef(item))
            .join(', ')}), so its events have no actor`,
    );
    return undefined;
  }
}
