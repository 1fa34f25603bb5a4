export { JourneyMap } from './JourneyMap';
