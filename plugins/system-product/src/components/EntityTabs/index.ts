export {
  EntitySystemProductCanvasContent,
  EntitySystemProductJourneyContent,
  EntitySystemProductRoadmapContent,
  EntitySystemProductSlosContent,
} from './EntityTabs';
