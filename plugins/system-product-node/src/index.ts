/**
 * Extension points of the System Product backend, for modules that add SLI
 * data sources and delivery events of tools, and the rule that finds an
 * entity's OpenSLO file.
 *
 * @packageDocumentation
 */

export * from './extensions';
export * from './sloRef';
export * from './deliveryEvents';
