import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  PortfolioEntry,
  SloStatus,
  SYSTEM_PRODUCT_ANNOTATIONS,
  getEntityOwner,
  getSystemProductUsers,
  investmentPriority,
  isSystemProductEntity,
  netPromoterScore,
  topTwoBoxScore,
} from '@system-product/backstage-plugin-common';
import { PortfolioStore } from '../database/PortfolioStore';
import { SloStatusStore } from '../database/SloStatusStore';

/** Every system product the caller can see, with its headline figures. */
export class PortfolioService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly store: PortfolioStore,
    private readonly statuses: SloStatusStore,
    private readonly minResponses: number,
  ) {}

  async list(
    credentials: BackstageCredentials,
    options: { owner?: string } = {},
  ): Promise<PortfolioEntry[]> {
    // Systems, and any entity carrying one of our annotations; the catalog
    // answers with what this caller may see.
    const ownedBy: Record<string, string> = options.owner
      ? { 'relations.ownedBy': options.owner.toLocaleLowerCase('en-US') }
      : {};
    const { items } = await this.catalog.getEntities(
      {
        filter: [
          { kind: 'system', ...ownedBy },
          ...SYSTEM_PRODUCT_ANNOTATIONS.map(annotation => ({
            [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
            ...ownedBy,
          })),
        ],
        fields: ['kind', 'metadata', 'spec.owner'],
      },
      { credentials },
    );
    const entities = items.filter(isSystemProductEntity);
    const refs = entities.map(e => stringifyEntityRef(e));
    const [headlines, sloStatuses] = await Promise.all([
      this.store.headlines(refs),
      this.statuses.latestByEntity(refs),
    ]);
    const usersOf = entities.map(e => getSystemProductUsers(e));

    return entities
      .map((entity, i) => {
        const ref = refs[i];
        const round = headlines.latestRounds.get(ref);
        const counts = round
          ? headlines.roundCounts.get(round.roundId) ?? {}
          : {};
        const visible =
          round !== undefined && round.responses >= this.minResponses;
        const nps = visible ? netPromoterScore(counts.nps ?? {}) : null;
        const csat = visible ? topTwoBoxScore(counts.csat ?? {}) : null;
        const slos = sloSummary(sloStatuses.get(ref));
        const friction = headlines.friction.get(ref);
        const roadmap = headlines.roadmap.get(ref) ?? {};
        const userGroups = usersOf[i];
        return {
          entityRef: ref,
          title: entity.metadata.title ?? entity.metadata.name,
          owner: getEntityOwner(entity) ?? null,
          userGroups,
          survey: {
            responses: round ? round.responses : null,
            nps,
            csat,
          },
          friction: {
            reports: friction?.reports ?? 0,
            averageSeverity: friction?.averageSeverity ?? null,
          },
          roadmap: {
            total: Object.values(roadmap).reduce((a, b) => a + b, 0),
            shipped: roadmap.shipped ?? 0,
            inProgress: roadmap['in-progress'] ?? 0,
            planned: roadmap.planned ?? 0,
          },
          slos,
          // On fixed scales: the same score whatever else this page lists.
          priority: investmentPriority({
            userGroups: userGroups.length,
            averageSeverity: friction?.averageSeverity ?? null,
            frictionReports: friction?.reports ?? 0,
            nps,
            csat,
            slos,
            activeRoadmapItems:
              (roadmap.planned ?? 0) + (roadmap['in-progress'] ?? 0),
          }),
        };
      })
      .sort((a, b) => b.priority.score - a.priority.score);
  }
}

function sloSummary(
  latest:
    | { counts: Partial<Record<SloStatus, number>>; at: string }
    | undefined,
): PortfolioEntry['slos'] {
  const counts = latest?.counts ?? {};
  const breached = counts.breached ?? 0;
  const atRisk = counts['at-risk'] ?? 0;
  const met = counts.met ?? 0;
  const noData = counts['no-data'] ?? 0;
  return {
    total: breached + atRisk + met + noData,
    breached,
    atRisk,
    met,
    noData,
    evaluatedAt: latest?.at ?? null,
  };
}
