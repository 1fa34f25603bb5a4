export { AsyncState } from './AsyncState';
