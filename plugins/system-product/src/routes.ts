import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/*
 * The plugin's pages and entity tabs, one route ref each. Both frontend systems mount a
 * tab on its route ref (plugin.tsx's entity contents, legacy.ts's routable
 * extensions), so a link to a tab resolves the route ref: the app decides the
 * path, and a tab the app does not have (disabled in app-config, or left out
 * of the EntityLayout) has no route to link to.
 *
 * Route refs of core-plugin-api's createRouteRef serve both systems.
 */

/** The portfolio page, `/system-products` unless the app mounts it elsewhere. */
export const portfolioRouteRef = createRouteRef({
  id: 'system-product:portfolio',
});

/**
 * A moment prompt's one-screen form, under the portfolio page. The backend's
 * notifications link to `/system-products/prompts/<id>` (`momentPromptPath`).
 */
export const momentPromptRouteRef = createSubRouteRef({
  id: 'system-product:moment-prompt',
  parent: portfolioRouteRef,
  path: '/prompts/:promptId',
});

/** The Canvas tab. */
export const canvasTabRouteRef = createRouteRef({
  id: 'system-product:canvas',
});
/** The Journey tab. */
export const journeyTabRouteRef = createRouteRef({
  id: 'system-product:journey',
});
/** The SLOs tab. */
export const slosTabRouteRef = createRouteRef({ id: 'system-product:slos' });
/** The Roadmap tab. */
export const roadmapTabRouteRef = createRouteRef({
  id: 'system-product:roadmap',
});
