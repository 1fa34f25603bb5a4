import { ConflictError } from '@backstage/errors';
import { SliSource } from '@system-product/backstage-plugin-node';

/**
 * The SLI sources known to the backend, by OpenSLO `metricSource.type`: the
 * built-in `system-product` source, added when the plugin starts, and those
 * modules add through the extension point. One source per type.
 */
export class SliSourceRegistry {
  private readonly sources = new Map<string, SliSource>();

  add(...sources: SliSource[]): void {
    for (const source of sources) {
      if (this.sources.has(source.type)) {
        throw new ConflictError(
          `An SLI source for metric source type '${source.type}' is already registered`,
        );
      }
      this.sources.set(source.type, source);
    }
  }

  get(type: string): SliSource | undefined {
    return this.sources.get(type);
  }
}
