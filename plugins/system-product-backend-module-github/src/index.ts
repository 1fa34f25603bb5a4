/**
 * System Product backend module: turns the GitHub webhooks that Backstage's
 * events backend receives into delivery events (commits, deployments,
 * builds and incidents) of the system products that claim the repository.
 *
 * @packageDocumentation
 */

export { systemProductModuleGithub as default } from './module';
export { systemProductModuleGithub } from './module';
