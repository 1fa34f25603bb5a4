// Generated from openapi.yaml by scripts/generate-openapi.mjs. Do not edit.

/** The OpenAPI document of the System Product REST API. @public */
export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'system-product',
    version: '1',
    description:
      "REST API of System Product for Backstage: canvases, journeys, surveys, friction reports and roadmaps of the delivery systems in the catalog. Every route but /health needs Backstage credentials (a user token, or a service token through external access). Reading follows the catalog's visibility: an entity the caller cannot see answers 404. Errors are Backstage's standard error bodies. Request bodies are validated against this document and fields it does not name are rejected with 400, naming them; a body over systemProduct.maxBodySize answers 413.",
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    parameters: {
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 63,
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 63,
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 253,
        },
      },
      roundId: {
        name: 'roundId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 64,
        },
      },
      sloName: {
        name: 'sloName',
        in: 'path',
        required: true,
        description: "The SLO's metadata.name.",
        schema: {
          type: 'string',
          pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
        },
      },
      itemId: {
        name: 'itemId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 64,
        },
      },
    },
    responses: {
      Error: {
        description: 'A Backstage error body (400, 401, 403, 404, 409, 413).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
            required: ['name', 'message'],
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
        },
      },
      Text: {
        type: 'string',
        maxLength: 4000,
      },
      TextList: {
        type: 'array',
        maxItems: 50,
        items: {
          $ref: '#/components/schemas/Text',
        },
      },
      Persona: {
        type: 'object',
        required: [
          'name',
          'description',
          'needs',
          'frustrations',
          'successMeasures',
        ],
        properties: {
          name: {
            $ref: '#/components/schemas/Text',
          },
          description: {
            $ref: '#/components/schemas/Text',
          },
          needs: {
            $ref: '#/components/schemas/TextList',
          },
          frustrations: {
            $ref: '#/components/schemas/TextList',
          },
          successMeasures: {
            $ref: '#/components/schemas/TextList',
          },
        },
      },
      CanvasContent: {
        type: 'object',
        description: 'The five sections of the System Transformation Canvas.',
        required: [
          'users',
          'valueProposition',
          'journey',
          'metrics',
          'roadmap',
        ],
        properties: {
          users: {
            type: 'object',
            required: ['personas'],
            properties: {
              personas: {
                type: 'array',
                maxItems: 50,
                items: {
                  $ref: '#/components/schemas/Persona',
                },
              },
            },
          },
          valueProposition: {
            type: 'object',
            required: ['value', 'easierWork', 'withoutIt', 'externalValue'],
            properties: {
              value: {
                $ref: '#/components/schemas/Text',
              },
              easierWork: {
                $ref: '#/components/schemas/Text',
              },
              withoutIt: {
                $ref: '#/components/schemas/Text',
              },
              externalValue: {
                $ref: '#/components/schemas/Text',
              },
            },
          },
          journey: {
            type: 'object',
            required: [
              'summary',
              'touchpoints',
              'mostFriction',
              'failureModes',
              'slowestSteps',
            ],
            properties: {
              summary: {
                $ref: '#/components/schemas/Text',
              },
              touchpoints: {
                $ref: '#/components/schemas/TextList',
              },
              mostFriction: {
                $ref: '#/components/schemas/Text',
              },
              failureModes: {
                $ref: '#/components/schemas/TextList',
              },
              slowestSteps: {
                $ref: '#/components/schemas/TextList',
              },
            },
          },
          metrics: {
            type: 'object',
            required: [
              'efficiency',
              'quality',
              'satisfaction',
              'businessImpact',
            ],
            properties: {
              efficiency: {
                $ref: '#/components/schemas/TextList',
              },
              quality: {
                $ref: '#/components/schemas/TextList',
              },
              satisfaction: {
                $ref: '#/components/schemas/TextList',
              },
              businessImpact: {
                $ref: '#/components/schemas/TextList',
              },
            },
          },
          roadmap: {
            type: 'object',
            required: [
              'summary',
              'painPoints',
              'quickWins',
              'strategicChanges',
              'resourceRequirements',
              'timeline',
            ],
            properties: {
              summary: {
                $ref: '#/components/schemas/Text',
              },
              painPoints: {
                $ref: '#/components/schemas/TextList',
              },
              quickWins: {
                $ref: '#/components/schemas/TextList',
              },
              strategicChanges: {
                $ref: '#/components/schemas/TextList',
              },
              resourceRequirements: {
                $ref: '#/components/schemas/Text',
              },
              timeline: {
                $ref: '#/components/schemas/Text',
              },
            },
          },
        },
      },
      CanvasUpdate: {
        type: 'object',
        required: ['version', 'content'],
        properties: {
          version: {
            type: 'integer',
            minimum: 0,
            maximum: 2147483647,
            description:
              'The version the update was based on (0 for the first save).',
          },
          content: {
            $ref: '#/components/schemas/CanvasContent',
          },
        },
      },
      Canvas: {
        type: 'object',
        required: ['entityRef', 'version', 'content'],
        properties: {
          entityRef: {
            type: 'string',
          },
          version: {
            type: 'integer',
          },
          content: {
            $ref: '#/components/schemas/CanvasContent',
          },
          updatedBy: {
            type: 'string',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      CanvasRevisions: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'version',
                'changedSections',
                'changedBy',
                'changedAt',
              ],
              properties: {
                version: {
                  type: 'integer',
                },
                changedSections: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                changedBy: {
                  type: 'string',
                },
                changedAt: {
                  type: 'string',
                  format: 'date-time',
                },
              },
            },
          },
        },
      },
      JourneyUpdate: {
        type: 'object',
        required: ['version', 'stages'],
        properties: {
          version: {
            type: 'integer',
            minimum: 0,
            maximum: 2147483647,
          },
          stages: {
            type: 'array',
            maxItems: 20,
            items: {
              type: 'object',
              required: ['name', 'touchpoints'],
              properties: {
                id: {
                  type: 'string',
                  maxLength: 64,
                },
                name: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 200,
                },
                description: {
                  type: 'string',
                  maxLength: 2000,
                },
                touchpoints: {
                  type: 'array',
                  maxItems: 30,
                  items: {
                    type: 'object',
                    required: ['name'],
                    properties: {
                      id: {
                        type: 'string',
                        maxLength: 64,
                      },
                      name: {
                        type: 'string',
                        minLength: 1,
                        maxLength: 200,
                      },
                      expectedMinutes: {
                        type: ['integer', 'null'],
                        minimum: 0,
                        maximum: 525600,
                      },
                      failureModes: {
                        type: 'array',
                        maxItems: 20,
                        items: {
                          type: 'string',
                          maxLength: 500,
                        },
                      },
                      owner: {
                        type: ['string', 'null'],
                        maxLength: 255,
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      Journey: {
        type: 'object',
        required: ['entityRef', 'version', 'stages'],
        properties: {
          entityRef: {
            type: 'string',
          },
          version: {
            type: 'integer',
          },
          updatedBy: {
            type: 'string',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          stages: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: {
                  type: 'string',
                },
                name: {
                  type: 'string',
                },
                description: {
                  type: 'string',
                },
                touchpoints: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: {
                        type: 'string',
                      },
                      name: {
                        type: 'string',
                      },
                      expectedMinutes: {
                        type: ['integer', 'null'],
                      },
                      failureModes: {
                        type: 'array',
                        items: {
                          type: 'string',
                        },
                      },
                      owner: {
                        type: ['string', 'null'],
                      },
                      friction: {
                        type: 'object',
                        required: [
                          'reports',
                          'averageSeverity',
                          'reporters',
                          'minReporters',
                          'texts',
                          'textsHidden',
                        ],
                        properties: {
                          reports: {
                            type: 'integer',
                          },
                          averageSeverity: {
                            type: ['number', 'null'],
                          },
                          reporters: {
                            type: 'integer',
                            description:
                              'How many different people reported friction here (a person may report more than once).',
                          },
                          minReporters: {
                            type: 'integer',
                            description:
                              'k (systemProduct.survey.minResponses, default 5): texts are returned only once at least this many different people reported, so that a text cannot single out its author.',
                          },
                          texts: {
                            type: 'array',
                            maxItems: 5,
                            items: {
                              type: 'string',
                            },
                            description:
                              'What people wrote, newest first: at most 5, blank ones left out, never with who wrote them. Empty while textsHidden.',
                          },
                          textsHidden: {
                            type: 'boolean',
                            description:
                              'True while fewer than minReporters people reported, so texts is withheld.',
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      FrictionReportRequest: {
        type: 'object',
        required: ['touchpointId', 'severity'],
        properties: {
          touchpointId: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
          },
          severity: {
            type: 'integer',
            minimum: 1,
            maximum: 5,
            description: '1 (a nuisance) to 5 (blocks work).',
          },
          text: {
            type: 'string',
            maxLength: 2000,
          },
          reporter: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            description:
              'Services only, when importing reports collected elsewhere: an opaque id of the reporter. Kept only as a key, never returned.',
          },
        },
      },
      OpenSurveyRoundRequest: {
        type: 'object',
        required: ['closesAt'],
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          templateId: {
            type: 'string',
            maxLength: 64,
            description:
              "Defaults to the entity's system-product/survey annotation, else platform-pulse.",
          },
          opensAt: {
            type: 'string',
            format: 'date-time',
          },
          closesAt: {
            type: 'string',
            format: 'date-time',
          },
          targetGroups: {
            type: 'array',
            maxItems: 50,
            description:
              "Defaults to the entity's system-product/users annotation.",
            items: {
              type: 'string',
              pattern: '^group:[^/]+/.+$',
              maxLength: 255,
            },
          },
        },
      },
      SurveyRound: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          templateId: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          opensAt: {
            type: 'string',
            format: 'date-time',
          },
          closesAt: {
            type: 'string',
            format: 'date-time',
          },
          targetGroups: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          responseCount: {
            type: 'integer',
          },
          questions: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: {
                  type: 'string',
                },
                kind: {
                  type: 'string',
                  enum: ['nps', 'csat', 'likert', 'text'],
                },
                prompt: {
                  type: 'string',
                },
              },
            },
          },
          scores: {
            type: ['object', 'null'],
            description: 'Score per scored question; null below k responses.',
            additionalProperties: {
              type: ['number', 'null'],
            },
          },
        },
      },
      SurveyAnswerRequest: {
        type: 'object',
        required: ['answers'],
        properties: {
          answers: {
            type: 'object',
            description: 'Question id to a score (integer) or a text.',
            maxProperties: 50,
            additionalProperties: {
              type: ['integer', 'string'],
              maxLength: 2000,
            },
          },
          respondent: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            description:
              'Services only, when importing answers collected elsewhere: an opaque id of the respondent. Kept only as a key, never returned.',
          },
        },
      },
      SurveyResults: {
        type: 'object',
        description:
          'Aggregates of a round. Below k responses only the count and how many more are needed; never who answered.',
        required: ['roundId', 'responses', 'minResponses', 'visible'],
        properties: {
          roundId: {
            type: 'string',
          },
          responses: {
            type: 'integer',
          },
          minResponses: {
            type: 'integer',
          },
          visible: {
            type: 'boolean',
          },
          moreNeeded: {
            type: 'integer',
          },
          scored: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                questionId: {
                  type: 'string',
                },
                kind: {
                  type: 'string',
                },
                answered: {
                  type: 'integer',
                },
                distribution: {
                  type: 'object',
                  additionalProperties: {
                    type: 'integer',
                  },
                },
                mean: {
                  type: ['number', 'null'],
                },
                score: {
                  type: ['number', 'null'],
                },
              },
            },
          },
          text: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                questionId: {
                  type: 'string',
                },
                answers: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
            },
          },
        },
      },
      RoadmapFields: {
        type: 'object',
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          description: {
            type: 'string',
            maxLength: 4000,
          },
          kind: {
            type: 'string',
            enum: ['quick-win', 'strategic'],
          },
          status: {
            type: 'string',
            enum: ['idea', 'planned', 'in-progress', 'shipped', 'dropped'],
          },
          owner: {
            type: ['string', 'null'],
            maxLength: 255,
          },
          targetDate: {
            type: ['string', 'null'],
            format: 'date',
          },
          milestones: {
            type: 'array',
            maxItems: 20,
            items: {
              type: 'object',
              required: ['title'],
              properties: {
                title: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 200,
                },
                done: {
                  type: 'boolean',
                },
              },
            },
          },
          painPoints: {
            type: 'array',
            maxItems: 20,
            items: {
              type: 'string',
              maxLength: 500,
            },
          },
          touchpointIds: {
            type: 'array',
            maxItems: 50,
            items: {
              type: 'string',
              maxLength: 64,
            },
          },
          metric: {
            type: ['string', 'null'],
            maxLength: 200,
          },
          metricBefore: {
            type: ['number', 'null'],
          },
          metricAfter: {
            type: ['number', 'null'],
          },
        },
      },
      RoadmapItemInput: {
        allOf: [
          {
            $ref: '#/components/schemas/RoadmapFields',
          },
        ],
        required: ['title', 'kind'],
      },
      RoadmapItemPatch: {
        allOf: [
          {
            $ref: '#/components/schemas/RoadmapFields',
          },
        ],
        properties: {
          version: {
            type: 'integer',
            minimum: 1,
            maximum: 2147483647,
          },
        },
        required: ['version'],
      },
      RoadmapItem: {
        allOf: [
          {
            $ref: '#/components/schemas/RoadmapFields',
          },
        ],
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          version: {
            type: 'integer',
          },
          shippedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          updatedBy: {
            type: 'string',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      PortfolioEntry: {
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          owner: {
            type: ['string', 'null'],
          },
          userGroups: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          survey: {
            type: 'object',
            properties: {
              responses: {
                type: ['integer', 'null'],
              },
              nps: {
                type: ['number', 'null'],
              },
              csat: {
                type: ['number', 'null'],
              },
            },
          },
          friction: {
            type: 'object',
            properties: {
              reports: {
                type: 'integer',
              },
              averageSeverity: {
                type: ['number', 'null'],
              },
            },
          },
          roadmap: {
            type: 'object',
            properties: {
              total: {
                type: 'integer',
              },
              shipped: {
                type: 'integer',
              },
              inProgress: {
                type: 'integer',
              },
              planned: {
                type: 'integer',
              },
            },
          },
          slos: {
            type: 'object',
            description:
              'Its SLOs by status at the latest scheduled evaluation; zeros and a null evaluatedAt before any.',
            properties: {
              total: {
                type: 'integer',
              },
              breaching: {
                type: 'integer',
              },
              atRisk: {
                type: 'integer',
              },
              healthy: {
                type: 'integer',
              },
              noData: {
                type: 'integer',
              },
              evaluatedAt: {
                type: ['string', 'null'],
                format: 'date-time',
              },
            },
          },
          priority: {
            type: 'object',
            description:
              'impact × friction × support, each 0 to 1; see the plugin README.',
            properties: {
              impact: {
                type: 'number',
              },
              friction: {
                type: 'number',
              },
              support: {
                type: 'number',
              },
              score: {
                type: 'number',
              },
            },
          },
        },
      },
    },
  },
  paths: {
    '/events': {
      post: {
        operationId: 'PostEvents',
        description:
          "A batch of delivery events (deployments, incidents, support tickets, builds, custom measurements) for the SLOs. Idempotent by the client's event id. Bad events are rejected one by one with a reason; the good ones are stored in one transaction. Pipelines post with a service token (backend.auth.externalAccess); users need system-product.slo.manage on the entity.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['events'],
                properties: {
                  events: {
                    type: 'array',
                    minItems: 1,
                    maxItems: 1000,
                    items: {
                      type: 'object',
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'What was stored, what was known already, what was refused.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    accepted: {
                      type: 'integer',
                    },
                    duplicates: {
                      type: 'integer',
                    },
                    rejected: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          index: {
                            type: 'integer',
                          },
                          id: {
                            type: 'string',
                          },
                          reason: {
                            type: 'string',
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/portfolio': {
      get: {
        operationId: 'GetPortfolio',
        description:
          'Every system product the caller can see in the catalog, with its headline figures, ranked by where to invest first.',
        parameters: [
          {
            name: 'owner',
            in: 'query',
            required: false,
            allowReserved: true,
            description:
              'Only entities owned by this entity ref, e.g. group:default/platform-team.',
            schema: {
              type: 'string',
              maxLength: 255,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The portfolio.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/PortfolioEntry',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/health': {
      get: {
        operationId: 'GetHealth',
        description: 'Liveness. Needs no credentials.',
        responses: {
          '200': {
            description: 'The plugin is up.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    status: {
                      type: 'string',
                      enum: ['ok'],
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/canvas': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'GetCanvas',
        description:
          "The entity's canvas; version 0 with empty content when none was saved.",
        responses: {
          '200': {
            description: 'The canvas.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Canvas',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      put: {
        operationId: 'UpdateCanvas',
        description:
          'Replaces the canvas. Needs system-product.canvas.update on the entity. 409 when version is not the stored version.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CanvasUpdate',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The stored canvas.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Canvas',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/canvas/revisions': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'GetCanvasRevisions',
        description: 'Who changed which canvas sections when, newest first.',
        responses: {
          '200': {
            description: 'The revisions.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CanvasRevisions',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/journey': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'GetJourney',
        description:
          'The journey map with friction per touchpoint; version 0 when none was saved.',
        responses: {
          '200': {
            description: 'The journey.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Journey',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      put: {
        operationId: 'UpdateJourney',
        description:
          'Replaces the whole journey map. Send back the ids of stages and touchpoints to keep them and their friction reports. Needs system-product.journey.update on the entity; 409 when version is stale.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/JourneyUpdate',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The stored journey.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Journey',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/friction': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      post: {
        operationId: 'ReportFriction',
        description:
          'Reports friction on a touchpoint. Any user who can see the entity may.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/FrictionReportRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Recorded.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    status: {
                      type: 'string',
                      enum: ['recorded'],
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/surveys': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'GetSurveyRounds',
        description:
          'Survey rounds of the entity, newest first, with scores once k responses stand behind them.',
        responses: {
          '200': {
            description: 'The rounds.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/SurveyRound',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      post: {
        operationId: 'OpenSurveyRound',
        description:
          'Opens a survey round. Needs system-product.survey-round.manage on the entity.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/OpenSurveyRoundRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The round.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SurveyRound',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/surveys/{roundId}/responses': {
      parameters: [
        {
          $ref: '#/components/parameters/roundId',
        },
      ],
      post: {
        operationId: 'AnswerSurvey',
        description:
          'Answers an open round. One response per person and round: answering again replaces the earlier answer. 409 when the round is not open.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SurveyAnswerRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Stored.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    roundId: {
                      type: 'string',
                    },
                    replaced: {
                      type: 'boolean',
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/surveys/{roundId}/results': {
      parameters: [
        {
          $ref: '#/components/parameters/roundId',
        },
      ],
      get: {
        operationId: 'GetSurveyResults',
        description: 'k-anonymous aggregates of a round.',
        responses: {
          '200': {
            description: 'The results.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SurveyResults',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/slos': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'GetSlos',
        description:
          "The SLOs of the entity's OpenSLO file (system-product/slo-ref) and those made in the portal (origin file or portal), each evaluated now (SLI, remaining budget, burn rates, status), what is wrong with the file by document and field (a bad SLO is left out), and DORA's four keys of the last 30 days with their bands.",
        responses: {
          '200': {
            description: 'The SLO definitions.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    source: {
                      type: ['string', 'null'],
                    },
                    items: {
                      type: 'array',
                      items: {
                        type: 'object',
                      },
                    },
                    dora: {
                      type: 'object',
                    },
                    problems: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          file: {
                            type: 'string',
                          },
                          document: {
                            type: 'integer',
                          },
                          name: {
                            type: 'string',
                          },
                          field: {
                            type: 'string',
                          },
                          message: {
                            type: 'string',
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      post: {
        operationId: 'CreateSlo',
        description:
          'Adds an SLO made in the portal, given as one OpenSLO v1 document of kind SLO with an inline indicator. 400 names the field when the document is invalid or its metric cannot be measured; 409 when the entity already has an SLO of that name. Needs system-product.slo.manage on the entity.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['apiVersion', 'kind', 'metadata', 'spec'],
                properties: {
                  apiVersion: {
                    type: 'string',
                    enum: ['openslo/v1'],
                  },
                  kind: {
                    type: 'string',
                    enum: ['SLO'],
                  },
                  metadata: {
                    type: 'object',
                  },
                  spec: {
                    type: 'object',
                  },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The SLO, evaluated now.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/slos/export': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'ExportSlos',
        description:
          'Every SLO of the entity (file and portal) as one OpenSLO v1 YAML file, indicators inline.',
        responses: {
          '200': {
            description: 'The OpenSLO YAML.',
            content: {
              'application/yaml': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/slos/{sloName}': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
        {
          $ref: '#/components/parameters/sloName',
        },
      ],
      delete: {
        operationId: 'DeleteSlo',
        description:
          'Removes an SLO made in the portal (400 for an SLO of the file, which changes in its file). Needs system-product.slo.manage on the entity.',
        responses: {
          '204': {
            description: 'Removed.',
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/slos/{sloName}/status': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
        {
          $ref: '#/components/parameters/sloName',
        },
      ],
      get: {
        operationId: 'GetSloStatus',
        description:
          'One SLO evaluated now, with the scheduled evaluations of its current window (oldest first): the points of its trend. Beyond 500, the latest evaluation of each of 500 equal spans of the window.',
        responses: {
          '200': {
            description: 'The SLO and its history.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    slo: {
                      type: 'object',
                    },
                    history: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          at: {
                            type: 'string',
                            format: 'date-time',
                          },
                          status: {
                            type: 'string',
                            enum: [
                              'healthy',
                              'at-risk',
                              'breaching',
                              'no-data',
                            ],
                          },
                          sli: {
                            type: ['number', 'null'],
                          },
                          remaining: {
                            type: ['number', 'null'],
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/roadmap': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'GetRoadmap',
        description: 'Roadmap items of the entity.',
        responses: {
          '200': {
            description: 'The items.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/RoadmapItem',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      post: {
        operationId: 'CreateRoadmapItem',
        description:
          'Adds a roadmap item. Needs system-product.roadmap.manage on the entity.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RoadmapItemInput',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The item.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RoadmapItem',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/roadmap/{itemId}': {
      parameters: [
        {
          $ref: '#/components/parameters/itemId',
        },
      ],
      patch: {
        operationId: 'UpdateRoadmapItem',
        description:
          'Changes the given fields of an item. Needs system-product.roadmap.manage on its entity; 409 when version is stale.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RoadmapItemPatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The item.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RoadmapItem',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
  },
} as const;
