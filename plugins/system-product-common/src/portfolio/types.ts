import type { SystemProductApiSchemas as Schemas } from '../schema/schemas';

/**
 * Headline figures of one system product, as the portfolio page and the team
 * card show them. Survey figures are null until k responses stand behind the
 * latest round.
 *
 * @public
 */
export type PortfolioEntry = Schemas['PortfolioEntry'];

/**
 * "Where to invest first": how strongly a system product calls for
 * investment (high impact, consistent friction, clear potential, motivated
 * stakeholders), each from 0 to 1, multiplied.
 *
 * @public
 */
export type InvestmentPriority = Schemas['InvestmentPriority'];
