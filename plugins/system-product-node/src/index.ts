/**
 * Extension points of the System Product backend, for modules that add SLI
 * data sources.
 *
 * @packageDocumentation
 */

export * from './extensions';
