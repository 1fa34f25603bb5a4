export { CanvasHistoryButton } from './CanvasHistoryButton';
export { CanvasRevisions } from './CanvasRevisions';
export { canvasSectionTitle } from './canvasSectionTitle';
