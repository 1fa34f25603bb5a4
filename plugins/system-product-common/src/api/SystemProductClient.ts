// openapi-fetch names its methods after the HTTP verbs (api.GET, api.PUT).
/* eslint-disable new-cap */
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import createClient, { Middleware } from 'openapi-fetch';
import type { paths } from '../schema/openapi.generated';
import { Canvas, CanvasUpdate } from '../canvas/types';
import { PortfolioEntry } from '../portfolio/types';
import { EntitySlos, EvaluatedSlo, SloStatusReport } from '../slo/entitySlos';
import { OpenSloDocument } from '../slo/exportOpenSlo';
import { DoraMetrics, DoraPeriodDays } from '../slo/dora';
import {
  FrictionReportRequest,
  Journey,
  JourneyUpdate,
  TouchpointFriction,
} from '../journey/types';
import {
  RoadmapItem,
  RoadmapItemInput,
  RoadmapItemPatch,
} from '../roadmap/types';
import {
  SurveyAnswers,
  SurveyResults,
  SurveyRound,
  SurveyTemplate,
  SurveyTemplateCreateRequest,
  SurveyTemplateUpdateRequest,
} from '../survey/types';
import {
  MomentAnswerRequest,
  MomentPrompt,
  MomentTrigger,
  MomentTriggerRequest,
} from '../moments/types';
import { ReviewDigest, ReviewSettings, ReviewSummary } from '../review/types';
import {
  CanvasRevision,
  LoopNotifications,
  MySurveyAnswer,
  OpenSurveyRoundRequest,
  SystemProductApi,
} from './SystemProductApi';

/** The plugin id under which the backend is mounted. @public */
export const SYSTEM_PRODUCT_PLUGIN_ID = 'system-product';

/** Any answer but a 2xx becomes a ResponseError carrying the backend's status and error. */
const throwOnError: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return undefined;
  },
};

/**
 * HTTP client of the System Product backend, typed by the API's OpenAPI
 * document (the paths, parameters and bodies of `openapi.generated.ts`,
 * through openapi-fetch). Works in the browser (with Backstage's
 * `discoveryApi` and `fetchApi`) and in backend modules (with the discovery
 * service and a fetch that adds credentials).
 *
 * @public
 */
export class SystemProductClient implements SystemProductApi {
  private readonly discoveryApi: {
    getBaseUrl(pluginId: string): Promise<string>;
  };
  private readonly fetchApi: { fetch: typeof fetch };

  constructor(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    fetchApi?: { fetch: typeof fetch };
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: globalThis.fetch };
  }

  async getCanvas(entity: CompoundEntityRef): Promise<Canvas> {
    const api = await this.api();
    const { data } = await api.GET(
      '/entities/{kind}/{namespace}/{name}/canvas',
      { params: { path: entityParams(entity) } },
    );
    return data!;
  }

  async updateCanvas(
    entity: CompoundEntityRef,
    update: CanvasUpdate,
  ): Promise<Canvas> {
    const api = await this.api();
    const { data } = await api.PUT(
      '/entities/{kind}/{namespace}/{name}/canvas',
      { params: { path: entityParams(entity) }, body: update },
    );
    return data!;
  }

  async getCanvasRevisions(
    entity: CompoundEntityRef,
  ): Promise<CanvasRevision[]> {
    const api = await this.api();
    const { data } = await api.GET(
      '/entities/{kind}/{namespace}/{name}/canvas/revisions',
      { params: { path: entityParams(entity) } },
    );
    return data!.items;
  }

  async getJourney(entity: CompoundEntityRef): Promise<Journey> {
    const api = await this.api();
    const { data } = await api.GET(
      '/entities/{kind}/{namespace}/{name}/journey',
      { params: { path: entityParams(entity) } },
    );
    return data!;
  }

  async updateJourney(
    entity: CompoundEntityRef,
    update: JourneyUpdate,
  ): Promise<Journey> {
    const api = await this.api();
    const { data } = await api.PUT(
      '/entities/{kind}/{namespace}/{name}/journey',
      { params: { path: entityParams(entity) }, body: update },
    );
    return data!;
  }

  async reportFriction(
    entity: CompoundEntityRef,
    report: FrictionReportRequest,
  ): Promise<void> {
    const api = await this.api();
    await api.POST('/entities/{kind}/{namespace}/{name}/friction', {
      params: { path: entityParams(entity) },
      body: report,
    });
  }

  async setMeToo(
    entity: CompoundEntityRef,
    touchpointId: string,
    said: boolean,
  ): Promise<TouchpointFriction> {
    const api = await this.api();
    const path =
      '/entities/{kind}/{namespace}/{name}/touchpoints/{touchpointId}/me-too';
    const params = { path: { ...entityParams(entity), touchpointId } };
    const { data } = said
      ? await api.PUT(path, { params })
      : await api.DELETE(path, { params });
    return data!;
  }

  async getSurveyRounds(entity: CompoundEntityRef): Promise<SurveyRound[]> {
    const api = await this.api();
    const { data } = await api.GET(
      '/entities/{kind}/{namespace}/{name}/surveys',
      { params: { path: entityParams(entity) } },
    );
    return data!.items;
  }

  async openSurveyRound(
    entity: CompoundEntityRef,
    request: OpenSurveyRoundRequest,
  ): Promise<SurveyRound> {
    const api = await this.api();
    const { data } = await api.POST(
      '/entities/{kind}/{namespace}/{name}/surveys',
      { params: { path: entityParams(entity) }, body: request },
    );
    return data!;
  }

  async answerSurvey(
    roundId: string,
    answers: SurveyAnswers,
  ): Promise<{ replaced: boolean }> {
    const api = await this.api();
    const { data } = await api.POST('/surveys/{roundId}/responses', {
      params: { path: { roundId } },
      body: { answers },
    });
    return { replaced: data!.replaced };
  }

  async getMySurveyAnswer(
    roundId: string,
  ): Promise<MySurveyAnswer | undefined> {
    const api = await this.api();
    try {
      const { data } = await api.GET('/surveys/{roundId}/responses/mine', {
        params: { path: { roundId } },
      });
      return data!;
    } catch (e) {
      if (e instanceof ResponseError && e.statusCode === 404) return undefined;
      throw e;
    }
  }

  async getSurveyResults(roundId: string): Promise<SurveyResults> {
    const api = await this.api();
    const { data } = await api.GET('/surveys/{roundId}/results', {
      params: { path: { roundId } },
    });
    return data!;
  }

  async getSurveyTemplates(
    entity: CompoundEntityRef,
  ): Promise<SurveyTemplate[]> {
    const api = await this.api();
    const { data } = await api.GET('/survey-templates', {
      params: { query: { entityRef: stringifyEntityRef(entity) } },
    });
    return data!.items;
  }

  async getSurveyTemplate(
    templateId: string,
    options: { version?: number } = {},
  ): Promise<SurveyTemplate> {
    const api = await this.api();
    const { data } = await api.GET('/survey-templates/{templateId}', {
      params: {
        path: { templateId },
        query: options.version ? { version: options.version } : {},
      },
    });
    return data!;
  }

  async createSurveyTemplate(
    request: SurveyTemplateCreateRequest,
  ): Promise<SurveyTemplate> {
    const api = await this.api();
    const { data } = await api.POST('/survey-templates', { body: request });
    return data!;
  }

  async updateSurveyTemplate(
    templateId: string,
    request: SurveyTemplateUpdateRequest,
  ): Promise<SurveyTemplate> {
    const api = await this.api();
    const { data } = await api.PUT('/survey-templates/{templateId}', {
      params: { path: { templateId } },
      body: request,
    });
    return data!;
  }

  async getMomentTriggers(entity: CompoundEntityRef): Promise<MomentTrigger[]> {
    const api = await this.api();
    const { data } = await api.GET(
      '/entities/{kind}/{namespace}/{name}/moments',
      { params: { path: entityParams(entity) } },
    );
    return data!.triggers;
  }

  async createMomentTrigger(
    entity: CompoundEntityRef,
    trigger: MomentTriggerRequest,
  ): Promise<MomentTrigger> {
    const api = await this.api();
    const { data } = await api.POST(
      '/entities/{kind}/{namespace}/{name}/moments',
      { params: { path: entityParams(entity) }, body: trigger },
    );
    return data!;
  }

  async deleteMomentTrigger(
    entity: CompoundEntityRef,
    triggerId: string,
  ): Promise<void> {
    const api = await this.api();
    await api.DELETE(
      '/entities/{kind}/{namespace}/{name}/moments/{triggerId}',
      { params: { path: { ...entityParams(entity), triggerId } } },
    );
  }

  async getMyPrompts(): Promise<MomentPrompt[]> {
    const api = await this.api();
    const { data } = await api.GET('/prompts');
    return data!.prompts;
  }

  async getPrompt(promptId: string): Promise<MomentPrompt> {
    const api = await this.api();
    const { data } = await api.GET('/prompts/{promptId}', {
      params: { path: { promptId } },
    });
    return data!;
  }

  async answerPrompt(
    promptId: string,
    answer: MomentAnswerRequest,
  ): Promise<{ roundId: string }> {
    const api = await this.api();
    const { data } = await api.POST('/prompts/{promptId}/answer', {
      params: { path: { promptId } },
      body: answer,
    });
    return { roundId: data!.roundId };
  }

  async getPageMoments(): Promise<string[]> {
    const api = await this.api();
    const { data } = await api.GET('/page-moments');
    return data!.pages;
  }

  async reportPageVisit(path: string): Promise<MomentPrompt | null> {
    const api = await this.api();
    const { data } = await api.POST('/page-moments/visits', {
      body: { path },
    });
    return data!.prompt;
  }

  async getRoadmap(entity: CompoundEntityRef): Promise<RoadmapItem[]> {
    const api = await this.api();
    const { data } = await api.GET(
      '/entities/{kind}/{namespace}/{name}/roadmap',
      { params: { path: entityParams(entity) } },
    );
    return data!.items;
  }

  async createRoadmapItem(
    entity: CompoundEntityRef,
    item: RoadmapItemInput,
  ): Promise<RoadmapItem> {
    const api = await this.api();
    const { data } = await api.POST(
      '/entities/{kind}/{namespace}/{name}/roadmap',
      { params: { path: entityParams(entity) }, body: item },
    );
    return data!;
  }

  async updateRoadmapItem(
    itemId: string,
    patch: RoadmapItemPatch,
  ): Promise<RoadmapItem> {
    const api = await this.api();
    const { data } = await api.PATCH('/roadmap/{itemId}', {
      params: { path: { itemId } },
      body: patch,
    });
    return data!;
  }

  async getSlos(entity: CompoundEntityRef): Promise<EntitySlos> {
    const api = await this.api();
    const { data } = await api.GET('/entities/{kind}/{namespace}/{name}/slos', {
      params: { path: entityParams(entity) },
    });
    return data!;
  }

  async getSloStatus(
    entity: CompoundEntityRef,
    sloName: string,
  ): Promise<SloStatusReport> {
    const api = await this.api();
    const { data } = await api.GET(
      '/entities/{kind}/{namespace}/{name}/slos/{sloName}/status',
      { params: { path: { ...entityParams(entity), sloName } } },
    );
    return data!;
  }

  async createSlo(
    entity: CompoundEntityRef,
    document: OpenSloDocument,
  ): Promise<EvaluatedSlo> {
    const api = await this.api();
    const { data } = await api.POST(
      '/entities/{kind}/{namespace}/{name}/slos',
      { params: { path: entityParams(entity) }, body: document },
    );
    return data!;
  }

  async deleteSlo(entity: CompoundEntityRef, sloName: string): Promise<void> {
    const api = await this.api();
    await api.DELETE('/entities/{kind}/{namespace}/{name}/slos/{sloName}', {
      params: { path: { ...entityParams(entity), sloName } },
    });
  }

  async exportSlos(entity: CompoundEntityRef): Promise<string> {
    const api = await this.api();
    const { data } = await api.GET(
      '/entities/{kind}/{namespace}/{name}/slos/export',
      {
        params: { path: entityParams(entity) },
        headers: { Accept: 'application/yaml' },
        parseAs: 'text',
      },
    );
    return data!;
  }

  async getDora(
    entity: CompoundEntityRef,
    options: { days?: DoraPeriodDays } = {},
  ): Promise<DoraMetrics> {
    const api = await this.api();
    const { data } = await api.GET('/entities/{kind}/{namespace}/{name}/dora', {
      params: {
        path: entityParams(entity),
        query: options.days ? { days: options.days } : {},
      },
    });
    return data!;
  }

  async getReviewSettings(entity: CompoundEntityRef): Promise<ReviewSettings> {
    const api = await this.api();
    const { data } = await api.GET(
      '/entities/{kind}/{namespace}/{name}/review-settings',
      { params: { path: entityParams(entity) } },
    );
    return data!;
  }

  async setReviewSettings(
    entity: CompoundEntityRef,
    settings: ReviewSettings,
  ): Promise<ReviewSettings> {
    const api = await this.api();
    const { data } = await api.PUT(
      '/entities/{kind}/{namespace}/{name}/review-settings',
      { params: { path: entityParams(entity) }, body: settings },
    );
    return data!;
  }

  async getReviews(entity: CompoundEntityRef): Promise<ReviewSummary[]> {
    const api = await this.api();
    const { data } = await api.GET(
      '/entities/{kind}/{namespace}/{name}/reviews',
      { params: { path: entityParams(entity) } },
    );
    return data!.items;
  }

  async createReview(entity: CompoundEntityRef): Promise<ReviewDigest> {
    const api = await this.api();
    const { data } = await api.POST(
      '/entities/{kind}/{namespace}/{name}/reviews',
      { params: { path: entityParams(entity) } },
    );
    return data!;
  }

  async getReview(
    entity: CompoundEntityRef,
    reviewId: string,
  ): Promise<ReviewDigest> {
    const api = await this.api();
    const { data } = await api.GET(
      '/entities/{kind}/{namespace}/{name}/reviews/{reviewId}',
      { params: { path: { ...entityParams(entity), reviewId } } },
    );
    return data!;
  }

  async getLoopNotifications(): Promise<LoopNotifications> {
    const api = await this.api();
    const { data } = await api.GET('/me/loop-notifications');
    return data!;
  }

  async setLoopNotifications(
    settings: LoopNotifications,
  ): Promise<LoopNotifications> {
    const api = await this.api();
    const { data } = await api.PUT('/me/loop-notifications', {
      body: settings,
    });
    return data!;
  }

  async getPortfolio(
    options: { owner?: string } = {},
  ): Promise<PortfolioEntry[]> {
    const api = await this.api();
    const { data } = await api.GET('/portfolio', {
      params: { query: options.owner ? { owner: options.owner } : {} },
    });
    return data!.items;
  }

  /**
   * A client of the backend at its current base URL. Requests reach the
   * given fetch as a URL and an init with plain headers, as
   * `fetch(url, init)` callers write them, so wrappers that add credentials
   * to `init.headers` keep the body's content type.
   */
  private async api() {
    const baseUrl = await this.discoveryApi.getBaseUrl(
      SYSTEM_PRODUCT_PLUGIN_ID,
    );
    const client = createClient<paths>({
      baseUrl,
      fetch: async (request: Request) =>
        this.fetchApi.fetch(request.url, {
          method: request.method,
          headers: Object.fromEntries(request.headers.entries()),
          body:
            request.method === 'GET' || request.method === 'HEAD'
              ? undefined
              : await request.text(),
          signal: request.signal,
        }),
    });
    client.use(throwOnError);
    return client;
  }
}

/** The path parameters that address an entity, as in the catalog's by-name API. */
function entityParams(entity: CompoundEntityRef) {
  return {
    kind: entity.kind.toLocaleLowerCase('en-US'),
    namespace: entity.namespace,
    name: entity.name,
  };
}

/**
 * The path of an entity's resources, addressed as in the catalog's by-name API.
 *
 * @public
 */
export function entityPath(entity: CompoundEntityRef): string {
  const { kind, namespace, name } = entityParams(entity);
  return `/entities/${[kind, namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}
