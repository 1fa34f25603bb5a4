import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

/** The demo app's build output. */
const APP_DIST = resolve(resolvePackagePath('bench'), '../app/dist');
/** Modules of the frontend plugin and of the -common package it bundles. */
const PLUGIN_MODULE = /plugins\/system-product(-common)?\/src\//;

/** One file the browser fetches when a user first opens a plugin page. */
export interface ChunkSize {
  file: string;
  gzipKb: number;
  /** 'plugin code', or 'only for the plugin' (a library only its pages load) */
  holds: string;
}

/** The plugin's lazily loaded chunks in the built demo app, or why they were not measured. */
export type FrontendChunks =
  | { built: true; chunks: ChunkSize[]; totalGzipKb: number }
  | { built: false; reason: string };

/**
 * The groups of chunks the bundle's code loads together for one dynamic
 * import: `Promise.all([r.e("12"), r.e("34")]).then(…)` or `r.e("12").then(…)`.
 */
export function lazyLoadGroups(code: string): string[][] {
  const groups: string[][] = [];
  for (const [, list] of code.matchAll(
    /Promise\.all\(\[((?:[\w$]+\.e\("?\w+"?\),?)+)\]\)/g,
  )) {
    groups.push([...list.matchAll(/\.e\("?(\w+)"?\)/g)].map(m => m[1]));
  }
  for (const [, id] of code.matchAll(
    /(?<!\[|,)[\w$]+\.e\("?(\w+)"?\)\.then/g,
  )) {
    groups.push([id]);
  }
  return groups;
}

/**
 * The chunks that load only for the plugin: those holding its code, and
 * those that only the plugin's dynamic imports load (a library no other page
 * uses, such as the charts). Chunks other pages load too are the app's, not
 * the plugin's, and are left out.
 */
export function pluginOnlyChunks(
  groups: string[][],
  pluginChunkIds: Set<string>,
): { own: string[]; onlyForPlugin: string[] } {
  const pluginGroups = groups.filter(g => g.some(id => pluginChunkIds.has(id)));
  const otherIds = new Set(
    groups.filter(g => !g.some(id => pluginChunkIds.has(id))).flat(),
  );
  const own = [...pluginChunkIds].sort();
  const onlyForPlugin = [
    ...new Set(
      pluginGroups
        .flat()
        .filter(id => !pluginChunkIds.has(id) && !otherIds.has(id)),
    ),
  ].sort();
  return { own, onlyForPlugin };
}

/**
 * Gzip sizes (level 9) of the plugin's lazily loaded chunks in the built demo
 * app (packages/app/dist), found through the build's source maps and the
 * chunk groups its code loads. With `buildIfMissing`, builds the app first
 * when it was not built.
 */
export async function measureFrontendChunks(options: {
  buildIfMissing: boolean;
}): Promise<FrontendChunks> {
  const staticDir = join(APP_DIST, 'static');
  if (!existsSync(staticDir)) {
    if (!options.buildIfMissing) {
      return {
        built: false,
        reason: 'packages/app/dist is missing; run `yarn workspace app build`',
      };
    }
    process.stderr.write('[bench] building the demo app (several minutes)\n');
    await promisify(execFile)('yarn', ['build'], {
      cwd: resolve(APP_DIST, '..'),
      maxBuffer: 64 * 1024 * 1024,
    });
  }
  const html = await readFile(join(APP_DIST, 'index.html'), 'utf8');
  const initial = new Set(
    [...html.matchAll(/(?:src|href)="\/?static\/([^"]+)"/g)].map(m => m[1]),
  );
  const files = (await readdir(staticDir)).filter(f => /\.(js|css)$/.test(f));
  const idOf = (file: string) => file.split('.')[0];

  const pluginChunkIds = new Set<string>();
  const groups: string[][] = [];
  for (const file of files.filter(f => f.endsWith('.js'))) {
    groups.push(
      ...lazyLoadGroups(await readFile(join(staticDir, file), 'utf8')),
    );
    if (initial.has(file) || !existsSync(join(staticDir, `${file}.map`))) {
      continue;
    }
    const map = JSON.parse(
      await readFile(join(staticDir, `${file}.map`), 'utf8'),
    );
    if ((map.sources as string[]).some(s => PLUGIN_MODULE.test(s))) {
      pluginChunkIds.add(idOf(file));
    }
  }
  if (pluginChunkIds.size === 0) {
    return {
      built: false,
      reason:
        'no lazily loaded chunk holds plugin code (a build without source maps?)',
    };
  }
  const { own, onlyForPlugin } = pluginOnlyChunks(groups, pluginChunkIds);
  const chunks: ChunkSize[] = [];
  const add = async (ids: string[], holds: string) => {
    for (const id of ids) {
      for (const file of files.filter(f => idOf(f) === id && !initial.has(f))) {
        const content = await readFile(join(staticDir, file));
        const gzipKb = gzipSync(content, { level: 9 }).length / 1024;
        chunks.push({
          file: `static/${file}`,
          holds,
          gzipKb: Math.round(gzipKb * 10) / 10,
        });
      }
    }
  };
  await add(own, 'plugin code');
  await add(onlyForPlugin, 'only for the plugin');
  chunks.sort((a, b) => b.gzipKb - a.gzipKb);
  const total = chunks.reduce((sum, c) => sum + c.gzipKb, 0);
  return { built: true, chunks, totalGzipKb: Math.round(total * 10) / 10 };
}
