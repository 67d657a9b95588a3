// Moved to ranked-page.repository.ts (SQL lives in repositories); kept so existing imports still work.
export {
  COUNT_CAP,
  rankedPage,
  RankedPageRepository,
  type RankedPageResult,
  type RankedPageSpec,
} from './ranked-page.repository.js';
