export interface Config {
  systemProduct?: {
    scaffolder?: {
      /**
       * Directory on the backend host that `system-product:publish:directory`
       * publishes new system products into, one folder each. Relative paths
       * resolve against the backend's working directory, like the catalog's
       * file locations. Add a catalog location of type `file` whose target is
       * `catalog-info.yaml` in every folder of this directory (a glob with `*`
       * as the folder name) so the catalog reads them. Unset, the action
       * refuses to run.
       * @visibility backend
       */
      publishDirectory?: string;
    };
  };
}
