import { UrlReaderService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import {
  CatalogProcessorCache,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import { ANNOTATION_SLO_REF } from '@system-product/backstage-plugin-common';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { SloRefTarget } from './annotationProblems';

/** What the processor remembers between runs: the last good read's ETag. */
const CACHE_KEY = 'slo-ref';

/**
 * Checks that the OpenSLO file named by `system-product/slo-ref` can be read,
 * resolving a relative path the way the System Product backend does when it
 * reads the file (its `SloFileReader`): against the entity's own catalog
 * location, through the UrlReader for `url` locations, from disk for `file`
 * locations, and never outside the catalog file's folder.
 */
export class SloRefChecker {
  constructor(private readonly reader: UrlReaderService) {}

  /**
   * A problem sentence, or undefined when the file can be read. URL reads
   * carry the ETag of the last good read, so an unchanged file costs a
   * conditional request and no download.
   */
  async check(
    target: SloRefTarget,
    location: LocationSpec,
    cache: CatalogProcessorCache,
  ): Promise<string | undefined> {
    if (target.type === 'url') {
      return this.checkUrl(target.url, cache);
    }
    if (location.type === 'url') {
      let url: string;
      try {
        url = new URL(target.path, location.target).toString();
      } catch {
        return `${ANNOTATION_SLO_REF}: "${target.path}" cannot be resolved against ${location.target}`;
      }
      return this.checkUrl(url, cache);
    }
    if (location.type === 'file') {
      return this.checkFile(target.path, location.target);
    }
    return `${ANNOTATION_SLO_REF}: "${target.path}" is relative, but the entity comes from a ${location.type} location it cannot be resolved against; use url:<absolute URL>`;
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
    path: string,
    catalogFile: string,
  ): Promise<string | undefined> {
    const base = dirname(catalogFile);
    const file = resolve(base, path);
    if (relative(base, file).startsWith('..')) {
      return `${ANNOTATION_SLO_REF}: "${path}" leaves the folder of the entity's catalog file ${catalogFile}`;
    }
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
