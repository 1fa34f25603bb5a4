/**
 * Headline figures of one system product, as the portfolio page and the team
 * card show them. Survey figures are null until k responses stand behind the
 * latest round.
 *
 * @public
 */
export interface PortfolioEntry {
  entityRef: string;
  title: string;
  owner: string | null;
  /** Primary user groups from `system-product/users`. */
  userGroups: string[];
  survey: {
    /** Responses to the latest round, or null without a round. */
    responses: number | null;
    nps: number | null;
    csat: number | null;
  };
  friction: { reports: number; averageSeverity: number | null };
  roadmap: {
    total: number;
    shipped: number;
    inProgress: number;
    planned: number;
  };
  /**
   * Its SLOs by status at the latest scheduled evaluation; all zero and
   * `evaluatedAt` null when none has run (no SLOs, or not evaluated yet).
   */
  slos: {
    total: number;
    breached: number;
    atRisk: number;
    met: number;
    noData: number;
    evaluatedAt: string | null;
  };
  priority: InvestmentPriority;
}

/**
 * "Where to invest first": the article's criteria for picking the first
 * system product (high impact, consistent friction, clear potential, motivated
 * stakeholders), each from 0 to 1, multiplied.
 *
 * @public
 */
export interface InvestmentPriority {
  /** 0 to 1: how many user groups depend on it, against the widest-reaching system. */
  impact: number;
  /** 0 to 1: how much it hurts: mean friction severity, or dissatisfaction (NPS) without reports. */
  friction: number;
  /** 0.5 to 1: owners already engaged (roadmap items planned or in progress) raise it. */
  support: number;
  /** impact × friction × support, 0 to 1; higher means invest sooner. */
  score: number;
}
