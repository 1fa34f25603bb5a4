export { GettingStartedCard } from './GettingStartedCard';
