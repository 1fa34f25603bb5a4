import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';

/*
 * Plugins listed in package.json are discovered through `app.packages: all`,
 * the System Product plugin among them; only the catalog's alpha entry point
 * and the app's own modules are installed here.
 */
export default createApp({
  features: [catalogPlugin, navModule],
});
