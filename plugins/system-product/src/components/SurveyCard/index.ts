export { SurveyCard } from './SurveyCard';
// The k-anonymous results of a round, also shown for moment rounds (Journey tab).
export { SurveyResultsView } from './SurveyResultsView';
