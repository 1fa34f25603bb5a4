import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { Canvas, CanvasUpdate } from '../canvas/types';
import { SystemProductApi } from './SystemProductApi';

/** The plugin id under which the backend is mounted. @public */
export const SYSTEM_PRODUCT_PLUGIN_ID = 'system-product';

/**
 * HTTP client of the System Product backend. Works in the browser (with
 * Backstage's `discoveryApi` and `fetchApi`) and in backend modules (with the
 * discovery service and a fetch that adds credentials).
 *
 * @public
 */
export class SystemProductClient implements SystemProductApi {
  private readonly discoveryApi: {
    getBaseUrl(pluginId: string): Promise<string>;
  };
  private readonly fetchApi: { fetch: typeof fetch };

  constructor(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    fetchApi?: { fetch: typeof fetch };
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: globalThis.fetch };
  }

  async getCanvas(entity: CompoundEntityRef): Promise<Canvas> {
    return this.request<Canvas>(`${entityPath(entity)}/canvas`);
  }

  async updateCanvas(
    entity: CompoundEntityRef,
    update: CanvasUpdate,
  ): Promise<Canvas> {
    return this.request<Canvas>(`${entityPath(entity)}/canvas`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(update),
    });
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(
      SYSTEM_PRODUCT_PLUGIN_ID,
    );
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/**
 * The path of an entity's resources, addressed as in the catalog's by-name API.
 *
 * @public
 */
export function entityPath(entity: CompoundEntityRef): string {
  const parts = [
    entity.kind.toLocaleLowerCase('en-US'),
    entity.namespace,
    entity.name,
  ];
  return `/entities/${parts.map(encodeURIComponent).join('/')}`;
}
