export { PortfolioTable } from './PortfolioTable';
