/**
 * Extension points of the System Product backend, for modules that add SLI
 * data sources and delivery events of tools, the rule that finds an
 * entity's OpenSLO file, and the lookup of the catalog user behind a tool's
 * account.
 *
 * @packageDocumentation
 */

export * from './extensions';
export * from './sloRef';
export * from './deliveryEvents';
export * from './CatalogUserLookup';
