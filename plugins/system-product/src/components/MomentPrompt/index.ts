export { MomentPromptPage } from './MomentPromptPage';
