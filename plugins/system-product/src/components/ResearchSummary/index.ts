export { ResearchSummary } from './ResearchSummary';
