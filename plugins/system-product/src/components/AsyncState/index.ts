export { AsyncState } from './AsyncState';
export { reasonOf, statusOf } from './adviceFor';
