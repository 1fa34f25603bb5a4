export { CanvasHistoryButton } from './CanvasHistoryButton';
export { canvasSectionTitle } from './canvasSectionTitle';
