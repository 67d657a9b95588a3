// Moved to ranked-page.repository.ts (SQL lives in repositories); kept so existing imports still work.
export { rankedPage, RankedPageRepository, type RankedPageSpec } from './ranked-page.repository.js';
