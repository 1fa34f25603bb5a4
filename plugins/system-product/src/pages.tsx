import { Route, Routes } from 'react-router-dom';
import { MomentPromptPage } from './components/MomentPrompt';
import { PortfolioPage } from './components/Portfolio';
import { momentPromptRouteRef } from './routes';

/*
 * What the plugin's page shows at each path under its mount point
 * (`/system-products`), for the page extensions of both frontend systems
 * (plugin.tsx and legacy.ts load this module when the page opens): the
 * portfolio, and under it a moment prompt's form, where the backend's
 * notifications link.
 */

/** The portfolio page and the moment prompts under it. @public */
export function SystemProductPages() {
  return (
    <Routes>
      <Route path={momentPromptRouteRef.path} element={<MomentPromptPage />} />
      <Route path="*" element={<PortfolioPage />} />
    </Routes>
  );
}
