import { UrlReaderService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import {
  CatalogProcessorCache,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_SLO_REF,
  parseOpenSlo,
} from '@system-product/backstage-plugin-common';
import { SloRef, resolveSloRef } from '@system-product/backstage-plugin-node';
import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';

/** What the processor remembers between runs: the last good read's ETag and what its content said. */
const CACHE_KEY = 'slo-ref';

/** A problem of the annotation or of the file it names, with the level the catalog shows it at. */
export type SloRefProblem = {
  level: 'error' | 'warning';
  message: string;
};

/**
 * What is wrong inside an OpenSLO file, as the System Product backend will
 * read it: SLOs it leaves out are errors, what it assumed or ignores are
 * warnings. Nothing in the file goes unmentioned.
 */
export function openSloProblems(text: string, name: string): SloRefProblem[] {
  const documents = parseAllDocuments(text);
  const syntax = documents.flatMap(d => d.errors);
  if (syntax.length > 0) {
    return [
      {
        level: 'error',
        message: `${ANNOTATION_SLO_REF}: ${name} is not valid YAML: ${syntax[0].message}`,
      },
    ];
  }
  return parseOpenSlo(
    documents.map(d => d.toJS()),
    name,
  ).problems.map(p => ({
    level: p.severity === 'warning' ? 'warning' : 'error',
    message: `${ANNOTATION_SLO_REF}: ${name}, document ${p.document}${
      p.name ? ` (${p.name})` : ''
    }, ${p.field || 'document'}: ${p.message}`,
  }));
}

/**
 * Checks that the OpenSLO file named by `system-product/slo-ref` can be read,
 * found by `resolveSloRef`, the rule the System Product backend reads it by:
 * through the UrlReader for URLs, from disk for `file` locations.
 */
export class SloRefChecker {
  constructor(private readonly reader: UrlReaderService) {}

  /**
   * The problems of the file: that it cannot be read, or what is wrong in
   * its OpenSLO documents; none when it reads cleanly. URL reads carry the
   * ETag of the last good read, so an unchanged file costs a conditional
   * request and no download.
   */
  async check(
    ref: SloRef,
    location: LocationSpec,
    cache: CatalogProcessorCache,
  ): Promise<SloRefProblem[]> {
    const source = resolveSloRef(ref, location);
    const unreadable = (message: string | undefined): SloRefProblem[] =>
      message ? [{ level: 'error', message }] : [];
    if ('problem' in source) return unreadable(source.problem);
    if (source.type === 'url') return this.checkUrl(source.target, cache);
    const problem = await this.checkFile(source.target, ref, location.target);
    if (problem) return unreadable(problem);
    return openSloProblems(
      await readFile(source.target, 'utf8'),
      source.target,
    );
  }

  private async checkUrl(
    url: string,
    cache: CatalogProcessorCache,
  ): Promise<SloRefProblem[]> {
    const cached = await cache.get<{
      url: string;
      etag: string;
      problems?: SloRefProblem[];
    }>(CACHE_KEY);
    try {
      const response = await this.reader.readUrl(
        url,
        cached?.url === url ? { etag: cached.etag } : undefined,
      );
      const problems = openSloProblems(
        (await response.buffer()).toString('utf8'),
        url,
      );
      if (response.etag) {
        await cache.set(CACHE_KEY, { url, etag: response.etag, problems });
      }
      return problems;
    } catch (error) {
      if (isError(error) && error.name === 'NotModifiedError') {
        return cached?.problems ?? [];
      }
      const message =
        isError(error) && error.name === 'NotFoundError'
          ? `${ANNOTATION_SLO_REF}: ${url} does not exist`
          : `${ANNOTATION_SLO_REF}: ${url} cannot be read: ${
              isError(error) ? error.message : String(error)
            }`;
      return [{ level: 'error', message }];
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
