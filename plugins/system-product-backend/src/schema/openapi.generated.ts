// Generated from openapi.yaml by scripts/generate-openapi.mjs. Do not edit.

/** The OpenAPI document of the System Product REST API. @public */
export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'system-product',
    version: '1',
    description:
      "REST API of System Product for Backstage: canvases, journeys, surveys, friction reports and roadmaps of the delivery systems in the catalog. Every route but /health needs Backstage credentials (a user token, or a service token through external access). Reading follows the catalog's visibility: an entity the caller cannot see answers 404. Errors are Backstage's standard error bodies. Request bodies are validated against this document: every object is closed (a field it does not name is refused), dates must exist on the calendar, and text must be storable as given (no NUL character, no unpaired UTF-16 surrogate). A refused request answers 400 and changes nothing; its error message names each field and the rule it breaks, e.g. `body.targetDate: must be a date (YYYY-MM-DD) that exists`, whether the schema or the plugin refused it. A body over systemProduct.maxBodySize answers 413; one that is not JSON, 415.",
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
        description:
          'A Backstage error body (400, 401, 403, 404, 409, 413, 415).',
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
                description:
                  'For a refused request (400), each field and the rule it breaks, separated by "; ": `body.stages[0].name: must not be blank; body.stages[0].colour: is not a known field`.',
              },
            },
            required: ['name', 'message'],
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
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
      EventBatchRefusal: {
        description:
          'A batch of events refused as a whole (400, nothing stored): a Backstage error body whose error also lists every bad event.',
        allOf: [
          {
            $ref: '#/components/schemas/Error',
          },
          {
            type: 'object',
            properties: {
              error: {
                type: 'object',
                required: ['rejected'],
                properties: {
                  rejected: {
                    type: 'array',
                    description:
                      "Each problem of each bad event, by index in the batch; field is the event's field (left out when the event as a whole is wrong).",
                    items: {
                      type: 'object',
                      required: ['index', 'reason'],
                      properties: {
                        index: {
                          type: 'integer',
                        },
                        id: {
                          type: 'string',
                        },
                        field: {
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
        ],
      },
      Text: {
        type: 'string',
        maxLength: 4000,
      },
      NonBlankName: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
        pattern: '\\S',
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
        additionalProperties: false,
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
        additionalProperties: false,
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
            additionalProperties: false,
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
            additionalProperties: false,
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
            additionalProperties: false,
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
            additionalProperties: false,
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
            additionalProperties: false,
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
        additionalProperties: false,
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
        additionalProperties: false,
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
            description:
              'Stage and touchpoint ids must be unique within the journey.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name', 'touchpoints'],
              properties: {
                id: {
                  type: 'string',
                  maxLength: 64,
                },
                name: {
                  $ref: '#/components/schemas/NonBlankName',
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
                    additionalProperties: false,
                    required: ['name'],
                    properties: {
                      id: {
                        type: 'string',
                        maxLength: 64,
                      },
                      name: {
                        $ref: '#/components/schemas/NonBlankName',
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
        additionalProperties: false,
        required: ['touchpointId', 'severity'],
        properties: {
          touchpointId: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
            pattern: '\\S',
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
        additionalProperties: false,
        required: ['closesAt'],
        description:
          'closesAt must be after opensAt (now when not given), and a round lasts at most 366 days.',
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
        additionalProperties: false,
        required: ['answers'],
        properties: {
          answers: {
            type: 'object',
            description:
              "Question id to a score (an integer in the question's range) or a text; every id must be a question of the round.",
            minProperties: 1,
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
          'Aggregates of a round, as last published. Below k responses only the count and how many more are needed; never who answered. Published results change only once at least k new responses arrived since they were published (nextUpdateAfter says when), so watching them never isolates one answer; a question (or its texts) with fewer than k answers behind it shows only its count (visible false).',
        required: ['roundId', 'responses', 'minResponses', 'visible'],
        properties: {
          roundId: {
            type: 'string',
          },
          responses: {
            type: 'integer',
            description: 'Responses so far.',
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
          publishedResponses: {
            type: 'integer',
            description: 'Responses behind the figures shown.',
          },
          publishedAt: {
            type: 'string',
            format: 'date-time',
          },
          nextUpdateAfter: {
            type: ['integer', 'null'],
            description:
              'More responses it takes before the figures next change; null once the round closed (its last publication is final).',
          },
          scored: {
            type: 'array',
            items: {
              type: 'object',
              required: ['questionId', 'kind', 'answered', 'visible'],
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
                visible: {
                  type: 'boolean',
                  description:
                    'False while fewer than k answered it; then only answered is given.',
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
              required: ['questionId', 'answered', 'visible', 'answers'],
              properties: {
                questionId: {
                  type: 'string',
                },
                answered: {
                  type: 'integer',
                },
                visible: {
                  type: 'boolean',
                },
                answers: {
                  type: 'array',
                  description:
                    'In alphabetical order; empty while visible is false.',
                  items: {
                    type: 'string',
                  },
                },
              },
            },
          },
        },
      },
      RoadmapDescription: {
        type: 'string',
        maxLength: 4000,
      },
      RoadmapItemKind: {
        type: 'string',
        enum: ['quick-win', 'strategic'],
      },
      RoadmapItemStatus: {
        type: 'string',
        enum: ['idea', 'planned', 'in-progress', 'shipped', 'dropped'],
      },
      RoadmapOwner: {
        type: ['string', 'null'],
        maxLength: 255,
      },
      RoadmapTargetDate: {
        type: ['string', 'null'],
        format: 'date',
      },
      RoadmapMilestones: {
        type: 'array',
        maxItems: 20,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['title'],
          properties: {
            title: {
              $ref: '#/components/schemas/NonBlankName',
            },
            done: {
              type: 'boolean',
            },
          },
        },
      },
      RoadmapPainPoints: {
        type: 'array',
        maxItems: 20,
        items: {
          type: 'string',
          maxLength: 500,
        },
      },
      RoadmapTouchpointIds: {
        type: 'array',
        maxItems: 50,
        items: {
          type: 'string',
          maxLength: 64,
        },
      },
      RoadmapMetric: {
        type: ['string', 'null'],
        maxLength: 200,
        description: 'The SLO or metric the item should move.',
      },
      RoadmapMetricValue: {
        type: ['number', 'null'],
        description: 'Stored exactly as given (a double).',
      },
      RoadmapFields: {
        type: 'object',
        description: 'The fields of a roadmap item that a write sets.',
        properties: {
          title: {
            $ref: '#/components/schemas/NonBlankName',
          },
          description: {
            $ref: '#/components/schemas/RoadmapDescription',
          },
          kind: {
            $ref: '#/components/schemas/RoadmapItemKind',
          },
          status: {
            $ref: '#/components/schemas/RoadmapItemStatus',
          },
          owner: {
            $ref: '#/components/schemas/RoadmapOwner',
          },
          targetDate: {
            $ref: '#/components/schemas/RoadmapTargetDate',
          },
          milestones: {
            $ref: '#/components/schemas/RoadmapMilestones',
          },
          painPoints: {
            $ref: '#/components/schemas/RoadmapPainPoints',
          },
          touchpointIds: {
            $ref: '#/components/schemas/RoadmapTouchpointIds',
          },
          metric: {
            $ref: '#/components/schemas/RoadmapMetric',
          },
          metricBefore: {
            $ref: '#/components/schemas/RoadmapMetricValue',
          },
          metricAfter: {
            $ref: '#/components/schemas/RoadmapMetricValue',
          },
        },
      },
      RoadmapItemInput: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'kind'],
        properties: {
          title: {
            $ref: '#/components/schemas/NonBlankName',
          },
          description: {
            $ref: '#/components/schemas/RoadmapDescription',
          },
          kind: {
            $ref: '#/components/schemas/RoadmapItemKind',
          },
          status: {
            $ref: '#/components/schemas/RoadmapItemStatus',
          },
          owner: {
            $ref: '#/components/schemas/RoadmapOwner',
          },
          targetDate: {
            $ref: '#/components/schemas/RoadmapTargetDate',
          },
          milestones: {
            $ref: '#/components/schemas/RoadmapMilestones',
          },
          painPoints: {
            $ref: '#/components/schemas/RoadmapPainPoints',
          },
          touchpointIds: {
            $ref: '#/components/schemas/RoadmapTouchpointIds',
          },
          metric: {
            $ref: '#/components/schemas/RoadmapMetric',
          },
          metricBefore: {
            $ref: '#/components/schemas/RoadmapMetricValue',
          },
          metricAfter: {
            $ref: '#/components/schemas/RoadmapMetricValue',
          },
        },
      },
      RoadmapItemPatch: {
        type: 'object',
        additionalProperties: false,
        required: ['version'],
        description:
          'The version the change was based on, and the fields to change.',
        properties: {
          version: {
            type: 'integer',
            minimum: 1,
            maximum: 2147483647,
          },
          title: {
            $ref: '#/components/schemas/NonBlankName',
          },
          description: {
            $ref: '#/components/schemas/RoadmapDescription',
          },
          kind: {
            $ref: '#/components/schemas/RoadmapItemKind',
          },
          status: {
            $ref: '#/components/schemas/RoadmapItemStatus',
          },
          owner: {
            $ref: '#/components/schemas/RoadmapOwner',
          },
          targetDate: {
            $ref: '#/components/schemas/RoadmapTargetDate',
          },
          milestones: {
            $ref: '#/components/schemas/RoadmapMilestones',
          },
          painPoints: {
            $ref: '#/components/schemas/RoadmapPainPoints',
          },
          touchpointIds: {
            $ref: '#/components/schemas/RoadmapTouchpointIds',
          },
          metric: {
            $ref: '#/components/schemas/RoadmapMetric',
          },
          metricBefore: {
            $ref: '#/components/schemas/RoadmapMetricValue',
          },
          metricAfter: {
            $ref: '#/components/schemas/RoadmapMetricValue',
          },
        },
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
      EventBatch: {
        type: 'object',
        additionalProperties: false,
        required: ['events'],
        properties: {
          events: {
            type: 'array',
            minItems: 1,
            maxItems: 1000,
            items: {
              $ref: '#/components/schemas/DeliveryEvent',
            },
          },
        },
      },
      DeliveryEvent: {
        type: 'object',
        description:
          'One delivery event; its type decides which fields it has. Times are ISO 8601 date-times with a time zone; a time that ends a span (deployTime after commitTime, detected and resolved after started, firstResponse and resolved after opened) must not be before its start.',
        required: ['type'],
        oneOf: [
          {
            $ref: '#/components/schemas/DeploymentEvent',
          },
          {
            $ref: '#/components/schemas/IncidentEvent',
          },
          {
            $ref: '#/components/schemas/TicketEvent',
          },
          {
            $ref: '#/components/schemas/BuildEvent',
          },
          {
            $ref: '#/components/schemas/CustomEvent',
          },
        ],
        discriminator: {
          propertyName: 'type',
        },
      },
      EventId: {
        type: 'string',
        minLength: 1,
        maxLength: 128,
        pattern: '\\S',
        description:
          "The client's id of an event; posting an id again is a no-op.",
      },
      EventEntityRef: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        pattern: '\\S',
        description:
          'The system product the event belongs to, e.g. system:default/ci-cd-pipeline: an entity the caller can see and may post events for.',
      },
      EventTime: {
        type: 'string',
        format: 'date-time',
      },
      EventLabel: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        pattern: '\\S',
      },
      EventEnvironment: {
        type: 'string',
        minLength: 1,
        maxLength: 64,
        pattern: '\\S',
      },
      DeploymentEvent: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'type',
          'entityRef',
          'commitSha',
          'commitTime',
          'deployTime',
          'environment',
          'succeeded',
        ],
        properties: {
          id: {
            $ref: '#/components/schemas/EventId',
          },
          type: {
            const: 'deployment',
          },
          entityRef: {
            $ref: '#/components/schemas/EventEntityRef',
          },
          commitSha: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
            pattern: '\\S',
          },
          commitTime: {
            $ref: '#/components/schemas/EventTime',
          },
          deployTime: {
            $ref: '#/components/schemas/EventTime',
          },
          environment: {
            $ref: '#/components/schemas/EventEnvironment',
          },
          succeeded: {
            type: 'boolean',
          },
          pipeline: {
            allOf: [
              {
                $ref: '#/components/schemas/EventLabel',
              },
            ],
            description:
              'The pipeline that deployed, for SLOs of one pipeline.',
          },
          remediatesIncident: {
            allOf: [
              {
                $ref: '#/components/schemas/EventId',
              },
            ],
            description:
              "The event id of the incident this deployment remediates (DORA's deployment rework rate).",
          },
        },
      },
      IncidentEvent: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'type', 'entityRef', 'started'],
        properties: {
          id: {
            $ref: '#/components/schemas/EventId',
          },
          type: {
            const: 'incident',
          },
          entityRef: {
            $ref: '#/components/schemas/EventEntityRef',
          },
          started: {
            $ref: '#/components/schemas/EventTime',
          },
          detected: {
            $ref: '#/components/schemas/EventTime',
          },
          resolved: {
            $ref: '#/components/schemas/EventTime',
          },
          environment: {
            $ref: '#/components/schemas/EventEnvironment',
          },
          causedByDeployment: {
            allOf: [
              {
                $ref: '#/components/schemas/EventId',
              },
            ],
            description:
              "The event id of the deployment that caused it (DORA's change fail rate and failed-deployment recovery time).",
          },
        },
      },
      TicketEvent: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'type', 'entityRef', 'opened'],
        properties: {
          id: {
            $ref: '#/components/schemas/EventId',
          },
          type: {
            const: 'ticket',
          },
          entityRef: {
            $ref: '#/components/schemas/EventEntityRef',
          },
          opened: {
            $ref: '#/components/schemas/EventTime',
          },
          firstResponse: {
            $ref: '#/components/schemas/EventTime',
          },
          resolved: {
            $ref: '#/components/schemas/EventTime',
          },
        },
      },
      BuildEvent: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'type',
          'entityRef',
          'finished',
          'succeeded',
          'durationSeconds',
        ],
        properties: {
          id: {
            $ref: '#/components/schemas/EventId',
          },
          type: {
            const: 'build',
          },
          entityRef: {
            $ref: '#/components/schemas/EventEntityRef',
          },
          finished: {
            $ref: '#/components/schemas/EventTime',
          },
          succeeded: {
            type: 'boolean',
          },
          durationSeconds: {
            type: 'number',
            minimum: 0,
          },
          pipeline: {
            allOf: [
              {
                $ref: '#/components/schemas/EventLabel',
              },
            ],
            description: 'The pipeline that built, for SLOs of one pipeline.',
          },
        },
      },
      CustomEvent: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'type', 'entityRef', 'name', 'value', 'time'],
        properties: {
          id: {
            $ref: '#/components/schemas/EventId',
          },
          type: {
            const: 'custom',
          },
          entityRef: {
            $ref: '#/components/schemas/EventEntityRef',
          },
          name: {
            $ref: '#/components/schemas/EventLabel',
          },
          value: {
            type: 'number',
          },
          time: {
            $ref: '#/components/schemas/EventTime',
          },
        },
      },
      SloDocumentRequest: {
        type: 'object',
        additionalProperties: false,
        description:
          "One OpenSLO v1 document of kind SLO with an inline indicator. Its spec is checked by the plugin's OpenSLO parser, which names the field of each problem.",
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
            additionalProperties: false,
            required: ['name'],
            properties: {
              name: {
                type: 'string',
                pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
                description:
                  'Lowercase letters, digits and dashes, at most 63.',
              },
              displayName: {
                type: 'string',
                maxLength: 200,
              },
            },
          },
          spec: {
            type: 'object',
            maxProperties: 20,
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
              breached: {
                type: 'integer',
              },
              atRisk: {
                type: 'integer',
              },
              met: {
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
      DoraPeriodDays: {
        type: 'integer',
        enum: [7, 30, 90, 365],
        description: "A period of DORA's figures, in days back from now.",
      },
      DoraBand: {
        type: ['string', 'null'],
        enum: ['elite', 'high', 'medium', 'low', null],
        description:
          'Performance cluster of the 2024 Accelerate State of DevOps report; null with fewer samples than minSamples, and for figures the report does not band.',
      },
      DoraFigure: {
        type: 'object',
        additionalProperties: false,
        required: ['value', 'sampleSize', 'band'],
        properties: {
          value: {
            type: ['number', 'null'],
            description:
              'A median in seconds or a rate from 0 to 1; null without a sample.',
          },
          sampleSize: {
            type: 'integer',
            minimum: 0,
          },
          band: {
            $ref: '#/components/schemas/DoraBand',
          },
        },
      },
      DoraRate: {
        type: 'object',
        additionalProperties: false,
        required: ['value', 'sampleSize', 'band', 'count'],
        properties: {
          value: {
            type: ['number', 'null'],
            minimum: 0,
            maximum: 1,
          },
          sampleSize: {
            type: 'integer',
            minimum: 0,
          },
          band: {
            $ref: '#/components/schemas/DoraBand',
          },
          count: {
            type: 'integer',
            minimum: 0,
            description: 'The numerator.',
          },
        },
      },
      DoraMetrics: {
        type: 'object',
        additionalProperties: false,
        description:
          "DORA's figures of an entity over a period, as dora.dev defines them; the rules are in the backend plugin's README, section DORA.",
        required: [
          'entityRef',
          'days',
          'from',
          'to',
          'minSamples',
          'deploymentFrequency',
          'changeLeadTime',
          'changeFailureRate',
          'deploymentReworkRate',
          'failedDeploymentRecoveryTime',
          'incidents',
          'bandsSource',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          days: {
            $ref: '#/components/schemas/DoraPeriodDays',
          },
          from: {
            type: 'string',
            format: 'date-time',
          },
          to: {
            type: 'string',
            format: 'date-time',
          },
          minSamples: {
            type: 'integer',
          },
          deploymentFrequency: {
            type: 'object',
            additionalProperties: false,
            required: [
              'cadence',
              'band',
              'sampleSize',
              'deployDays',
              'weeks',
              'weeksWithDeployments',
              'months',
              'monthsWithDeployments',
              'medianDeployDaysPerWeek',
              'medianDeploymentsPerDeployDay',
            ],
            properties: {
              cadence: {
                type: ['string', 'null'],
                enum: [
                  'on-demand',
                  'daily',
                  'weekly',
                  'monthly',
                  'fewer-than-monthly',
                  null,
                ],
              },
              band: {
                $ref: '#/components/schemas/DoraBand',
              },
              sampleSize: {
                type: 'integer',
                minimum: 0,
              },
              deployDays: {
                type: 'integer',
                minimum: 0,
              },
              weeks: {
                type: 'integer',
              },
              weeksWithDeployments: {
                type: 'integer',
              },
              months: {
                type: 'integer',
              },
              monthsWithDeployments: {
                type: 'integer',
              },
              medianDeployDaysPerWeek: {
                type: 'number',
              },
              medianDeploymentsPerDeployDay: {
                type: ['number', 'null'],
              },
            },
          },
          changeLeadTime: {
            $ref: '#/components/schemas/DoraFigure',
          },
          changeFailureRate: {
            $ref: '#/components/schemas/DoraRate',
          },
          deploymentReworkRate: {
            $ref: '#/components/schemas/DoraRate',
          },
          failedDeploymentRecoveryTime: {
            $ref: '#/components/schemas/DoraFigure',
          },
          incidents: {
            type: 'object',
            additionalProperties: false,
            required: ['timeToDetect', 'timeToRestore'],
            properties: {
              timeToDetect: {
                $ref: '#/components/schemas/DoraFigure',
              },
              timeToRestore: {
                $ref: '#/components/schemas/DoraFigure',
              },
            },
          },
          bandsSource: {
            type: 'object',
            additionalProperties: false,
            required: ['title', 'url'],
            properties: {
              title: {
                type: 'string',
              },
              url: {
                type: 'string',
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
          "A batch of delivery events (deployments, incidents, support tickets, builds, custom measurements) for the SLOs. Idempotent by the client's event id. All or nothing: when any event is bad (against this document, in the order of its times, or for an entity the caller may not post for) the answer is 400 listing every bad event, and nothing is stored; otherwise every event is stored in one transaction. Pipelines post with a service token (backend.auth.externalAccess); users need system-product.slo.manage on the entity. A deployment made to remediate an incident names it in remediatesIncident (its event id), an incident the deployment that caused it in causedByDeployment.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/EventBatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'What was stored and what was known already.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    accepted: {
                      type: 'integer',
                      description: 'Events stored now.',
                    },
                    duplicates: {
                      type: 'integer',
                      description:
                        'Events whose id was stored before (or repeated in the batch).',
                    },
                    rejected: {
                      type: 'array',
                      maxItems: 0,
                      description:
                        'Always empty; kept for clients of the per-event answer.',
                      items: {
                        type: 'object',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            description:
              'The batch was refused and nothing was stored; error.rejected lists every bad event. (A body that is not a batch at all, e.g. without events, answers a plain error body.)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EventBatchRefusal',
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
          "The SLOs of the entity's OpenSLO file (system-product/slo-ref) and those made in the portal (origin file or portal), each evaluated now (SLI, remaining budget, burn rates, status), and what is wrong with the file by document and field (a bad SLO is left out). DORA's figures are at .../dora.",
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
                $ref: '#/components/schemas/SloDocumentRequest',
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
                            enum: ['met', 'at-risk', 'breached', 'no-data'],
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
    '/entities/{kind}/{namespace}/{name}/dora': {
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
        operationId: 'GetDora',
        description:
          "DORA's figures of the entity's production deployments and incidents over the last `days`: deployment frequency as a cadence, change lead time, change fail rate, deployment rework rate, failed-deployment recovery time, and time to detect and to restore incidents; each with its sample size and, where the 2024 report has clusters and there are at least minSamples samples, its band. Follows catalog visibility.",
        parameters: [
          {
            name: 'days',
            in: 'query',
            required: false,
            description: 'The period in days, back from now.',
            schema: {
              allOf: [
                {
                  $ref: '#/components/schemas/DoraPeriodDays',
                },
              ],
              default: 30,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The figures.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DoraMetrics',
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
