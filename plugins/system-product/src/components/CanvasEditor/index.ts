export { CanvasEditor } from './CanvasEditor';
