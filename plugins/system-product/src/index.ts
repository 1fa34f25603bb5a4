/**
 * System Product for Backstage: Canvas, Journey, SLOs and Roadmap tabs for the
 * delivery systems in the catalog.
 *
 * The default export is the plugin for the new frontend system; the named
 * exports serve apps on the legacy system.
 *
 * @packageDocumentation
 */

export { systemProductPlugin as default } from './plugin';
export * from './legacy';
export { systemProductApiRef } from './api/systemProductApiRef';
export { isSystemProductEntity } from '@system-product/backstage-plugin-common';
