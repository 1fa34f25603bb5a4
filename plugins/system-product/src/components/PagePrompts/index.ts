export { PagePrompts } from './PagePrompts';
