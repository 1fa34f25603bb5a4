/**
 * System Product backend module: turns the GitLab pipeline and deployment
 * webhooks that Backstage's events backend receives into builds, commits
 * and deployments of System Product.
 *
 * @packageDocumentation
 */

export { systemProductModuleGitlab as default } from './module';
export { systemProductModuleGitlab } from './module';
export { translateGitlabEvent } from './translateGitlabEvent';
export type {
  GitlabActorUser,
  GitlabTranslation,
} from './translateGitlabEvent';
