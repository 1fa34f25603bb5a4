export { PortfolioPage } from './PortfolioPage';
export { TeamCard } from './TeamCard';
