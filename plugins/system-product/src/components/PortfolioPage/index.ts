export { PortfolioPage } from './PortfolioPage';
