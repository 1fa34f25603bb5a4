import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { Canvas, CanvasUpdate } from '../canvas/types';
import { PortfolioEntry } from '../portfolio/types';
import { EntitySlos, EvaluatedSlo, SloStatusReport } from '../slo/entitySlos';
import { OpenSloDocument } from '../slo/exportOpenSlo';
import { DoraMetrics, DoraPeriodDays } from '../slo/dora';
import {
  FrictionReportRequest,
  Journey,
  JourneyUpdate,
} from '../journey/types';
import {
  RoadmapItem,
  RoadmapItemInput,
  RoadmapItemPatch,
} from '../roadmap/types';
import { SurveyAnswers, SurveyResults, SurveyRound } from '../survey/types';
import {
  CanvasRevision,
  OpenSurveyRoundRequest,
  SystemProductApi,
} from './SystemProductApi';

/** The plugin id under which the backend is mounted. @public */
export const SYSTEM_PRODUCT_PLUGIN_ID = 'system-product';

/**
 * HTTP client of the System Product backend. Works in the browser (with
 * Backstage's `discoveryApi` and `fetchApi`) and in backend modules (with the
 * discovery service and a fetch that adds credentials).
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
    return this.request<Canvas>(`${entityPath(entity)}/canvas`);
  }

  async updateCanvas(
    entity: CompoundEntityRef,
    update: CanvasUpdate,
  ): Promise<Canvas> {
    return this.send<Canvas>('PUT', `${entityPath(entity)}/canvas`, update);
  }

  async getCanvasRevisions(
    entity: CompoundEntityRef,
  ): Promise<CanvasRevision[]> {
    const { items } = await this.request<{ items: CanvasRevision[] }>(
      `${entityPath(entity)}/canvas/revisions`,
    );
    return items;
  }

  async getJourney(entity: CompoundEntityRef): Promise<Journey> {
    return this.request<Journey>(`${entityPath(entity)}/journey`);
  }

  async updateJourney(
    entity: CompoundEntityRef,
    update: JourneyUpdate,
  ): Promise<Journey> {
    return this.send<Journey>('PUT', `${entityPath(entity)}/journey`, update);
  }

  async reportFriction(
    entity: CompoundEntityRef,
    report: FrictionReportRequest,
  ): Promise<void> {
    await this.send('POST', `${entityPath(entity)}/friction`, report);
  }

  async getSurveyRounds(entity: CompoundEntityRef): Promise<SurveyRound[]> {
    const { items } = await this.request<{ items: SurveyRound[] }>(
      `${entityPath(entity)}/surveys`,
    );
    return items;
  }

  async openSurveyRound(
    entity: CompoundEntityRef,
    request: OpenSurveyRoundRequest,
  ): Promise<SurveyRound> {
    return this.send<SurveyRound>(
      'POST',
      `${entityPath(entity)}/surveys`,
      request,
    );
  }

  async answerSurvey(
    roundId: string,
    answers: SurveyAnswers,
  ): Promise<{ replaced: boolean }> {
    return this.send(
      'POST',
      `/surveys/${encodeURIComponent(roundId)}/responses`,
      {
        answers,
      },
    );
  }

  async getSurveyResults(roundId: string): Promise<SurveyResults> {
    return this.request<SurveyResults>(
      `/surveys/${encodeURIComponent(roundId)}/results`,
    );
  }

  async getRoadmap(entity: CompoundEntityRef): Promise<RoadmapItem[]> {
    const { items } = await this.request<{ items: RoadmapItem[] }>(
      `${entityPath(entity)}/roadmap`,
    );
    return items;
  }

  async createRoadmapItem(
    entity: CompoundEntityRef,
    item: RoadmapItemInput,
  ): Promise<RoadmapItem> {
    return this.send<RoadmapItem>(
      'POST',
      `${entityPath(entity)}/roadmap`,
      item,
    );
  }

  async updateRoadmapItem(
    itemId: string,
    patch: RoadmapItemPatch,
  ): Promise<RoadmapItem> {
    return this.send<RoadmapItem>(
      'PATCH',
      `/roadmap/${encodeURIComponent(itemId)}`,
      patch,
    );
  }

  async getSlos(entity: CompoundEntityRef): Promise<EntitySlos> {
    return this.request(`${entityPath(entity)}/slos`);
  }

  async getSloStatus(
    entity: CompoundEntityRef,
    sloName: string,
  ): Promise<SloStatusReport> {
    return this.request(
      `${entityPath(entity)}/slos/${encodeURIComponent(sloName)}/status`,
    );
  }

  async createSlo(
    entity: CompoundEntityRef,
    document: OpenSloDocument,
  ): Promise<EvaluatedSlo> {
    return this.send('POST', `${entityPath(entity)}/slos`, document);
  }

  async deleteSlo(entity: CompoundEntityRef, sloName: string): Promise<void> {
    const response = await this.fetch(
      `${entityPath(entity)}/slos/${encodeURIComponent(sloName)}`,
      { method: 'DELETE' },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
  }

  async exportSlos(entity: CompoundEntityRef): Promise<string> {
    const response = await this.fetch(`${entityPath(entity)}/slos/export`, {
      headers: { Accept: 'application/yaml' },
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.text();
  }

  async getDora(
    entity: CompoundEntityRef,
    options: { days?: DoraPeriodDays } = {},
  ): Promise<DoraMetrics> {
    const query = options.days ? `?days=${options.days}` : '';
    return this.request(`${entityPath(entity)}/dora${query}`);
  }

  async getPortfolio(
    options: { owner?: string } = {},
  ): Promise<PortfolioEntry[]> {
    const query = options.owner
      ? `?owner=${encodeURIComponent(options.owner)}`
      : '';
    const { items } = await this.request<{ items: PortfolioEntry[] }>(
      `/portfolio${query}`,
    );
    return items;
  }

  private async send<T>(
    method: string,
    path: string,
    body: unknown,
  ): Promise<T> {
    return this.request<T>(path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private async fetch(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl(
      SYSTEM_PRODUCT_PLUGIN_ID,
    );
    return this.fetchApi.fetch(`${baseUrl}${path}`, init);
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await this.fetch(path, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/**
 * The path of an entity's resources, addressed as in the catalog's by-name API.
 *
 * @public
 */
export function entityPath(entity: CompoundEntityRef): string {
  const parts = [
    entity.kind.toLocaleLowerCase('en-US'),
    entity.namespace,
    entity.name,
  ];
  return `/entities/${parts.map(encodeURIComponent).join('/')}`;
}
