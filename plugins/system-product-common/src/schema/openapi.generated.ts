// Generated from plugins/system-product-backend/src/schema/openapi.yaml
// by scripts/generate-openapi.mjs. Do not edit.

/* eslint-disable */
// The REST API of the System Product backend, as TypeScript types.

/** @public */
export interface paths {
  '/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A batch of delivery events (deployments, incidents, support tickets, builds, custom measurements) for the SLOs. Idempotent by the client's event id. All or nothing: when any event is bad (against this document, in the order of its times, or for an entity the caller may not post for) the answer is 400 listing every bad event, and nothing is stored; otherwise every event is stored in one transaction. Pipelines post with a service token (backend.auth.externalAccess); users need system-product.slo.manage on the entity. A deployment made to remediate an incident names it in remediatesIncident (its event id), an incident the deployment that caused it in causedByDeployment. */
    post: operations['PostEvents'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/portfolio': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every system product the caller can see in the catalog, with its headline figures, ranked by where to invest first. */
    get: operations['GetPortfolio'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness. Needs no credentials. */
    get: operations['GetHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/canvas': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** The entity's canvas; version 0 with empty content when none was saved. */
    get: operations['GetCanvas'];
    /** Replaces the canvas. Needs system-product.canvas.update on the entity. 409 when version is not the stored version. */
    put: operations['UpdateCanvas'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/canvas/revisions': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** Who changed which canvas sections when, newest first. */
    get: operations['GetCanvasRevisions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/journey': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** The journey map with friction per touchpoint; version 0 when none was saved. */
    get: operations['GetJourney'];
    /** Replaces the whole journey map. Send back the ids of stages and touchpoints to keep them and their friction reports. Needs system-product.journey.update on the entity; 409 when version is stale. */
    put: operations['UpdateJourney'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/friction': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reports friction on a touchpoint. Any user who can see the entity may. */
    post: operations['ReportFriction'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/touchpoints/{touchpointId}/me-too': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
        /** The touchpoint's id, as the journey lists it. */
        touchpointId: components['parameters']['touchpointId'];
      };
      cookie?: never;
    };
    get?: never;
    /** Adds the calling user's weight to the friction of a touchpoint without a report of their own ("me too"). Any user who can see the entity may; a person counts once however often they say it. Kept only as a keyed hash, like a friction report. */
    put: operations['SayMeToo'];
    post?: never;
    /** Withdraws the calling user's "me too" on a touchpoint, if they said it. */
    delete: operations['WithdrawMeToo'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/surveys': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** Survey rounds of the entity, newest first, with scores once k responses stand behind them. */
    get: operations['GetSurveyRounds'];
    put?: never;
    /** Opens a survey round. Needs system-product.survey-round.manage on the entity. */
    post: operations['OpenSurveyRound'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/moments': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** The entity's moment triggers (micro-surveys), oldest first, with their rounds. */
    get: operations['GetMomentTriggers'];
    put?: never;
    /** Adds a moment trigger (owners, as for survey rounds). */
    post: operations['CreateMomentTrigger'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/moments/{triggerId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
        triggerId: components['parameters']['triggerId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Removes a moment trigger and its open prompts (owners); its rounds and their answers stay. */
    delete: operations['DeleteMomentTrigger'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/prompts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The calling user's open moment prompts (not answered, not expired), newest first. */
    get: operations['GetMyPrompts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/prompts/{promptId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        promptId: components['parameters']['promptId'];
      };
      cookie?: never;
    };
    /** A moment prompt; 404 for anyone but the person it went to. */
    get: operations['GetPrompt'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/page-moments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The portal paths whose visits may prompt the caller (page triggers of entities the caller can see), so that a portal reports only those visits. */
    get: operations['GetPageMoments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/page-moments/visits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The calling user visited a page of the portal: a page trigger of that path may prompt them (sampled, with its cooldown and the fatigue cap, as event triggers do). The prompt is answered to the caller only, for the portal to show at once; no notification is sent for it. */
    post: operations['ReportPageVisit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/prompts/{promptId}/answer': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        promptId: components['parameters']['promptId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answers a moment prompt, once, before it expires; only the person it went to may (404 for anyone else). The answer joins the trigger's round of the month, k-anonymous. */
    post: operations['AnswerPrompt'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/review-settings': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** How often the entity's review is assembled (off until an owner chooses). */
    get: operations['GetReviewSettings'];
    /** Chooses weekly, monthly or no reviews (owners, as for the canvas). */
    put: operations['SetReviewSettings'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** The entity's past reviews, newest first. */
    get: operations['GetReviews'];
    put?: never;
    /** Assembles a review now (owners): of the last 7 days, or 30 for a monthly cadence, up to now. */
    post: operations['CreateReview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/reviews/{reviewId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
        reviewId: components['parameters']['reviewId'];
      };
      cookie?: never;
    };
    /** One review, as it was assembled. */
    get: operations['GetReview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/loop-notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether the calling user is told when an improvement ships for a touchpoint they reported friction on, said "me too" on or answered a moment about (users only). */
    get: operations['GetLoopNotifications'];
    /** Turns those notifications on or off for the calling user. */
    put: operations['SetLoopNotifications'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/survey-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The templates new rounds on the entity can use, each at its current version: platform-pulse, those of app-config (systemProduct.survey.templates) and the entity's owner templates. 404 when the caller cannot see the entity. */
    get: operations['GetSurveyTemplates'];
    put?: never;
    /** Makes an owner template of an entity, at version 1. Needs system-product.survey-round.manage on the entity (as opening a round does); 404 when the caller cannot see it, 409 when the id is taken by any template. */
    post: operations['CreateSurveyTemplate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/survey-templates/{templateId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        templateId: components['parameters']['templateId'];
      };
      cookie?: never;
    };
    /** A template at its current version, or at ?version=N. An owner template exists only for those who can see its entity (404 for others). With ?entityRef=..., 404 also when rounds on that entity cannot use it (another entity's owner template, moment, one removed from app-config). */
    get: operations['GetSurveyTemplate'];
    /** Changes an owner template, as a new version when title, description or questions differ (the same content answers the current version); rounds opened before keep their version's questions. Needs system-product.survey-round.manage on its entity. 409 for a template defined in app-config or built in, and when expectedVersion is not the current version. */
    put: operations['UpdateSurveyTemplate'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/surveys/{roundId}/responses/mine': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        roundId: components['parameters']['roundId'];
      };
      cookie?: never;
    };
    /** The calling user's own answer to the round, found through their keyed hash (users only; never anyone else's); 404 if they have not answered. */
    get: operations['GetMySurveyAnswer'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/surveys/{roundId}/responses': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        roundId: components['parameters']['roundId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answers an open round. One response per person and round: answering again replaces the earlier answer. 409 when the round is not open. */
    post: operations['AnswerSurvey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/surveys/{roundId}/results': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        roundId: components['parameters']['roundId'];
      };
      cookie?: never;
    };
    /** k-anonymous aggregates of a round. */
    get: operations['GetSurveyResults'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/slos': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** The SLOs of the entity's OpenSLO file (system-product/slo-ref) and those made in the portal (origin file or portal), each evaluated now (SLI, remaining budget, burn rates, status), and what is wrong with the file by document and field (a bad SLO is left out). DORA's figures are at .../dora. */
    get: operations['GetSlos'];
    put?: never;
    /** Adds an SLO made in the portal, given as one OpenSLO v1 document of kind SLO with an inline indicator. 400 names the field when the document is invalid or its metric cannot be measured; 409 when the entity already has an SLO of that name. Needs system-product.slo.manage on the entity. */
    post: operations['CreateSlo'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/slos/export': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** Every SLO of the entity (file and portal) as one OpenSLO v1 YAML file, indicators inline. */
    get: operations['ExportSlos'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/slos/{sloName}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
        /** The SLO's metadata.name. */
        sloName: components['parameters']['sloName'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Removes an SLO made in the portal (400 for an SLO of the file, which changes in its file). Needs system-product.slo.manage on the entity. */
    delete: operations['DeleteSlo'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/slos/{sloName}/status': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
        /** The SLO's metadata.name. */
        sloName: components['parameters']['sloName'];
      };
      cookie?: never;
    };
    /** One SLO evaluated now, with the scheduled evaluations of its current window (oldest first): the points of its trend. Beyond 500, the latest evaluation of each of 500 equal spans of the window. */
    get: operations['GetSloStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/dora': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** DORA's figures of the entity's production deployments and incidents over the last `days`: deployment frequency as a cadence, change lead time, change fail rate, deployment rework rate, failed-deployment recovery time, and time to detect and to restore incidents; each with its sample size and, where the 2024 report has clusters and there are at least minSamples samples, its band. Follows catalog visibility. */
    get: operations['GetDora'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/roadmap': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** Roadmap items of the entity. */
    get: operations['GetRoadmap'];
    put?: never;
    /** Adds a roadmap item. Needs system-product.roadmap.manage on the entity. */
    post: operations['CreateRoadmapItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/roadmap/{itemId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        itemId: components['parameters']['itemId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Changes the given fields of an item. Needs system-product.roadmap.manage on its entity; 409 when version is stale. */
    patch: operations['UpdateRoadmapItem'];
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
/** @public */
export interface components {
  schemas: {
    Error: {
      error?: {
        name: string;
        /** For a refused request (400), each field and the rule it breaks, separated by "; ": `body.stages[0].name: must not be blank; body.stages[0].colour: is not a known field`. */
        message: string;
      };
      request?: {
        method?: string;
        url?: string;
      };
      response?: {
        statusCode?: number;
      };
    };
    /** A batch of events refused as a whole (400, nothing stored): a Backstage error body whose error also lists every bad event. */
    EventBatchRefusal: components['schemas']['Error'] & {
      error?: {
        /** Each problem of each bad event, by index in the batch; field is the event's field (left out when the event as a whole is wrong). */
        rejected: components['schemas']['RejectedEvent'][];
      };
    };
    RejectedEvent: {
      /** Its place in the batch */
      index: number;
      /** Its id */
      id?: string;
      field?: string;
      reason: string;
    };
    Text: string;
    NonBlankName: string;
    TextList: components['schemas']['Text'][];
    Persona: {
      name: components['schemas']['Text'];
      description: components['schemas']['Text'];
      needs: components['schemas']['TextList'];
      frustrations: components['schemas']['TextList'];
      successMeasures: components['schemas']['TextList'];
    };
    /** The five sections of the System Transformation Canvas. */
    CanvasContent: {
      users: {
        personas: components['schemas']['Persona'][];
      };
      valueProposition: {
        value: components['schemas']['Text'];
        easierWork: components['schemas']['Text'];
        withoutIt: components['schemas']['Text'];
        externalValue: components['schemas']['Text'];
      };
      journey: {
        summary: components['schemas']['Text'];
        touchpoints: components['schemas']['TextList'];
        mostFriction: components['schemas']['Text'];
        failureModes: components['schemas']['TextList'];
        slowestSteps: components['schemas']['TextList'];
      };
      metrics: {
        efficiency: components['schemas']['TextList'];
        quality: components['schemas']['TextList'];
        satisfaction: components['schemas']['TextList'];
        businessImpact: components['schemas']['TextList'];
      };
      roadmap: {
        summary: components['schemas']['Text'];
        painPoints: components['schemas']['TextList'];
        quickWins: components['schemas']['TextList'];
        strategicChanges: components['schemas']['TextList'];
        resourceRequirements: components['schemas']['Text'];
        timeline: components['schemas']['Text'];
      };
    };
    CanvasUpdate: {
      /** The version the update was based on (0 for the first save). */
      version: number;
      content: components['schemas']['CanvasContent'];
    };
    Canvas: {
      entityRef: string;
      version: number;
      content: components['schemas']['CanvasContent'];
      updatedBy?: string;
      /** Format: date-time */
      updatedAt?: string;
    };
    CanvasRevisions: {
      items: components['schemas']['CanvasRevision'][];
    };
    /**
     * A section of the canvas (a property of CanvasContent).
     */
    CanvasSectionId:
      | 'users'
      | 'valueProposition'
      | 'journey'
      | 'metrics'
      | 'roadmap';
    /** One accepted canvas write, who changed which sections when. */
    CanvasRevision: {
      version: number;
      changedSections: components['schemas']['CanvasSectionId'][];
      changedBy: string;
      /** Format: date-time */
      changedAt: string;
    };
    JourneyUpdate: {
      version: number;
      /** Stage and touchpoint ids must be unique within the journey. */
      stages: {
        id?: string;
        name: components['schemas']['NonBlankName'];
        description?: string;
        touchpoints: {
          id?: string;
          name: components['schemas']['NonBlankName'];
          expectedMinutes?: number | null;
          failureModes?: string[];
          owner?: string | null;
        }[];
      }[];
    };
    /** The journey map of an entity; version 0 means none was saved. */
    Journey: {
      entityRef: string;
      version: number;
      updatedBy?: string;
      /** Format: date-time */
      updatedAt?: string;
      stages: components['schemas']['JourneyStage'][];
    };
    /** A stage of the journey, left to right. */
    JourneyStage: {
      id: string;
      name: string;
      description: string;
      touchpoints: components['schemas']['Touchpoint'][];
    };
    /** A step of the journey where users meet the system. */
    Touchpoint: {
      id: string;
      name: string;
      /** How long the step is expected to take, in minutes; null when unknown. */
      expectedMinutes: number | null;
      failureModes: string[];
      /** Entity ref of who owns the step, or null. */
      owner: string | null;
      friction: components['schemas']['TouchpointFriction'];
    };
    /** How much a touchpoint hurts, from friction reports: how many, their mean severity (1 to 5) and the newest texts (never who wrote them). The mean and the texts need at least k different reporters behind them; below that, only the counts. */
    TouchpointFriction: {
      reports: number;
      /** Mean severity; null without reports and while fewer than minReporters people reported. */
      averageSeverity: number | null;
      /** How many different people reported friction here (a person may report more than once). */
      reporters: number;
      /** k (systemProduct.survey.minResponses, default 5): texts and the mean are returned only once at least this many different people reported, so that neither can single out its author. */
      minReporters: number;
      /** What people wrote, newest first: at most 5, blank ones left out, never with who wrote them. Empty while textsHidden. */
      texts: string[];
      /** True while fewer than minReporters people reported, so texts and averageSeverity are withheld. */
      textsHidden: boolean;
      /** How many people said "me too" here (each once) without reporting themselves; null while fewer than minReporters did, so that a count cannot single anyone out. */
      meToo: number | null;
      /** Whether the caller said "me too" here: only ever about the caller, found through their keyed hash; false for a service. */
      youSaidMeToo: boolean;
    };
    FrictionReportRequest: {
      touchpointId: string;
      /** 1 (a nuisance) to 5 (blocks work). */
      severity: number;
      text?: string;
      /** Services only, when importing reports collected elsewhere: an opaque id of the reporter. Kept only as a key, never returned. */
      reporter?: string;
    };
    /** closesAt must be after opensAt (now when not given), and a round lasts at most 366 days. */
    OpenSurveyRoundRequest: {
      /** Defaults to the template's title. */
      title?: string;
      /** Defaults to the entity's system-product/survey annotation, else platform-pulse. Any template usable for the entity (GET /survey-templates?entityRef=...); the round keeps the questions of the template's current version. */
      templateId?: string;
      /** Format: date-time */
      opensAt?: string;
      /** Format: date-time */
      closesAt: string;
      /** Defaults to the entity's system-product/users annotation. */
      targetGroups?: string[];
    };
    /**
     * NPS (0 to 10), CSAT (1 to 5), a Likert agreement item (1 strongly disagree to 5 strongly agree), free text, one of the question's options (single: the answer is the option's index) and some of them (multiple: an array of distinct option indexes, at least one).
     */
    SurveyQuestionKind:
      | 'nps'
      | 'csat'
      | 'likert'
      | 'text'
      | 'single'
      | 'multiple';
    /** Up to 64 letters, digits, "-", "_" and ".", starting with a letter or digit. */
    SurveyQuestionId: string;
    /** What the ends of a scale mean, e.g. "Strongly disagree" and "Strongly agree". */
    SurveyScaleAnchors: {
      low: string;
      high: string;
    };
    /** One question of a template. options (2 to 20 distinct texts) only on single and multiple, maxChoices (at most the number of options) only on multiple, anchors only on nps, csat and likert. The API returns every nps, csat and likert question with its anchors resolved: the template's, else the kind's defaults (likert "Strongly disagree" to "Strongly agree", csat "Very dissatisfied" to "Very satisfied", nps "Not at all likely" to "Extremely likely"). */
    SurveyQuestion: {
      id: components['schemas']['SurveyQuestionId'];
      kind: components['schemas']['SurveyQuestionKind'];
      prompt: string;
      /** The choices, answered by index (0 is the first). */
      options?: string[];
      /** Most options one answer of a multiple question may choose; default all. */
      maxChoices?: number;
      anchors?: components['schemas']['SurveyScaleAnchors'];
    };
    /** Up to 64 letters, digits, "-", "_" and ".", starting with a letter or digit; unique across every template (built in, app-config, owners'). */
    SurveyTemplateId: string;
    /**
     * built-in: shipped with the plugin (platform-pulse, and moment, which only moment triggers use); config: systemProduct.survey.templates of app-config; owner: made by an entity's owners through this API, usable only for rounds on that entity.
     */
    SurveyTemplateSource: 'built-in' | 'config' | 'owner';
    /** 1 to 30 questions with unique ids. */
    SurveyTemplateQuestions: components['schemas']['SurveyQuestion'][];
    /** A version of a survey template. A change makes a new version; a round keeps the questions of the version it was opened with. */
    SurveyTemplate: {
      id: components['schemas']['SurveyTemplateId'];
      title: string;
      description?: string;
      source: components['schemas']['SurveyTemplateSource'];
      /** The entity an owner template belongs to; absent on the others. */
      entityRef?: string;
      /** This version. */
      version: number;
      /** The template's current (newest) version, the one new rounds get. */
      currentVersion: number;
      /** Whether new rounds can use it: false for moment (moment triggers only) and for a template removed from app-config, which its rounds still read. */
      offered: boolean;
      /**
       * Format: date-time
       * When this version was made.
       */
      createdAt: string;
      /** Who made this version: a user or service ref, app-config or system-product (built in). */
      createdBy: string;
      questions: components['schemas']['SurveyQuestion'][];
    };
    /** An owner template of entityRef. Needs system-product.survey-round.manage on the entity, as opening a round does. */
    SurveyTemplateCreateRequest: {
      /** The entity whose rounds may use it, e.g. system:default/ci-cd-pipeline. */
      entityRef: string;
      id: components['schemas']['SurveyTemplateId'];
      title: string;
      description?: string;
      questions: components['schemas']['SurveyTemplateQuestions'];
    };
    SurveyTemplateUpdateRequest: {
      title: string;
      description?: string;
      questions: components['schemas']['SurveyTemplateQuestions'];
      /** The current version the change is based on; 409 when the template has moved on. */
      expectedVersion?: number;
    };
    /** A survey round on an entity. Who answered is never part of it. */
    SurveyRound: {
      id: string;
      entityRef: string;
      templateId: string;
      /** The template version it was opened with, whose questions it keeps when the template changes. */
      templateVersion: number;
      title: string;
      /** Format: date-time */
      opensAt: string;
      /** Format: date-time */
      closesAt: string;
      targetGroups: string[];
      responseCount: number;
      questions: components['schemas']['SurveyQuestion'][];
      /** Set on a moment trigger's round of one month (answered through prompts only); survey rounds have none. */
      triggerId?: string;
      /** Score of each nps, csat and likert question (NPS, or share of 4 and 5), from the round's published results; null while fewer than k responses stand behind the round, and a question's score null while fewer than k answers stand behind it. */
      scores?: {
        [key: string]: number | null;
      } | null;
    };
    SurveyAnswerRequest: {
      /** Question id to its answer: a score (an integer in the question's range), a text, an option's index (single) or an array of distinct option indexes, at least one and at most maxChoices (multiple); every id must be a question of the round. Answering again changes the questions named and keeps the others; null withdraws an earlier answer to that question. */
      answers: {
        [key: string]: number | string | number[] | null;
      };
      /** Services only, when importing answers collected elsewhere: an opaque id of the respondent. Kept only as a key, never returned. */
      respondent?: string;
    };
    /** Aggregates of a round, as last published. Below k responses only the count and how many more are needed; never who answered. Published results change only once at least k new responses arrived since they were published (nextUpdateAfter says when), so watching them never isolates one answer; a question (or its texts) with fewer than k answers behind it shows only its count (visible false). */
    SurveyResults:
      | components['schemas']['HiddenSurveyResults']
      | components['schemas']['PublishedSurveyResults'];
    HiddenSurveyResults: {
      roundId: string;
      /** Responses so far. */
      responses: number;
      minResponses: number;
      visible: false;
      moreNeeded: number;
    };
    PublishedSurveyResults: {
      roundId: string;
      /** Responses so far; the figures may stand on fewer (publishedResponses). */
      responses: number;
      minResponses: number;
      visible: true;
      /** Responses behind the figures shown. */
      publishedResponses: number;
      /** Format: date-time */
      publishedAt: string;
      /** More responses it takes before the figures next change; null once the round closed (its last publication is final). */
      nextUpdateAfter: number | null;
      scored: components['schemas']['ScoredQuestionResult'][];
      choice: components['schemas']['ChoiceQuestionResult'][];
      text: components['schemas']['TextQuestionResult'][];
      /** The figures broken down by the catalog groups users were direct members of when answering, by group ref; empty when none. */
      groups: components['schemas']['SurveyGroupResult'][];
    };
    /** One group's cell of the results: the figures of its respondents' scored and choice answers (never free texts), published with the round under the same rule per group: refreshed only once the group has at least k respondents and their number moved by at least k since it was published. A cell is hidden (visible false, without its group or a count; hidden cells come after the shown ones) below that, and when it could be subtracted from figures shown beside it: when the round's other respondents, or the other respondents of a group holding all of its respondents, are more than 0 and fewer than k. */
    SurveyGroupResult:
      | components['schemas']['VisibleSurveyGroupResult']
      | components['schemas']['HiddenSurveyGroupResult'];
    VisibleSurveyGroupResult: {
      /** The group's entity ref. */
      group: string;
      visible: true;
      /** The group's respondents behind the figures. */
      responses: number;
      scored: components['schemas']['GroupScoredQuestionResult'][];
      choice: components['schemas']['GroupChoiceQuestionResult'][];
    };
    /** A hidden cell, without its group: naming a small group would tell that one of its members answered. */
    HiddenSurveyGroupResult: {
      visible: false;
    };
    /** A scored question in a group's cell: its figures with at least k of the group's answers behind them; below that, only that it is hidden. */
    GroupScoredQuestionResult:
      | components['schemas']['VisibleScoredQuestionResult']
      | components['schemas']['HiddenGroupScoredQuestionResult'];
    HiddenGroupScoredQuestionResult: {
      questionId: string;
      kind: components['schemas']['ScoredQuestionKind'];
      visible: false;
    };
    /** A choice question in a group's cell: its option counts with at least k of the group's respondents behind them; below that, only that it is hidden. */
    GroupChoiceQuestionResult:
      | components['schemas']['VisibleChoiceQuestionResult']
      | components['schemas']['HiddenGroupChoiceQuestionResult'];
    HiddenGroupChoiceQuestionResult: {
      questionId: string;
      kind: components['schemas']['ChoiceQuestionKind'];
      visible: false;
    };
    ScoredQuestionKind: 'nps' | 'csat' | 'likert';
    ChoiceQuestionKind: 'single' | 'multiple';
    /** Aggregate of one single or multiple choice question: per option, how many chose it, only with at least k respondents behind the figures; below that, only how many answered. */
    ChoiceQuestionResult:
      | components['schemas']['VisibleChoiceQuestionResult']
      | components['schemas']['HiddenChoiceQuestionResult'];
    VisibleChoiceQuestionResult: {
      questionId: string;
      kind: components['schemas']['ChoiceQuestionKind'];
      /** How many answered it (people, not choices), the answers behind the figures. */
      answered: number;
      visible: true;
      /** Every option of the question, in its order, chosen or not. */
      options: {
        index: number;
        label: string;
        /** How many chose it. */
        count: number;
        /** Percent of the question's respondents who chose it; the shares of a multiple question can add to more than 100. */
        share: number;
      }[];
    };
    HiddenChoiceQuestionResult: {
      questionId: string;
      kind: components['schemas']['ChoiceQuestionKind'];
      /** How many had answered it at the last publication, fewer than k. */
      answered: number;
      visible: false;
    };
    /** Aggregate of one scored question: its figures only with at least k answers behind them; below that, only how many answered. */
    ScoredQuestionResult:
      | components['schemas']['VisibleScoredQuestionResult']
      | components['schemas']['HiddenScoredQuestionResult'];
    VisibleScoredQuestionResult: {
      questionId: string;
      kind: components['schemas']['ScoredQuestionKind'];
      /** How many answered it, the answers behind the figures. */
      answered: number;
      visible: true;
      /** Count of answers per value, e.g. \{"9": 4, "10": 2\}. */
      distribution: {
        [key: string]: number;
      };
      /** Mean of the values; null when nobody answered. */
      mean: number | null;
      /** NPS (-100 to 100) for nps questions, share of 4 and 5 (0 to 100) for csat and likert. */
      score: number | null;
    };
    HiddenScoredQuestionResult: {
      questionId: string;
      kind: components['schemas']['ScoredQuestionKind'];
      /** How many had answered it at the last publication, fewer than k. */
      answered: number;
      visible: false;
    };
    /** Free-text answers of one question, in alphabetical order (never in the order they came in); empty, with only the count, while fewer than k answered it (visible false). */
    TextQuestionResult: {
      questionId: string;
      answered: number;
      visible: boolean;
      answers: string[];
    };
    RoadmapDescription: string;
    RoadmapItemKind: 'quick-win' | 'strategic';
    RoadmapItemStatus:
      | 'idea'
      | 'planned'
      | 'in-progress'
      | 'shipped'
      | 'dropped';
    RoadmapOwner: string | null;
    /** Format: date */
    RoadmapTargetDate: string | null;
    RoadmapMilestones: {
      title: components['schemas']['NonBlankName'];
      done?: boolean;
    }[];
    RoadmapPainPoints: string[];
    RoadmapTouchpointIds: string[];
    /** The SLO or metric the item should move. */
    RoadmapMetric: string | null;
    /** Stored exactly as given (a double). */
    RoadmapMetricValue: number | null;
    /**
     * The unit of metricBefore and metricAfter, as shown after each number (31 h → 19 h); null when the values have none. The values of an SLO are its SLI in percent: `%`.
     * @example h
     * @example min
     * @example %
     * @example days
     * @example builds/week
     */
    RoadmapMetricUnit: string | null;
    /** The fields of a roadmap item that a write sets. */
    RoadmapFields: {
      title?: components['schemas']['NonBlankName'];
      description?: components['schemas']['RoadmapDescription'];
      kind?: components['schemas']['RoadmapItemKind'];
      status?: components['schemas']['RoadmapItemStatus'];
      owner?: components['schemas']['RoadmapOwner'];
      targetDate?: components['schemas']['RoadmapTargetDate'];
      milestones?: components['schemas']['RoadmapMilestones'];
      painPoints?: components['schemas']['RoadmapPainPoints'];
      touchpointIds?: components['schemas']['RoadmapTouchpointIds'];
      metric?: components['schemas']['RoadmapMetric'];
      metricBefore?: components['schemas']['RoadmapMetricValue'];
      metricAfter?: components['schemas']['RoadmapMetricValue'];
      metricUnit?: components['schemas']['RoadmapMetricUnit'];
    };
    RoadmapItemInput: {
      title: components['schemas']['NonBlankName'];
      description?: components['schemas']['RoadmapDescription'];
      kind: components['schemas']['RoadmapItemKind'];
      status?: components['schemas']['RoadmapItemStatus'];
      owner?: components['schemas']['RoadmapOwner'];
      targetDate?: components['schemas']['RoadmapTargetDate'];
      milestones?: components['schemas']['RoadmapMilestones'];
      painPoints?: components['schemas']['RoadmapPainPoints'];
      touchpointIds?: components['schemas']['RoadmapTouchpointIds'];
      metric?: components['schemas']['RoadmapMetric'];
      metricBefore?: components['schemas']['RoadmapMetricValue'];
      metricAfter?: components['schemas']['RoadmapMetricValue'];
      metricUnit?: components['schemas']['RoadmapMetricUnit'];
    };
    /** The version the change was based on, and the fields to change. */
    RoadmapItemPatch: {
      version: number;
      title?: components['schemas']['NonBlankName'];
      description?: components['schemas']['RoadmapDescription'];
      kind?: components['schemas']['RoadmapItemKind'];
      status?: components['schemas']['RoadmapItemStatus'];
      owner?: components['schemas']['RoadmapOwner'];
      targetDate?: components['schemas']['RoadmapTargetDate'];
      milestones?: components['schemas']['RoadmapMilestones'];
      painPoints?: components['schemas']['RoadmapPainPoints'];
      touchpointIds?: components['schemas']['RoadmapTouchpointIds'];
      metric?: components['schemas']['RoadmapMetric'];
      metricBefore?: components['schemas']['RoadmapMetricValue'];
      metricAfter?: components['schemas']['RoadmapMetricValue'];
      metricUnit?: components['schemas']['RoadmapMetricUnit'];
    };
    /** An improvement of the system, tied to the pain points and touchpoints it addresses and to the metric it should move; once shipped, the metric's value before and after answers "did it work?". */
    RoadmapItem: {
      id: string;
      entityRef: string;
      version: number;
      title: string;
      description: string;
      kind: components['schemas']['RoadmapItemKind'];
      status: components['schemas']['RoadmapItemStatus'];
      owner: string | null;
      /**
       * Format: date
       * Target day, YYYY-MM-DD.
       */
      targetDate: string | null;
      milestones: {
        title: string;
        done: boolean;
      }[];
      painPoints: string[];
      touchpointIds: string[];
      /** Name of the SLO or metric it should move. */
      metric: string | null;
      metricBefore: number | null;
      metricAfter: number | null;
      /** The unit of metricBefore and metricAfter, e.g. h or %; null when they have none. Absent from backends older than the unit. */
      metricUnit?: string | null;
      /**
       * Format: date-time
       * When it first moved to in progress, kept whatever comes after; null for an item never in progress (or started before backends kept it, which also leave it out).
       */
      startedAt?: string | null;
      /** Format: date-time */
      shippedAt: string | null;
      updatedBy: string;
      /** Format: date-time */
      updatedAt: string;
      /** How many people who reported friction on its touchpoints, said "me too" there or answered a moment about them were told when it shipped (never who). Absent until it shipped. */
      loopNotified?: number;
    };
    /**
     * How often a review is assembled: weekly (each Monday 00:00 UTC, of the week before) or monthly (each 1st, of the month before).
     */
    ReviewCadence: 'off' | 'weekly' | 'monthly';
    /**
     * The cadence a review was made for.
     */
    ReviewPeriodCadence: 'weekly' | 'monthly';
    ReviewSettings: {
      cadence: components['schemas']['ReviewCadence'];
    };
    /** A figure in the period and in the period before it; null without data. */
    ReviewChange: {
      now: number | null;
      before: number | null;
    };
    ReviewSummary: {
      id: string;
      entityRef: string;
      cadence: components['schemas']['ReviewPeriodCadence'];
      /**
       * Format: date-time
       * The period reviewed, from (inclusive).
       */
      from: string;
      /**
       * Format: date-time
       * The period reviewed, to (exclusive).
       */
      to: string;
      /** Format: date-time */
      createdAt: string;
    };
    /** What changed in a period, assembled as a retrospective on the system: every survey figure only with k answers behind it, friction severities only with k reporters, exactly as the tabs show them. */
    ReviewDigest: {
      id: string;
      entityRef: string;
      cadence: components['schemas']['ReviewPeriodCadence'];
      /** Format: date-time */
      from: string;
      /** Format: date-time */
      to: string;
      /**
       * Format: date-time
       * The start of the period before, which "before" figures cover.
       */
      previousFrom: string;
      /** Format: date-time */
      createdAt: string;
      /** k. */
      minResponses: number;
      /** Each SLO's scheduled evaluations at the period's start and end (the latest at or before each): status and error budget left (fractions), and the budget spent in between. */
      slos: {
        name: string;
        status: string | null;
        previousStatus: string | null;
        remaining: number | null;
        remainingAtStart: number | null;
        budgetSpent: number | null;
      }[];
      /** DORA's figures over the period's length in days (7 or 30) ending at its end, and ending at its start. */
      dora: {
        days: number;
        deployments: components['schemas']['ReviewChange'];
        changeLeadTimeSeconds: components['schemas']['ReviewChange'];
        changeFailureRate: components['schemas']['ReviewChange'];
        recoveryTimeSeconds: components['schemas']['ReviewChange'];
      };
      /** Survey rounds and moment rounds open in the period with published results (k responses or more), each score against the round before it of the same template (or moment trigger). */
      feedback: {
        roundId: string;
        title: string;
        kind: 'survey' | 'moment';
        publishedResponses: number;
        /** Question id to its score (NPS from −100 to 100, or the percentage of 4s and 5s); null below k. */
        scores: {
          [key: string]: number | null;
        };
        previousScores: {
          [key: string]: number | null;
        } | null;
      }[];
      /** Touchpoints with friction reported in the period or the one before, most reports first; the mean severity only with k reporters in the period. */
      friction: {
        touchpointId: string;
        touchpoint: string;
        reports: number;
        reportsBefore: number;
        reporters: number;
        averageSeverity: number | null;
        trend: 'new' | 'rising' | 'steady' | 'falling';
      }[];
      shipped: {
        itemId: string;
        title: string;
        /** Format: date-time */
        shippedAt: string;
        metric: string | null;
        metricBefore: number | null;
        metricAfter: number | null;
        metricUnit: string | null;
      }[];
      /** Open items whose target day falls in the next period, with their open milestones. */
      upcoming: {
        itemId: string;
        title: string;
        status: components['schemas']['RoadmapItemStatus'];
        /** Format: date */
        targetDate: string;
        openMilestones: string[];
      }[];
    };
    LoopNotifications: {
      enabled: boolean;
    };
    /** What a stored batch brought. */
    IngestionResult: {
      /** Events stored now. */
      accepted: number;
      /** Events whose id was stored before (or repeated in the batch). */
      duplicates: number;
      /** Always empty: a batch with a bad event is refused whole (400). Kept for clients of the earlier per-event answer. */
      rejected: components['schemas']['RejectedEvent'][];
    };
    EventBatch: {
      events: components['schemas']['DeliveryEvent'][];
    };
    /**
     * A delivery event type, or `page`: a visit to a page of the portal (the trigger's `page`) by a signed-in user.
     */
    MomentEventType:
      | 'deployment'
      | 'build'
      | 'incident'
      | 'ticket'
      | 'custom'
      | 'page';
    MomentOutcome: 'any' | 'succeeded' | 'failed';
    /** A micro-survey: which of the entity's delivery events prompt the person behind them (the event's actor), what they are asked, how often. */
    MomentTriggerRequest: {
      eventType: components['schemas']['MomentEventType'];
      /** Events of this outcome only (deployments and builds); default any. */
      outcome?: components['schemas']['MomentOutcome'];
      /** Deployments to this environment only. */
      environment?: components['schemas']['EventEnvironment'];
      /** For event type page (and required by it): the portal path whose visits prompt, matched by whole segments (/create matches /create and /create/tasks/1, not /created). */
      page?: components['schemas']['PortalPath'];
      /** The journey touchpoint the moment is about: a score of 3 or less adds friction there (severity 6 − score). */
      touchpointId?: string;
      /** The 1–5 question, e.g. "How did this deployment go?" */
      question: string;
      /** An optional free-text question asked with it. */
      textQuestion?: string;
      /** The share of matching events that prompt (0.1 is 10 %). */
      sampleRate: number;
      /** At most one prompt of this trigger per person in this many days. */
      cooldownDays: number;
    };
    /** A path of the portal, without query or fragment, e.g. /create. */
    PortalPath: string;
    MomentTrigger: {
      id: string;
      entityRef: string;
      eventType: components['schemas']['MomentEventType'];
      outcome: components['schemas']['MomentOutcome'];
      environment: string | null;
      page: string | null;
      touchpointId: string | null;
      question: string;
      textQuestion: string | null;
      sampleRate: number;
      cooldownDays: number;
      /** Format: date-time */
      createdAt: string;
      /** Its rounds, one a calendar month (UTC), newest first: their results are at /surveys/\{roundId\}/results, k-anonymous like any round's. */
      rounds: {
        roundId: string;
        /** Format: date-time */
        opensAt: string;
      }[];
    };
    /** A prompt to answer a micro-survey, shown only to the person it went to. */
    MomentPrompt: {
      id: string;
      entityRef: string;
      question: string;
      textQuestion: string | null;
      /** What happened, e.g. "deployment to production, succeeded". */
      eventSummary: string;
      /** Format: date-time */
      promptedAt: string;
      /** Format: date-time */
      expiresAt: string;
      answered: boolean;
    };
    MomentAnswerRequest: {
      /** 1 (very poor) to 5 (very good). */
      score: number;
      text?: string;
    };
    /** One delivery event; its type decides which fields it has. Times are ISO 8601 date-times with a time zone; a time that ends a span (deployTime after commitTime, detected and resolved after started, firstResponse and resolved after opened) must not be before its start. */
    DeliveryEvent:
      | components['schemas']['DeploymentEvent']
      | components['schemas']['IncidentEvent']
      | components['schemas']['TicketEvent']
      | components['schemas']['BuildEvent']
      | components['schemas']['CustomEvent'];
    /** The client's id of an event; posting an id again is a no-op. */
    EventId: string;
    /** The system product the event belongs to, e.g. system:default/ci-cd-pipeline: an entity the caller can see and may post events for. */
    EventEntityRef: string;
    /** The person behind the event (who deployed, whose build, who asked in a ticket), as a user entity ref such as user:default/jane: the one a moment trigger of the entity may prompt. It is not stored with the event. A signed-in user posting events may name only themselves. */
    EventActor: string;
    /** Format: date-time */
    EventTime: string;
    EventLabel: string;
    EventEnvironment: string;
    DeploymentEvent: {
      id: components['schemas']['EventId'];
      /**
       * discriminator enum property added by openapi-typescript
       */
      type: 'deployment';
      entityRef: components['schemas']['EventEntityRef'];
      actor?: components['schemas']['EventActor'];
      commitSha: string;
      commitTime: components['schemas']['EventTime'];
      deployTime: components['schemas']['EventTime'];
      environment: components['schemas']['EventEnvironment'];
      succeeded: boolean;
      /** The pipeline that deployed, for SLOs of one pipeline. */
      pipeline?: components['schemas']['EventLabel'];
      /** The event id of the incident this deployment remediates (DORA's deployment rework rate). */
      remediatesIncident?: components['schemas']['EventId'];
    };
    IncidentEvent: {
      id: components['schemas']['EventId'];
      /**
       * discriminator enum property added by openapi-typescript
       */
      type: 'incident';
      entityRef: components['schemas']['EventEntityRef'];
      actor?: components['schemas']['EventActor'];
      started: components['schemas']['EventTime'];
      detected?: components['schemas']['EventTime'];
      resolved?: components['schemas']['EventTime'];
      environment?: components['schemas']['EventEnvironment'];
      /** The event id of the deployment that caused it (DORA's change fail rate and failed-deployment recovery time). */
      causedByDeployment?: components['schemas']['EventId'];
    };
    TicketEvent: {
      id: components['schemas']['EventId'];
      /**
       * discriminator enum property added by openapi-typescript
       */
      type: 'ticket';
      entityRef: components['schemas']['EventEntityRef'];
      actor?: components['schemas']['EventActor'];
      opened: components['schemas']['EventTime'];
      firstResponse?: components['schemas']['EventTime'];
      resolved?: components['schemas']['EventTime'];
    };
    BuildEvent: {
      id: components['schemas']['EventId'];
      /**
       * discriminator enum property added by openapi-typescript
       */
      type: 'build';
      entityRef: components['schemas']['EventEntityRef'];
      actor?: components['schemas']['EventActor'];
      finished: components['schemas']['EventTime'];
      succeeded: boolean;
      durationSeconds: number;
      /** The pipeline that built, for SLOs of one pipeline. */
      pipeline?: components['schemas']['EventLabel'];
    };
    CustomEvent: {
      id: components['schemas']['EventId'];
      /**
       * discriminator enum property added by openapi-typescript
       */
      type: 'custom';
      entityRef: components['schemas']['EventEntityRef'];
      actor?: components['schemas']['EventActor'];
      name: components['schemas']['EventLabel'];
      value: number;
      time: components['schemas']['EventTime'];
    };
    /** One OpenSLO v1 document of kind SLO with an inline indicator. Its spec is checked by the plugin's OpenSLO parser, which names the field of each problem. */
    SloDocumentRequest: {
      apiVersion: 'openslo/v1';
      kind: 'SLO';
      metadata: {
        /** Lowercase letters, digits and dashes, at most 63. */
        name: string;
        displayName?: string;
      };
      spec: {
        [key: string]: unknown;
      };
    };
    /** Every SLO of an entity, evaluated now, and what is wrong with its OpenSLO file. */
    EntitySlos: {
      /** Where the OpenSLO file was read from (the path or URL that system-product/slo-ref resolves to, or the annotation itself when it cannot be resolved); null when the entity names none. */
      source: string | null;
      /** The file's SLOs in the file's order, then those made in the portal. */
      items: components['schemas']['EvaluatedSlo'][];
      problems: components['schemas']['OpenSloProblem'][];
    };
    /** A problem of an OpenSLO file (or of an SLO made in the portal). */
    OpenSloProblem: {
      /** The file, as in source; `portal` for SLOs made in the portal. */
      file: string;
      /** 1-based position of the YAML document in the file; 0 for a note on the file or on a whole SLO (then named by name). */
      document: number;
      /** The document's metadata.name. */
      name?: string;
      /** The field, e.g. spec.objectives[0].target; empty for the document as a whole. */
      field: string;
      message: string;
      /**
       * error (also when left out): the SLO is left out. warning: the SLO is kept; this says what was assumed or what has no effect.
       */
      severity?: 'error' | 'warning';
    };
    /** An SLO as parsed from OpenSLO v1 (references resolved, defaults applied, credentials of data sources dropped), where it is defined, and its evaluation now. */
    EvaluatedSlo: {
      /** The SLO's metadata.name. */
      name: string;
      /** metadata.displayName, else the name. */
      displayName: string;
      /** Empty when not given. */
      description: string;
      /** Empty when not given. */
      service: string;
      budgetingMethod: 'Occurrences' | 'Timeslices' | 'RatioTimeslices';
      /** The SLO window, OpenSLO's timeWindow. */
      window: {
        duration: components['schemas']['SloDuration'];
        isRolling: boolean;
        /** Calendar windows (isRolling false): where the periods are counted from. */
        calendar?: {
          /** A wall-clock time of timeZone as the document gives it, without an offset, e.g. `2026-01-01 00:00:00`. */
          startTime: string;
          /** An IANA time zone, e.g. Europe/Berlin or UTC. */
          timeZone: string;
        };
      };
      /** Each is evaluated; with their own indicators they form a composite SLO. */
      objectives: components['schemas']['SloObjective'][];
      /** The SLO's SLI; left out when every objective has its own (composite). */
      indicator?: components['schemas']['SloIndicator'];
      alertPolicies?: components['schemas']['SloAlertPolicy'][];
      /**
       * Defined in the entity's OpenSLO file or made in the portal.
       */
      origin: 'file' | 'portal';
      evaluation: components['schemas']['SloEvaluation'];
    };
    SloOperator: 'lt' | 'lte' | 'gt' | 'gte';
    /** An OpenSLO duration: `28d` is \{ amount: 28, unit: d \}. M, Q and Y (months, quarters, years) have no fixed length. An alertAfter of zero is \{ amount: 0, unit: m \}. */
    SloDuration: {
      amount: number;
      unit: 's' | 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y';
    };
    /** Where an SLI's numbers come from: OpenSLO's metricSource, a metricSourceRef resolved. A DataSource's connectionDetails are never returned. */
    SloMetricSource: {
      /** The metric source type, e.g. system-product. */
      type: string;
      /** The metric source's spec as the document gives it, read by the SLI source of its type: the one open object of an SLO. */
      spec: {
        [key: string]: unknown;
      };
      /** The DataSource a metricSourceRef named. */
      dataSource?: string;
    };
    /** An SLI, with either ratio or threshold. */
    SloIndicator: {
      name: string;
      /** good or bad over total; or raw alone, a source that reports the ratio itself, rawType saying whether it is the good (success) or the bad (failure) share. */
      ratio?: {
        good?: components['schemas']['SloMetricSource'];
        bad?: components['schemas']['SloMetricSource'];
        total?: components['schemas']['SloMetricSource'];
        raw?: components['schemas']['SloMetricSource'];
        rawType?: 'success' | 'failure';
      };
      /** A threshold metric: an event is good when its value compares to the objective's value by its op. */
      threshold?: components['schemas']['SloMetricSource'];
    };
    SloObjective: {
      displayName?: string;
      /** A fraction (0.99, not 99); a targetPercent is given divided by 100. */
      target: number;
      /** Threshold metrics, with value. */
      op?: components['schemas']['SloOperator'];
      value?: number;
      /** Timeslices only; the ratio (a fraction) that makes a slice good. */
      timeSliceTarget?: number;
      /** Timeslices and RatioTimeslices only; the length of a slice. */
      timeSliceWindow?: components['schemas']['SloDuration'];
      /** Composite SLOs only; the objective's own SLI. */
      indicator?: components['schemas']['SloIndicator'];
      /** Composite SLOs; the objective's weight, 1 when left out. */
      compositeWeight?: number;
    };
    /** OpenSLO's AlertPolicy, conditions and targets resolved. */
    SloAlertPolicy: {
      name: string;
      displayName?: string;
      description?: string;
      alertWhenBreaching: boolean;
      alertWhenResolved: boolean;
      alertWhenNoData: boolean;
      conditions: components['schemas']['SloAlertCondition'][];
      notificationTargets: components['schemas']['SloNotificationTarget'][];
    };
    /** OpenSLO's AlertCondition: it holds while the burn rate over lookbackWindow compares to threshold by op, and alerts once it held for alertAfter. */
    SloAlertCondition: {
      name: string;
      description?: string;
      severity?: string;
      kind: 'burnrate';
      op: components['schemas']['SloOperator'];
      /** A burn rate. */
      threshold: number;
      lookbackWindow: components['schemas']['SloDuration'];
      alertAfter: components['schemas']['SloDuration'];
    };
    /** OpenSLO's AlertNotificationTarget. */
    SloNotificationTarget: {
      name: string;
      /** Catalog refs (group:default/team, user:default/jane) or a tool's name. */
      target: string;
      description?: string;
    };
    /**
     * met: the SLI reaches the objective, however little budget is left; at-risk: met, but burning fast enough to lose it; breached: the SLI is below the objective; no-data: nothing was measured in the window.
     */
    SloStatus: 'met' | 'at-risk' | 'breached' | 'no-data';
    /** The SLO window [from, to) evaluated; a calendar window's to may lie after evaluatedAt. */
    SloEvaluationWindow: {
      /** Format: date-time */
      from: string;
      /** Format: date-time */
      to: string;
    };
    /** An SLO evaluated at one moment: its SLI and remaining budget over its window, the burn rate of each alert rule's windows, and its status. With several objectives each is listed under objectives, and these figures are the worst objective's (for a composite SLO, the means of the objectives with data, weighted by compositeWeight). Without data the status is no-data and reason says why. */
    SloEvaluation: {
      window: components['schemas']['SloEvaluationWindow'];
      /**
       * Format: date-time
       * The instant evaluated. The routes serve the latest stored evaluation (the scheduled job's, or one made after a write), so this is how old the figures are.
       */
      evaluatedAt?: string;
      /** The SLO's rollup is being filled from the stored events (a new or changed SLO): status no-data, reason says so, until evaluated. */
      backfilling?: boolean;
      /** A fraction from 0 to 1 (not percent); null without data. */
      sli: number | null;
      /** The error budget left, a fraction: 1 untouched, 0 spent, below 0 overspent; null without data. */
      remaining: number | null;
      /** Events (or survey answers) counted in the window. */
      total: number;
      counted?: components['schemas']['SloCounted'];
      status: components['schemas']['SloStatus'];
      /** No budget is left (remaining 0 or below); given unless no-data. */
      budgetUsedUp?: boolean;
      /** Each multiwindow burn-rate rule; empty without data. */
      burnRates: components['schemas']['SloBurnRate'][];
      /** Why there is no data. */
      reason?: string;
      /** An SLO of several objectives; each, in the definition's order. */
      objectives?: components['schemas']['SloObjectiveEvaluation'][];
      /** The conditions of the SLO's alert policies, evaluated now. */
      alertConditions?: components['schemas']['SloAlertConditionState'][];
    };
    /** One objective of an SLO of several, evaluated: the figures of SloEvaluation (but objectives), with the objective's label. */
    SloObjectiveEvaluation: {
      window: components['schemas']['SloEvaluationWindow'];
      /** Format: date-time */
      evaluatedAt?: string;
      sli: number | null;
      remaining: number | null;
      total: number;
      counted?: components['schemas']['SloCounted'];
      status: components['schemas']['SloStatus'];
      budgetUsedUp?: boolean;
      burnRates: components['schemas']['SloBurnRate'][];
      reason?: string;
      alertConditions?: components['schemas']['SloAlertConditionState'][];
      displayName?: string;
      target: number;
      compositeWeight?: number;
    };
    /** What the figures rest on, in the unit the budgeting method counts: events for Occurrences; for Timeslices bad slices, slices elapsed and bad slices the window allows; for RatioTimeslices the slices with data, bad being the sum of their shortfalls (1 − ratio). */
    SloCounted: {
      unit: 'events' | 'slices';
      bad: number;
      total: number;
      /** Bad events (or slices) the objective allows in the window; need not be whole. */
      allowed: number;
    };
    /** A multiwindow burn-rate rule (SRE workbook) with the burn rates of its two windows now; it fires when both exceed factor. The windows are a 30-day SLO's, scaled to the SLO window. */
    SloBurnRate: {
      severity: 'page' | 'ticket';
      /** Milliseconds. */
      longWindowMs: number;
      /** Milliseconds. */
      shortWindowMs: number;
      /** The burn rate both windows must exceed, e.g. 14.4. */
      factor: number;
      /** Error ratio over error budget in the long window: 1 spends the budget exactly over the SLO window; null without data. */
      longBurn: number | null;
      shortBurn: number | null;
      firing: boolean;
    };
    /** An AlertCondition of the SLO's alert policies now: the burn rate over its lookback window and whether `burn op threshold` holds (whether it held for alertAfter is the scheduled job's to track). */
    SloAlertConditionState: {
      /** The alert policy's name. */
      policy: string;
      /** The alert condition's name. */
      condition: string;
      op: components['schemas']['SloOperator'];
      threshold: number;
      /** Milliseconds; 0 for a lookback in months, quarters or years, which has no fixed length: such a condition never holds. */
      lookbackWindowMs: number;
      /** Milliseconds; 0 alerts at once. */
      alertAfterMs: number;
      burn: number | null;
      holds: boolean;
    };
    /** One scheduled evaluation of an SLO, a point of its trend. */
    SloStatusPoint: {
      /** Format: date-time */
      at: string;
      status: components['schemas']['SloStatus'];
      sli: number | null;
      remaining: number | null;
    };
    SloStatusReport: {
      slo: components['schemas']['EvaluatedSlo'];
      /** The scheduled evaluations of the SLO's current window, oldest first; beyond 500, the latest of each of 500 equal spans. */
      history: components['schemas']['SloStatusPoint'][];
    };
    /** Headline figures of one system product, as the portfolio page and the team card show them. Survey figures are null until k responses stand behind the latest round. */
    PortfolioEntry: {
      entityRef: string;
      title: string;
      owner: string | null;
      /** Primary user groups from system-product/users. */
      userGroups: string[];
      survey: {
        /** Responses to the latest round, or null without a round. */
        responses: number | null;
        nps: number | null;
        csat: number | null;
      };
      friction: {
        reports: number;
        averageSeverity: number | null;
      };
      roadmap: {
        total: number;
        shipped: number;
        inProgress: number;
        planned: number;
      };
      /** Its SLOs by status at the latest scheduled evaluation; zeros and a null evaluatedAt before any. */
      slos: {
        total: number;
        breached: number;
        atRisk: number;
        met: number;
        noData: number;
        /** Format: date-time */
        evaluatedAt: string | null;
      };
      priority: components['schemas']['InvestmentPriority'];
    };
    /** "Where to invest first", on fixed scales so that a system product has the same score on every page and in every export: impact (how many user groups depend on it) × need (the mean of the known friction, dissatisfaction and SLO figures) × support (owners already engaged); see the plugin README. */
    InvestmentPriority: {
      /** 0 to 1, min(user groups, 5) / 5. */
      impact: number;
      /** 0 to 1, (mean friction severity − 1) / 4; null while no severity is shown. */
      friction: number | null;
      /** 0 to 1, the mean of (100 − NPS) / 200 and (100 − CSAT) / 100 of those known; null without survey figures at k. */
      dissatisfaction: number | null;
      /** 0 to 1, (breached + at risk / 2) / SLOs with data; null without evaluated SLOs. */
      slo: number | null;
      /** 0 to 1, the mean of friction, dissatisfaction and slo of those known; 0 when none is. */
      need: number;
      /** 0.5 to 1, 0.5 + 0.25 × roadmap items planned or in progress (at most 2). */
      support: number;
      /** impact × need × support, 0 to 1; higher means invest sooner. */
      score: number;
      /** What each part stands on, in words, e.g. "4 user groups depend on it". */
      reasons: string[];
    };
    /**
     * A period of DORA's figures, in days back from now.
     */
    DoraPeriodDays: 7 | 30 | 90 | 365;
    /**
     * Performance cluster of the 2024 Accelerate State of DevOps report; null with fewer samples than minSamples, and for figures the report does not band.
     */
    DoraBand: 'elite' | 'high' | 'medium' | 'low' | null;
    /** A median duration in seconds, or a rate from 0 to 1, and what it stands on. */
    DoraFigure: {
      /** A median in seconds or a rate from 0 to 1; null without a sample. */
      value: number | null;
      /** Deployments or incidents it is computed from. */
      sampleSize: number;
      /** null below minSamples, and always for figures the report does not band. */
      band: components['schemas']['DoraBand'];
    };
    /** A rate with its numerator, value = count / sampleSize. */
    DoraRate: {
      value: number | null;
      sampleSize: number;
      band: components['schemas']['DoraBand'];
      /** The numerator. */
      count: number;
    };
    /** DORA's figures of an entity over a period, as dora.dev defines them; the rules are in the backend plugin's README, section DORA. */
    DoraMetrics: {
      entityRef: string;
      days: components['schemas']['DoraPeriodDays'];
      /**
       * Format: date-time
       * The period's start, inclusive.
       */
      from: string;
      /**
       * Format: date-time
       * The period's end, exclusive.
       */
      to: string;
      /** Fewest samples (deployments, failed deployments or incidents) a median or a rate needs for a band. */
      minSamples: number;
      /** Deployment frequency as a cadence, with the counts it is read from. */
      deploymentFrequency: {
        /**
         * How often it deploys; null without a deployment in the period.
         */
        cadence:
          | 'on-demand'
          | 'daily'
          | 'weekly'
          | 'monthly'
          | 'fewer-than-monthly'
          | null;
        band: components['schemas']['DoraBand'];
        /** Production deployments in the period. */
        sampleSize: number;
        /** Days with at least one production deployment. */
        deployDays: number;
        /** 7-day weeks of the period, counted back from its end (the oldest may be shorter). */
        weeks: number;
        weeksWithDeployments: number;
        /** 30-day months of the period, counted back from its end (the oldest may be shorter). */
        months: number;
        monthsWithDeployments: number;
        /** Median over every week of the period (weeks without one count as 0). */
        medianDeployDaysPerWeek: number;
        /** Median over the days with a deployment; null without one. */
        medianDeploymentsPerDeployDay: number | null;
      };
      /** Median commit-to-production seconds of production deployments. */
      changeLeadTime: components['schemas']['DoraFigure'];
      /** Production deployments that failed or caused a production incident, over production deployments. */
      changeFailureRate: components['schemas']['DoraRate'];
      /** Production deployments made to remediate an incident, over production deployments (no band). */
      deploymentReworkRate: components['schemas']['DoraRate'];
      /** Median seconds from a failed production deployment to recovery. */
      failedDeploymentRecoveryTime: components['schemas']['DoraFigure'];
      /** Production incidents that started in the period (no bands). */
      incidents: {
        /** Median seconds from start to detection (MTTD). */
        timeToDetect: components['schemas']['DoraFigure'];
        /** Median seconds from start to resolution (MTTR). */
        timeToRestore: components['schemas']['DoraFigure'];
      };
      bandsSource: {
        title: string;
        url: string;
      };
    };
  };
  responses: {
    /** A Backstage error body (400, 401, 403, 404, 409, 413, 415). */
    Error: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    kind: string;
    namespace: string;
    name: string;
    roundId: string;
    /** The SLO's metadata.name. */
    sloName: string;
    templateId: string;
    itemId: string;
    triggerId: string;
    reviewId: string;
    promptId: string;
    /** The touchpoint's id, as the journey lists it. */
    touchpointId: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
/** @public */
export interface operations {
  PostEvents: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EventBatch'];
      };
    };
    responses: {
      /** What was stored and what was known already. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IngestionResult'];
        };
      };
      /** The batch was refused and nothing was stored; error.rejected lists every bad event. (A body that is not a batch at all, e.g. without events, answers a plain error body.) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventBatchRefusal'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetPortfolio: {
    parameters: {
      query?: {
        /** Only entities owned by this entity ref, e.g. group:default/platform-team. */
        owner?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The portfolio. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['PortfolioEntry'][];
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The plugin is up. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            status: 'ok';
          };
        };
      };
    };
  };
  GetCanvas: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The canvas. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Canvas'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  UpdateCanvas: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CanvasUpdate'];
      };
    };
    responses: {
      /** The stored canvas. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Canvas'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetCanvasRevisions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The revisions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CanvasRevisions'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetJourney: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The journey. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Journey'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  UpdateJourney: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['JourneyUpdate'];
      };
    };
    responses: {
      /** The stored journey. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Journey'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  ReportFriction: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FrictionReportRequest'];
      };
    };
    responses: {
      /** Recorded. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            status: 'recorded';
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  SayMeToo: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
        /** The touchpoint's id, as the journey lists it. */
        touchpointId: components['parameters']['touchpointId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Said; the touchpoint's friction as the caller now sees it. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TouchpointFriction'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  WithdrawMeToo: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
        /** The touchpoint's id, as the journey lists it. */
        touchpointId: components['parameters']['touchpointId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Withdrawn; the touchpoint's friction as the caller now sees it. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TouchpointFriction'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetSurveyRounds: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The rounds. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SurveyRound'][];
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  OpenSurveyRound: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OpenSurveyRoundRequest'];
      };
    };
    responses: {
      /** The round. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SurveyRound'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetMomentTriggers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The triggers. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            triggers: components['schemas']['MomentTrigger'][];
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  CreateMomentTrigger: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MomentTriggerRequest'];
      };
    };
    responses: {
      /** Added. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MomentTrigger'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  DeleteMomentTrigger: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
        triggerId: components['parameters']['triggerId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      default: components['responses']['Error'];
    };
  };
  GetMyPrompts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The prompts. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            prompts: components['schemas']['MomentPrompt'][];
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetPrompt: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        promptId: components['parameters']['promptId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The prompt. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MomentPrompt'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetPageMoments: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The paths. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            pages: string[];
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  ReportPageVisit: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          path: components['schemas']['PortalPath'];
        };
      };
    };
    responses: {
      /** The prompt, or null when none. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            prompt: components['schemas']['MomentPrompt'] | null;
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  AnswerPrompt: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        promptId: components['parameters']['promptId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MomentAnswerRequest'];
      };
    };
    responses: {
      /** Recorded. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            status: 'recorded';
            roundId: string;
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetReviewSettings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The settings. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewSettings'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  SetReviewSettings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReviewSettings'];
      };
    };
    responses: {
      /** As stored. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewSettings'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetReviews: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The reviews. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ReviewSummary'][];
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  CreateReview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The review. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewDigest'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetReview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
        reviewId: components['parameters']['reviewId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The review. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewDigest'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetLoopNotifications: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Their choice. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoopNotifications'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  SetLoopNotifications: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoopNotifications'];
      };
    };
    responses: {
      /** Their choice, as stored. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoopNotifications'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetSurveyTemplates: {
    parameters: {
      query: {
        /** The entity, e.g. system:default/ci-cd-pipeline. */
        entityRef: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The templates, by id. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SurveyTemplate'][];
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  CreateSurveyTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SurveyTemplateCreateRequest'];
      };
    };
    responses: {
      /** The template. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SurveyTemplate'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetSurveyTemplate: {
    parameters: {
      query?: {
        version?: number;
        entityRef?: string;
      };
      header?: never;
      path: {
        templateId: components['parameters']['templateId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The template version. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SurveyTemplate'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  UpdateSurveyTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        templateId: components['parameters']['templateId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SurveyTemplateUpdateRequest'];
      };
    };
    responses: {
      /** The template at its new current version. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SurveyTemplate'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetMySurveyAnswer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        roundId: components['parameters']['roundId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Their answer. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            roundId: string;
            /** Format: date-time */
            submittedAt: string;
            /** Question id to the answer as given: a score, an option index, an array of option indexes or a text. */
            answers: {
              [key: string]: number | string | number[];
            };
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  AnswerSurvey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        roundId: components['parameters']['roundId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SurveyAnswerRequest'];
      };
    };
    responses: {
      /** Stored. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            roundId: string;
            replaced: boolean;
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetSurveyResults: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        roundId: components['parameters']['roundId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The results. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SurveyResults'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetSlos: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The SLO definitions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntitySlos'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  CreateSlo: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SloDocumentRequest'];
      };
    };
    responses: {
      /** The SLO, evaluated now. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluatedSlo'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  ExportSlos: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The OpenSLO YAML. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/yaml': string;
        };
      };
      default: components['responses']['Error'];
    };
  };
  DeleteSlo: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
        /** The SLO's metadata.name. */
        sloName: components['parameters']['sloName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      default: components['responses']['Error'];
    };
  };
  GetSloStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
        /** The SLO's metadata.name. */
        sloName: components['parameters']['sloName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The SLO and its history. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SloStatusReport'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetDora: {
    parameters: {
      query?: {
        /** The period in days, back from now. */
        days?: components['schemas']['DoraPeriodDays'];
      };
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The figures. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DoraMetrics'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetRoadmap: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The items. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['RoadmapItem'][];
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  CreateRoadmapItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RoadmapItemInput'];
      };
    };
    responses: {
      /** The item. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoadmapItem'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  UpdateRoadmapItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        itemId: components['parameters']['itemId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RoadmapItemPatch'];
      };
    };
    responses: {
      /** The item. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoadmapItem'];
        };
      };
      default: components['responses']['Error'];
    };
  };
}
type FlattenedDeepRequired<T> = {
  [K in keyof T]-?: FlattenedDeepRequired<
    T[K] extends unknown[] | undefined | null
      ? Extract<T[K], unknown[]>[number]
      : T[K]
  >;
};
type ReadonlyArray<T> = [Exclude<T, undefined>] extends [unknown[]]
  ? Readonly<Exclude<T, undefined>>
  : Readonly<Exclude<T, undefined>[]>;
export const pathsHealthGetResponses200ContentApplicationJsonStatusValues: ReadonlyArray<
  FlattenedDeepRequired<paths>['/health']['get']['responses']['200']['content']['application/json']['status']
> = ['ok'];
export const pathsEntitiesKindNamespaceNameFrictionPostResponses201ContentApplicationJsonStatusValues: ReadonlyArray<
  FlattenedDeepRequired<paths>['/entities/{kind}/{namespace}/{name}/friction']['post']['responses']['201']['content']['application/json']['status']
> = ['recorded'];
export const pathsPromptsPromptIdAnswerPostResponses200ContentApplicationJsonStatusValues: ReadonlyArray<
  FlattenedDeepRequired<paths>['/prompts/{promptId}/answer']['post']['responses']['200']['content']['application/json']['status']
> = ['recorded'];
export const canvasSectionIdValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['CanvasSectionId']
> = ['users', 'valueProposition', 'journey', 'metrics', 'roadmap'];
export const surveyQuestionKindValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['SurveyQuestionKind']
> = ['nps', 'csat', 'likert', 'text', 'single', 'multiple'];
export const surveyTemplateSourceValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['SurveyTemplateSource']
> = ['built-in', 'config', 'owner'];
export const scoredQuestionKindValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['ScoredQuestionKind']
> = ['nps', 'csat', 'likert'];
export const choiceQuestionKindValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['ChoiceQuestionKind']
> = ['single', 'multiple'];
export const roadmapItemKindValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['RoadmapItemKind']
> = ['quick-win', 'strategic'];
export const roadmapItemStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['RoadmapItemStatus']
> = ['idea', 'planned', 'in-progress', 'shipped', 'dropped'];
export const reviewCadenceValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['ReviewCadence']
> = ['off', 'weekly', 'monthly'];
export const reviewPeriodCadenceValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['ReviewPeriodCadence']
> = ['weekly', 'monthly'];
export const reviewDigestFeedbackKindValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['ReviewDigest']['feedback']['kind']
> = ['survey', 'moment'];
export const reviewDigestFrictionTrendValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['ReviewDigest']['friction']['trend']
> = ['new', 'rising', 'steady', 'falling'];
export const momentEventTypeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['MomentEventType']
> = ['deployment', 'build', 'incident', 'ticket', 'custom', 'page'];
export const momentOutcomeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['MomentOutcome']
> = ['any', 'succeeded', 'failed'];
export const deploymentEventTypeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['DeploymentEvent']['type']
> = ['deployment'];
export const incidentEventTypeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['IncidentEvent']['type']
> = ['incident'];
export const ticketEventTypeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['TicketEvent']['type']
> = ['ticket'];
export const buildEventTypeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['BuildEvent']['type']
> = ['build'];
export const customEventTypeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['CustomEvent']['type']
> = ['custom'];
export const sloDocumentRequestApiVersionValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['SloDocumentRequest']['apiVersion']
> = ['openslo/v1'];
export const sloDocumentRequestKindValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['SloDocumentRequest']['kind']
> = ['SLO'];
export const openSloProblemSeverityValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['OpenSloProblem']['severity']
> = ['error', 'warning'];
export const evaluatedSloBudgetingMethodValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['EvaluatedSlo']['budgetingMethod']
> = ['Occurrences', 'Timeslices', 'RatioTimeslices'];
export const evaluatedSloOriginValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['EvaluatedSlo']['origin']
> = ['file', 'portal'];
export const sloOperatorValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['SloOperator']
> = ['lt', 'lte', 'gt', 'gte'];
export const sloDurationUnitValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['SloDuration']['unit']
> = ['s', 'm', 'h', 'd', 'w', 'M', 'Q', 'Y'];
export const sloIndicatorRatioRawTypeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['SloIndicator']['ratio']['rawType']
> = ['success', 'failure'];
export const sloAlertConditionKindValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['SloAlertCondition']['kind']
> = ['burnrate'];
export const sloStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['SloStatus']
> = ['met', 'at-risk', 'breached', 'no-data'];
export const sloCountedUnitValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['SloCounted']['unit']
> = ['events', 'slices'];
export const sloBurnRateSeverityValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['SloBurnRate']['severity']
> = ['page', 'ticket'];
export const doraPeriodDaysValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['DoraPeriodDays']
> = [7, 30, 90, 365];
