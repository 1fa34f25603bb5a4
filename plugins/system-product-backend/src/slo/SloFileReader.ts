import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_SLO_REF,
  OpenSloProblem,
  SloDefinition,
  parseOpenSlo,
} from '@system-product/backstage-plugin-common';
import {
  parseSloRef,
  resolveSloRef,
} from '@system-product/backstage-plugin-node';
import { readFile } from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';

/** The SLOs an entity's `system-product/slo-ref` file defines, and what is wrong with it. */
export interface SloFile {
  /** Where the file was read from, or undefined without the annotation. */
  location?: string;
  slos: SloDefinition[];
  problems: OpenSloProblem[];
}

/**
 * Reads the OpenSLO file named by `system-product/slo-ref`:
 *
 * - `url:https://...` through Backstage's UrlReader (integrations decide access);
 * - a relative path, resolved against the entity's own catalog location: through
 *   the UrlReader for `url:` locations, from disk for `file:` locations that an
 *   administrator registered, and never outside that location's folder.
 *
 * Results are kept for `ttlMs` so a busy SLO tab does not hammer the source.
 */
export class SloFileReader {
  private readonly cache = new Map<string, { at: number; file: SloFile }>();

  constructor(
    private readonly reader: UrlReaderService,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  async read(entity: Entity): Promise<SloFile> {
    const ref = entity.metadata.annotations?.[ANNOTATION_SLO_REF]?.trim();
    if (!ref) return { slos: [], problems: [] };
    const annotation = entity.metadata.annotations?.[ANNOTATION_LOCATION];
    const parsed = parseSloRef(ref);
    const target =
      'problem' in parsed
        ? parsed
        : resolveSloRef(
            parsed,
            annotation ? parseLocationRef(annotation) : undefined,
          );
    if ('problem' in target) {
      return {
        location: ref,
        slos: [],
        problems: [
          {
            file: ref,
            document: 0,
            field: ANNOTATION_SLO_REF,
            message: target.problem,
          },
        ],
      };
    }
    const key = `${target.type}:${target.target}`;
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < this.ttlMs) return cached.file;

    let file: SloFile;
    try {
      const text =
        target.type === 'file'
          ? await readFile(target.target, 'utf8')
          : (
              await (await this.reader.readUrl(target.target)).buffer()
            ).toString('utf8');
      const documents = parseAllDocuments(text);
      const yamlErrors = documents.flatMap((d, i) =>
        d.errors.map(e => ({
          file: target.target,
          document: i + 1,
          field: '',
          message: e.message,
        })),
      );
      file = {
        location: target.target,
        ...(yamlErrors.length > 0
          ? { slos: [], problems: yamlErrors }
          : parseOpenSlo(
              documents.map(d => d.toJS()),
              target.target,
            )),
      };
    } catch (error) {
      file = {
        location: target.target,
        slos: [],
        problems: [
          {
            file: target.target,
            document: 0,
            field: ANNOTATION_SLO_REF,
            message: `could not read the file: ${(error as Error).message}`,
          },
        ],
      };
    }
    this.cache.set(key, { at: Date.now(), file });
    return file;
  }
}
