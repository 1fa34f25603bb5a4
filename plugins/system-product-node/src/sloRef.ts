import { ANNOTATION_SLO_REF } from '@system-product/backstage-plugin-common';
import { dirname, relative, resolve } from 'node:path';

/**
 * Where `system-product/slo-ref` points, as far as its syntax tells: a URL
 * (the `url:` prefix removed) or a path relative to the entity's catalog file.
 *
 * @public
 */
export type SloRef =
  | { type: 'url'; url: string }
  | { type: 'relative'; path: string };

/**
 * Where to read an OpenSLO file from: a URL (through the UrlReader) or a file
 * on the backend's disk.
 *
 * @public
 */
export type SloRefSource = { type: 'url' | 'file'; target: string };

/** Anything with a scheme, e.g. `https:` or `file:`. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Reads a `system-product/slo-ref` value: `url:<absolute URL>` or a path
 * relative to the entity's catalog file. Anything else is a problem, a
 * sentence naming the annotation.
 *
 * @public
 */
export function parseSloRef(value: string): SloRef | { problem: string } {
  const ref = value.trim();
  if (ref.length === 0) {
    return {
      problem: `${ANNOTATION_SLO_REF} is empty; give url:<absolute URL> or a path relative to the catalog file, such as ./slos.yaml`,
    };
  }
  if (ref.startsWith('url:')) {
    const url = ref.slice('url:'.length);
    // Only absolute URLs parse without a base.
    if (!URL.canParse(url)) {
      return {
        problem: `${ANNOTATION_SLO_REF}: "${url}" after url: is not an absolute URL`,
      };
    }
    return { type: 'url', url };
  }
  if (SCHEME.test(ref)) {
    return {
      problem: `${ANNOTATION_SLO_REF}: "${ref}" is neither url:<absolute URL> nor a relative path; prefix a URL with url:`,
    };
  }
  if (ref.startsWith('/') || ref.startsWith('\\')) {
    return {
      problem: `${ANNOTATION_SLO_REF}: "${ref}" is an absolute path; give a path relative to the catalog file (./slos.yaml) or url:<absolute URL>`,
    };
  }
  return { type: 'relative', path: ref };
}

/**
 * Where to read the file a parsed `system-product/slo-ref` names. A relative
 * path resolves against the entity's catalog location (`type` and `target`,
 * as in `backstage.io/managed-by-location`): as a URL for `url` locations, on
 * disk for `file` locations, and never outside that catalog file's folder.
 * The System Product backend reads SLOs and the catalog module checks the
 * annotation with this one rule.
 *
 * @public
 */
export function resolveSloRef(
  ref: SloRef,
  location: { type: string; target: string } | undefined,
): SloRefSource | { problem: string } {
  if (ref.type === 'url') return { type: 'url', target: ref.url };
  if (!location) {
    return {
      problem: `${ANNOTATION_SLO_REF}: "${ref.path}" is relative, but the entity has no catalog location to resolve it against; use url:<absolute URL>`,
    };
  }
  if (location.type === 'url') {
    try {
      return { type: 'url', target: new URL(ref.path, location.target).href };
    } catch {
      return {
        problem: `${ANNOTATION_SLO_REF}: "${ref.path}" cannot be resolved against ${location.target}`,
      };
    }
  }
  if (location.type === 'file') {
    const base = dirname(location.target);
    const file = resolve(base, ref.path);
    if (relative(base, file).startsWith('..')) {
      return {
        problem: `${ANNOTATION_SLO_REF}: "${ref.path}" leaves the folder of the entity's catalog file ${location.target}`,
      };
    }
    return { type: 'file', target: file };
  }
  return {
    problem: `${ANNOTATION_SLO_REF}: "${ref.path}" is relative, but the entity comes from a ${location.type} location it cannot be resolved against; use url:<absolute URL>`,
  };
}
