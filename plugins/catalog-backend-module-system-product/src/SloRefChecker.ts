import { UrlReaderService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import {
  CatalogProcessorCache,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import { ANNOTATION_SLO_REF } from '@system-product/backstage-plugin-common';
import { SloRef, resolveSloRef } from '@system-product/backstage-plugin-node';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';

/** What the processor remembers between runs: the last good read's ETag. */
const CACHE_KEY = 'slo-ref';

/**
 * Checks that the OpenSLO file named by `system-product/slo-ref` can be read,
 * found by `resolveSloRef`, the rule the System Product backend reads it by:
 * through the UrlReader for URLs, from disk for `file` locations.
 */
export class SloRefChecker {
  constructor(private readonly reader: UrlReaderService) {}

  /**
   * A problem sentence, or undefined when the file can be read. URL reads
   * carry the ETag of the last good read, so an unchanged file costs a
   * conditional request and no download.
   */
  async check(
    ref: SloRef,
    location: LocationSpec,
    cache: CatalogProcessorCache,
  ): Promise<string | undefined> {
    const source = resolveSloRef(ref, location);
    if ('problem' in source) return source.problem;
    if (source.type === 'url') return this.checkUrl(source.target, cache);
    return this.checkFile(source.target, ref, location.target);
  }

  private async checkUrl(
    url: string,
    cache: CatalogProcessorCache,
  ): Promise<string | undefined> {
    const cached = await cache.get<{ url: string; etag: string }>(CACHE_KEY);
    try {
      const response = await this.reader.readUrl(
        url,
        cached?.url === url ? { etag: cached.etag } : undefined,
      );
      // Consumed so the reader releases the connection; OpenSLO files are small.
      await response.buffer();
      if (response.etag && response.etag !== cached?.etag) {
        await cache.set(CACHE_KEY, { url, etag: response.etag });
      }
      return undefined;
    } catch (error) {
      if (isError(error) && error.name === 'NotModifiedError') {
        return undefined;
      }
      if (isError(error) && error.name === 'NotFoundError') {
        return `${ANNOTATION_SLO_REF}: ${url} does not exist`;
      }
      return `${ANNOTATION_SLO_REF}: ${url} cannot be read: ${
        isError(error) ? error.message : String(error)
      }`;
    }
  }

  private async checkFile(
    file: string,
    ref: SloRef,
    catalogFile: string,
  ): Promise<string | undefined> {
    const path = ref.type === 'relative' ? ref.path : file;
    try {
      if (!(await stat(file)).isFile()) {
        return `${ANNOTATION_SLO_REF}: ${file} is not a file`;
      }
      await access(file, constants.R_OK);
      return undefined;
    } catch (error) {
      if (isError(error) && (error as { code?: string }).code === 'ENOENT') {
        return `${ANNOTATION_SLO_REF}: ${file} does not exist ("${path}" relative to ${catalogFile})`;
      }
      return `${ANNOTATION_SLO_REF}: ${file} cannot be read: ${
        isError(error) ? error.message : String(error)
      }`;
    }
  }
}
