/*
 * The data of the entity on the page, one hook per resource, each with
 * loading, error and `retry`; and the hooks the views share: permissions,
 * links to the other tabs, and the versioned save of every editor.
 */
export { useCanvas } from './useCanvas';
export { useCanvasRevisions } from './useCanvasRevisions';
export { useDora } from './useDora';
export { useEntityPermission } from './useEntityPermission';
export {
  useEntityTabPaths,
  useMomentPromptPath,
  usePortfolioPath,
  useRoutePath,
} from './useRoutePath';
export type { EntityTabPaths } from './useRoutePath';
export { useJourney } from './useJourney';
export { useMomentTriggers } from './useMomentTriggers';
export { useMyPrompts, usePrompt } from './useMomentPrompts';
export { usePortfolio } from './usePortfolio';
export { useRoadmap } from './useRoadmap';
export { useRoadmapItems } from './useRoadmapItems';
export { useSloStatus } from './useSloStatus';
export { useSlos } from './useSlos';
export { useSurveyResults } from './useSurveyResults';
export { useSurveyRounds } from './useSurveyRounds';
export { useVersionedSave } from './useVersionedSave';
export type { Versioned, VersionedSave } from './useVersionedSave';
