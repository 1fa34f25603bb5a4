import { RouteRef, useRouteRef } from '@backstage/core-plugin-api';
import { momentPromptPath } from '@system-product/backstage-plugin-common';
import {
  journeyTabRouteRef,
  momentPromptRouteRef,
  portfolioRouteRef,
  roadmapTabRouteRef,
  slosTabRouteRef,
} from '../routes';

/**
 * The path of one of the plugin's pages or tabs (on the entity page being
 * shown), or undefined when the app does not have it.
 *
 * core-plugin-api's `useRouteRef` serves both frontend systems and throws for
 * a route ref the app has not mounted (frontend-plugin-api's returns
 * undefined instead, but needs the new system's route resolution API, which a
 * legacy app lacks). It calls all of its own hooks before it throws, so
 * catching here keeps the order of hooks the same on every render.
 */
export function useRoutePath(routeRef: RouteRef): string | undefined {
  try {
    return useRouteRef(routeRef)();
  } catch {
    return undefined;
  }
}

/** Paths of the plugin's tabs that link to one another, where the app has them. */
export interface EntityTabPaths {
  journey?: string;
  slos?: string;
  roadmap?: string;
}

/**
 * Where the Journey, SLOs and Roadmap tabs of the entity on the page are, so
 * that links to them show only when the app has them.
 */
export function useEntityTabPaths(): EntityTabPaths {
  const journey = useRoutePath(journeyTabRouteRef);
  const slos = useRoutePath(slosTabRouteRef);
  const roadmap = useRoutePath(roadmapTabRouteRef);
  return { journey, slos, roadmap };
}

/** Where the portfolio page is, or undefined when the app does not have it. */
export function usePortfolioPath(): string | undefined {
  return useRoutePath(portfolioRouteRef);
}

/** The link to a moment prompt's form, or undefined as in `useRoutePath`. */
function usePromptLink():
  | ((params: { promptId: string }) => string)
  | undefined {
  try {
    return useRouteRef(momentPromptRouteRef);
  } catch {
    return undefined;
  }
}

/**
 * The path of a moment prompt's form, under the portfolio page wherever the
 * app mounts it; where the notifications link to when it has none.
 */
export function useMomentPromptPath(): (promptId: string) => string {
  const link = usePromptLink();
  return promptId => (link ? link({ promptId }) : momentPromptPath(promptId));
}
