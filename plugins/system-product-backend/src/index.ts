/**
 * The System Product backend plugin: canvases, journeys, research, roadmaps
 * and SLOs of the delivery systems in the catalog.
 *
 * @packageDocumentation
 */

export { systemProductPlugin as default } from './plugin';
