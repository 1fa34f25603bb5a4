export { JourneyEditor } from './JourneyEditor';
