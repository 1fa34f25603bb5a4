export { CanvasSectionCard } from './CanvasSectionCard';
