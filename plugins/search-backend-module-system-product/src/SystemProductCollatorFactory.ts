import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { isError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  SYSTEM_PRODUCT_ANNOTATIONS,
  SYSTEM_PRODUCT_PLUGIN_ID,
  SystemProductApi,
  SystemProductClient,
  isSystemProductEntity,
} from '@system-product/backstage-plugin-common';
import { Readable } from 'node:stream';
import {
  SYSTEM_PRODUCT_DOCUMENT_TYPE,
  SystemProductDocument,
  canvasDocument,
  roadmapItemDocument,
} from './systemProductDocuments';

/** Entities read from the catalog per request. */
const PAGE_SIZE = 200;
/** Entities whose canvas and roadmap are fetched at the same time. */
const CONCURRENCY = 5;
/** All the documents need of an entity. */
const ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
];

type QueryRequest = NonNullable<Parameters<CatalogService['queryEntities']>[0]>;
type EntityQuery = NonNullable<
  Extract<QueryRequest, { query?: unknown }>['query']
>;

/** Systems and entities with any system-product annotation. */
const SYSTEM_PRODUCT_QUERY: EntityQuery = {
  $any: [
    { kind: 'system' },
    ...SYSTEM_PRODUCT_ANNOTATIONS.map(
      annotation =>
        // A computed key reads as an index signature, which the predicate type
        // rejects because it would also allow `$` operator keys.
        ({
          [`metadata.annotations.${annotation}`]: { $exists: true },
        } as EntityQuery),
    ),
  ],
};

/**
 * Collates the canvases and roadmap items of every system product for
 * Backstage search: one document per saved canvas and one per roadmap item.
 *
 * @public
 */
export class SystemProductCollatorFactory implements DocumentCollatorFactory {
  readonly type = SYSTEM_PRODUCT_DOCUMENT_TYPE;
  // The search backend checks each document's entity with the catalog's own
  // read rules for the person searching.
  readonly visibilityPermission = catalogEntityReadPermission;

  private readonly api: SystemProductApi;

  constructor(
    private readonly options: {
      auth: AuthService;
      discovery: DiscoveryService;
      catalog: CatalogService;
      logger: LoggerService;
    },
  ) {
    const { auth, discovery } = options;
    this.api = new SystemProductClient({
      discoveryApi: discovery,
      fetchApi: {
        // The System Product backend checks what the caller may see, so every
        // request carries the search plugin's own service token.
        fetch: async (input, init) => {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: SYSTEM_PRODUCT_PLUGIN_ID,
          });
          const headers = new Headers(init?.headers);
          headers.set('Authorization', `Bearer ${token}`);
          return fetch(input, { ...init, headers });
        },
      },
    });
  }

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<SystemProductDocument> {
    for await (const page of this.systemProducts()) {
      for (let i = 0; i < page.length; i += CONCURRENCY) {
        const chunk = page.slice(i, i + CONCURRENCY);
        const results = await Promise.all(chunk.map(e => this.documentsOf(e)));
        for (const documents of results) {
          yield* documents;
        }
      }
    }
  }

  /** Pages of the system products in the catalog, as the search plugin sees them. */
  private async *systemProducts(): AsyncGenerator<Entity[]> {
    const { auth, catalog } = this.options;
    let cursor: string | undefined;
    do {
      const credentials = await auth.getOwnServiceCredentials();
      const response = await catalog.queryEntities(
        cursor
          ? { cursor, fields: ENTITY_FIELDS, limit: PAGE_SIZE }
          : {
              // Narrowed by the catalog; isSystemProductEntity has the last word
              // (e.g. on system-product/enabled: "false").
              query: SYSTEM_PRODUCT_QUERY,
              fields: ENTITY_FIELDS,
              limit: PAGE_SIZE,
              totalItems: 'exclude',
            },
        { credentials },
      );
      yield response.items.filter(isSystemProductEntity);
      cursor = response.pageInfo.nextCursor;
    } while (cursor);
  }

  /**
   * The canvas and roadmap documents of one entity. A 404 means there is
   * nothing to index; any other failure skips the entity so one broken system
   * does not stop the others from being indexed.
   */
  private async documentsOf(entity: Entity): Promise<SystemProductDocument[]> {
    const ref = {
      kind: entity.kind,
      namespace: entity.metadata.namespace ?? 'default',
      name: entity.metadata.name,
    };
    try {
      const [canvas, roadmap] = await Promise.all([
        this.api.getCanvas(ref).catch(orNotFound),
        this.api.getRoadmap(ref).catch(orNotFound),
      ]);
      const canvasDoc = canvas && canvasDocument(entity, canvas);
      return [
        ...(canvasDoc ? [canvasDoc] : []),
        ...(roadmap ?? []).map(item => roadmapItemDocument(entity, item)),
      ];
    } catch (error) {
      this.options.logger.warn(
        `Not indexing the system product ${stringifyEntityRef(entity)}: ${
          isError(error) ? error.message : String(error)
        }`,
      );
      return [];
    }
  }
}

/** Undefined for a 404 answer; rethrows anything else. */
function orNotFound(error: unknown): undefined {
  if (
    isError(error) &&
    error.name === 'ResponseError' &&
    (error as { response?: { status?: number } }).response?.status === 404
  ) {
    return undefined;
  }
  throw error;
}
