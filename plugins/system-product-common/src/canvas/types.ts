/**
 * A person the system serves, described the way the canvas asks: who they are,
 * what they need, what frustrates them and how they measure success.
 *
 * @public
 */
export interface Persona {
  name: string;
  description: string;
  needs: string[];
  frustrations: string[];
  successMeasures: string[];
}

/**
 * The five sections of the System Transformation Canvas.
 *
 * @public
 */
export interface CanvasContent {
  users: { personas: Persona[] };
  valueProposition: {
    value: string;
    easierWork: string;
    withoutIt: string;
    externalValue: string;
  };
  journey: {
    summary: string;
    touchpoints: string[];
    mostFriction: string;
    failureModes: string[];
    slowestSteps: string[];
  };
  metrics: {
    efficiency: string[];
    quality: string[];
    satisfaction: string[];
    businessImpact: string[];
  };
  roadmap: {
    summary: string;
    painPoints: string[];
    quickWins: string[];
    strategicChanges: string[];
    resourceRequirements: string;
    timeline: string;
  };
}

/**
 * A stored canvas. `version` starts at 1 and grows by one with every accepted
 * update; a canvas that was never saved is reported with version 0.
 *
 * @public
 */
export interface Canvas {
  entityRef: string;
  version: number;
  content: CanvasContent;
  updatedBy?: string;
  updatedAt?: string;
}

/**
 * Body of `PUT .../canvas`: the new content and the version it was based on.
 *
 * @public
 */
export interface CanvasUpdate {
  version: number;
  content: CanvasContent;
}
