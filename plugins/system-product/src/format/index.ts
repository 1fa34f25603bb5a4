/*
 * Display text for the product's figures, each with its unit: one place for
 * every component that shows a score, a friction level or a portfolio row.
 */
export { formatScore } from './formatScore';
export { frictionHeat } from './frictionHeat';
export { formatFigures } from './formatFigures';
