import {
  AuthService,
  DiscoveryService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_SURVEY,
  DEFAULT_SURVEY_TEMPLATE_ID,
  MOMENT_SURVEY_TEMPLATE_ID,
  SYSTEM_PRODUCT_PLUGIN_ID,
} from '@system-product/backstage-plugin-common';

/** How long an answer of the System Product backend is reused. */
const CACHE_TTL_MS = 5 * 60_000;
/** Most answers kept; the oldest go first beyond it. */
const CACHE_ENTRIES = 10_000;

/**
 * Checks that the template `system-product/survey` names is one that survey
 * rounds on the entity can use. platform-pulse and the templates of
 * `systemProduct.survey.templates` (read from the catalog backend's own
 * config) need no request; any other id is asked of the System Product
 * backend (`GET /survey-templates/{id}?entityRef=...`, with a service token),
 * whose answer is kept 5 minutes. Only a definite 404 is a problem: a
 * backend that cannot be reached, or fails, reports none (logged at debug).
 *
 * @public
 */
export class SurveyTemplateChecker {
  private readonly configIds: Set<string>;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  /** id + entity ref → the problem the backend's answer means (none: ''). */
  private readonly answers = new Map<
    string,
    { problem: string; expiresAt: number }
  >();

  constructor(
    private readonly options: {
      config: RootConfigService;
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
      /** For tests: default the global fetch. */
      fetch?: typeof fetch;
      /** For tests: the clock in milliseconds. */
      now?: () => number;
    },
  ) {
    this.configIds = configTemplateIds(options.config);
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
  }

  /** The problem with the template id for rounds on the entity, if any. */
  async check(id: string, entityRef: string): Promise<string | undefined> {
    if (id === DEFAULT_SURVEY_TEMPLATE_ID || this.configIds.has(id)) {
      return undefined;
    }
    if (id === MOMENT_SURVEY_TEMPLATE_ID) {
      return `${ANNOTATION_SURVEY}: "${id}" is the built-in template of moment triggers, which survey rounds cannot use; name another template (or leave the annotation out for ${DEFAULT_SURVEY_TEMPLATE_ID})`;
    }
    const key = `${id}\n${entityRef}`;
    const cached = this.answers.get(key);
    if (cached && cached.expiresAt > this.now()) {
      return cached.problem || undefined;
    }
    const problem = await this.ask(id, entityRef);
    if (problem === undefined) return undefined;
    this.remember(key, problem);
    return problem || undefined;
  }

  /**
   * What the backend says of the template: '' usable, a problem when it
   * answered a definite 404, undefined when it could not say.
   */
  private async ask(
    id: string,
    entityRef: string,
  ): Promise<string | undefined> {
    const { discovery, auth, logger } = this.options;
    try {
      const baseUrl = await discovery.getBaseUrl(SYSTEM_PRODUCT_PLUGIN_ID);
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: SYSTEM_PRODUCT_PLUGIN_ID,
      });
      const response = await this.fetch(
        `${baseUrl}/survey-templates/${encodeURIComponent(
          id,
        )}?entityRef=${encodeURIComponent(entityRef)}`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      if (response.ok) return '';
      const body = await response.json().catch(() => undefined);
      const error = (body as { error?: { name?: string; message?: string } })
        ?.error;
      // The backend's own 404 about the template: not one of a missing
      // route or plugin, which says nothing of the template.
      if (
        response.status === 404 &&
        error?.name === 'NotFoundError' &&
        /survey template/i.test(error.message ?? '')
      ) {
        return `${ANNOTATION_SURVEY}: "${id}" is not a survey template that rounds on ${entityRef} can use (${error.message}); use ${DEFAULT_SURVEY_TEMPLATE_ID}, a template of systemProduct.survey.templates or one this entity's owners made`;
      }
      logger.debug(
        `Could not check survey template ${id} of ${entityRef}: the System Product backend answered ${response.status}`,
      );
      return undefined;
    } catch (error) {
      logger.debug(
        `Could not check survey template ${id} of ${entityRef}: ${error}`,
      );
      return undefined;
    }
  }

  private remember(key: string, problem: string): void {
    this.answers.delete(key);
    this.answers.set(key, { problem, expiresAt: this.now() + CACHE_TTL_MS });
    if (this.answers.size <= CACHE_ENTRIES) return;
    const oldest = this.answers.keys().next().value;
    if (oldest !== undefined) this.answers.delete(oldest);
  }
}

/**
 * The ids of `systemProduct.survey.templates`: those the System Product
 * backend offers (it refuses to start with a bad list).
 */
function configTemplateIds(config: RootConfigService): Set<string> {
  const templates = config.getOptional('systemProduct.survey.templates');
  if (!Array.isArray(templates)) return new Set();
  return new Set(
    templates
      .map(template => (template as { id?: unknown } | null)?.id)
      .filter((id): id is string => typeof id === 'string'),
  );
}
