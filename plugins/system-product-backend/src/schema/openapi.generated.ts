// Generated from plugins/system-product-backend/src/schema/openapi.yaml
// by scripts/generate-openapi.mjs. Do not edit.

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
      templateId: {
        name: 'templateId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 64,
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
      triggerId: {
        name: 'triggerId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 64,
        },
      },
      reviewId: {
        name: 'reviewId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 64,
        },
      },
      promptId: {
        name: 'promptId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 64,
        },
      },
      touchpointId: {
        name: 'touchpointId',
        in: 'path',
        required: true,
        description: "The touchpoint's id, as the journey lists it.",
        schema: {
          type: 'string',
          minLength: 1,
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
                      $ref: '#/components/schemas/RejectedEvent',
                    },
                  },
                },
              },
            },
          },
        ],
      },
      RejectedEvent: {
        type: 'object',
        additionalProperties: false,
        required: ['index', 'reason'],
        properties: {
          index: {
            type: 'integer',
            description: 'Its place in the batch',
            'from 0.': null,
          },
          id: {
            type: 'string',
            description: 'Its id',
            'when it has one.': null,
          },
          field: {
            type: 'string',
          },
          reason: {
            type: 'string',
          },
        },
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
        additionalProperties: false,
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
        additionalProperties: false,
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CanvasRevision',
            },
          },
        },
      },
      CanvasSectionId: {
        type: 'string',
        enum: ['users', 'valueProposition', 'journey', 'metrics', 'roadmap'],
        description: 'A section of the canvas (a property of CanvasContent).',
      },
      CanvasRevision: {
        type: 'object',
        additionalProperties: false,
        description:
          'One accepted canvas write, who changed which sections when.',
        required: ['version', 'changedSections', 'changedBy', 'changedAt'],
        properties: {
          version: {
            type: 'integer',
          },
          changedSections: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CanvasSectionId',
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
        additionalProperties: false,
        description:
          'The journey map of an entity; version 0 means none was saved.',
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
              $ref: '#/components/schemas/JourneyStage',
            },
          },
        },
      },
      JourneyStage: {
        type: 'object',
        additionalProperties: false,
        description: 'A stage of the journey, left to right.',
        required: ['id', 'name', 'description', 'touchpoints'],
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
              $ref: '#/components/schemas/Touchpoint',
            },
          },
        },
      },
      Touchpoint: {
        type: 'object',
        additionalProperties: false,
        description: 'A step of the journey where users meet the system.',
        required: [
          'id',
          'name',
          'expectedMinutes',
          'failureModes',
          'owner',
          'friction',
        ],
        properties: {
          id: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          expectedMinutes: {
            type: ['integer', 'null'],
            description:
              'How long the step is expected to take, in minutes; null when unknown.',
          },
          failureModes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          owner: {
            type: ['string', 'null'],
            description: 'Entity ref of who owns the step, or null.',
          },
          friction: {
            $ref: '#/components/schemas/TouchpointFriction',
          },
        },
      },
      TouchpointFriction: {
        type: 'object',
        additionalProperties: false,
        description:
          'How much a touchpoint hurts, from friction reports: how many, their mean severity (1 to 5) and the newest texts (never who wrote them). The mean and the texts need at least k different reporters behind them; below that, only the counts.',
        required: [
          'reports',
          'averageSeverity',
          'reporters',
          'minReporters',
          'texts',
          'textsHidden',
          'meToo',
          'youSaidMeToo',
        ],
        properties: {
          reports: {
            type: 'integer',
          },
          averageSeverity: {
            type: ['number', 'null'],
            description:
              'Mean severity; null without reports and while fewer than minReporters people reported.',
          },
          reporters: {
            type: 'integer',
            description:
              'How many different people reported friction here (a person may report more than once).',
          },
          minReporters: {
            type: 'integer',
            description:
              'k (systemProduct.survey.minResponses, default 5): texts and the mean are returned only once at least this many different people reported, so that neither can single out its author.',
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
              'True while fewer than minReporters people reported, so texts and averageSeverity are withheld.',
          },
          meToo: {
            type: ['integer', 'null'],
            description:
              'How many people said "me too" here (each once) without reporting themselves; null while fewer than minReporters did, so that a count cannot single anyone out.',
          },
          youSaidMeToo: {
            type: 'boolean',
            description:
              'Whether the caller said "me too" here: only ever about the caller, found through their keyed hash; false for a service.',
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
            description: "Defaults to the template's title.",
          },
          templateId: {
            type: 'string',
            maxLength: 64,
            description:
              "Defaults to the entity's system-product/survey annotation, else platform-pulse. Any template usable for the entity (GET /survey-templates?entityRef=...); the round keeps the questions of the template's current version.",
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
      SurveyQuestionKind: {
        type: 'string',
        enum: ['nps', 'csat', 'likert', 'text', 'single', 'multiple'],
        description:
          "NPS (0 to 10), CSAT (1 to 5), a Likert agreement item (1 strongly disagree to 5 strongly agree), free text, one of the question's options (single: the answer is the option's index) and some of them (multiple: an array of distinct option indexes, at least one).",
      },
      SurveyQuestionId: {
        type: 'string',
        pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
        description:
          'Up to 64 letters, digits, "-", "_" and ".", starting with a letter or digit.',
      },
      SurveyScaleAnchors: {
        type: 'object',
        additionalProperties: false,
        required: ['low', 'high'],
        description:
          'What the ends of a scale mean, e.g. "Strongly disagree" and "Strongly agree".',
        properties: {
          low: {
            type: 'string',
            minLength: 1,
            maxLength: 60,
            pattern: '\\S',
          },
          high: {
            type: 'string',
            minLength: 1,
            maxLength: 60,
            pattern: '\\S',
          },
        },
      },
      SurveyQuestion: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'kind', 'prompt'],
        description:
          'One question of a template. options (2 to 20 distinct texts) only on single and multiple, maxChoices (at most the number of options) only on multiple, anchors only on nps, csat and likert. The API returns every nps, csat and likert question with its anchors resolved: the template\'s, else the kind\'s defaults (likert "Strongly disagree" to "Strongly agree", csat "Very dissatisfied" to "Very satisfied", nps "Not at all likely" to "Extremely likely").',
        properties: {
          id: {
            $ref: '#/components/schemas/SurveyQuestionId',
          },
          kind: {
            $ref: '#/components/schemas/SurveyQuestionKind',
          },
          prompt: {
            type: 'string',
            minLength: 1,
            maxLength: 500,
            pattern: '\\S',
          },
          options: {
            type: 'array',
            minItems: 2,
            maxItems: 20,
            description: 'The choices, answered by index (0 is the first).',
            items: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
              pattern: '\\S',
            },
          },
          maxChoices: {
            type: 'integer',
            minimum: 1,
            maximum: 20,
            description:
              'Most options one answer of a multiple question may choose; default all.',
          },
          anchors: {
            $ref: '#/components/schemas/SurveyScaleAnchors',
          },
        },
      },
      SurveyTemplateId: {
        type: 'string',
        pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
        description:
          'Up to 64 letters, digits, "-", "_" and ".", starting with a letter or digit; unique across every template (built in, app-config, owners\').',
      },
      SurveyTemplateSource: {
        type: 'string',
        enum: ['built-in', 'config', 'owner'],
        description:
          "built-in: shipped with the plugin (platform-pulse, and moment, which only moment triggers use); config: systemProduct.survey.templates of app-config; owner: made by an entity's owners through this API, usable only for rounds on that entity.",
      },
      SurveyTemplateQuestions: {
        type: 'array',
        minItems: 1,
        maxItems: 30,
        description: '1 to 30 questions with unique ids.',
        items: {
          $ref: '#/components/schemas/SurveyQuestion',
        },
      },
      SurveyTemplate: {
        type: 'object',
        additionalProperties: false,
        description:
          'A version of a survey template. A change makes a new version; a round keeps the questions of the version it was opened with.',
        required: [
          'id',
          'title',
          'source',
          'version',
          'currentVersion',
          'offered',
          'createdAt',
          'createdBy',
          'questions',
        ],
        properties: {
          id: {
            $ref: '#/components/schemas/SurveyTemplateId',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          source: {
            $ref: '#/components/schemas/SurveyTemplateSource',
          },
          entityRef: {
            type: 'string',
            description:
              'The entity an owner template belongs to; absent on the others.',
          },
          version: {
            type: 'integer',
            minimum: 1,
            description: 'This version.',
          },
          currentVersion: {
            type: 'integer',
            minimum: 1,
            description:
              "The template's current (newest) version, the one new rounds get.",
          },
          offered: {
            type: 'boolean',
            description:
              'Whether new rounds can use it: false for moment (moment triggers only) and for a template removed from app-config, which its rounds still read.',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
            description: 'When this version was made.',
          },
          createdBy: {
            type: 'string',
            description:
              'Who made this version: a user or service ref, app-config or system-product (built in).',
          },
          questions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SurveyQuestion',
            },
          },
        },
      },
      SurveyTemplateCreateRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'id', 'title', 'questions'],
        description:
          'An owner template of entityRef. Needs system-product.survey-round.manage on the entity, as opening a round does.',
        properties: {
          entityRef: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
            description:
              'The entity whose rounds may use it, e.g. system:default/ci-cd-pipeline.',
          },
          id: {
            $ref: '#/components/schemas/SurveyTemplateId',
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            pattern: '\\S',
          },
          description: {
            type: 'string',
            maxLength: 2000,
          },
          questions: {
            $ref: '#/components/schemas/SurveyTemplateQuestions',
          },
        },
      },
      SurveyTemplateUpdateRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'questions'],
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            pattern: '\\S',
          },
          description: {
            type: 'string',
            maxLength: 2000,
          },
          questions: {
            $ref: '#/components/schemas/SurveyTemplateQuestions',
          },
          expectedVersion: {
            type: 'integer',
            minimum: 1,
            maximum: 2147483647,
            description:
              'The current version the change is based on; 409 when the template has moved on.',
          },
        },
      },
      SurveyRound: {
        type: 'object',
        additionalProperties: false,
        description:
          'A survey round on an entity. Who answered is never part of it.',
        required: [
          'id',
          'entityRef',
          'templateId',
          'templateVersion',
          'title',
          'opensAt',
          'closesAt',
          'targetGroups',
          'responseCount',
          'questions',
        ],
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
          templateVersion: {
            type: 'integer',
            minimum: 1,
            description:
              'The template version it was opened with, whose questions it keeps when the template changes.',
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
              $ref: '#/components/schemas/SurveyQuestion',
            },
          },
          triggerId: {
            type: 'string',
            description:
              "Set on a moment trigger's round of one month (answered through prompts only); survey rounds have none.",
          },
          scores: {
            type: ['object', 'null'],
            description:
              "Score of each nps, csat and likert question (NPS, or share of 4 and 5), from the round's published results; null while fewer than k responses stand behind the round, and a question's score null while fewer than k answers stand behind it.",
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
              "Question id to its answer: a score (an integer in the question's range), a text, an option's index (single) or an array of distinct option indexes, at least one and at most maxChoices (multiple); every id must be a question of the round. Answering again changes the questions named and keeps the others; null withdraws an earlier answer to that question.",
            minProperties: 1,
            maxProperties: 50,
            additionalProperties: {
              type: ['integer', 'string', 'array', 'null'],
              maxLength: 2000,
              maxItems: 20,
              items: {
                type: 'integer',
              },
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
        description:
          'Aggregates of a round, as last published. Below k responses only the count and how many more are needed; never who answered. Published results change only once at least k new responses arrived since they were published (nextUpdateAfter says when), so watching them never isolates one answer; a question (or its texts) with fewer than k answers behind it shows only its count (visible false).',
        oneOf: [
          {
            $ref: '#/components/schemas/HiddenSurveyResults',
          },
          {
            $ref: '#/components/schemas/PublishedSurveyResults',
          },
        ],
      },
      HiddenSurveyResults: {
        type: 'object',
        additionalProperties: false,
        required: [
          'roundId',
          'responses',
          'minResponses',
          'visible',
          'moreNeeded',
        ],
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
            const: false,
          },
          moreNeeded: {
            type: 'integer',
            minimum: 1,
          },
        },
      },
      PublishedSurveyResults: {
        type: 'object',
        additionalProperties: false,
        required: [
          'roundId',
          'responses',
          'minResponses',
          'visible',
          'publishedResponses',
          'publishedAt',
          'nextUpdateAfter',
          'scored',
          'choice',
          'text',
          'groups',
        ],
        properties: {
          roundId: {
            type: 'string',
          },
          responses: {
            type: 'integer',
            description:
              'Responses so far; the figures may stand on fewer (publishedResponses).',
          },
          minResponses: {
            type: 'integer',
          },
          visible: {
            const: true,
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
              $ref: '#/components/schemas/ScoredQuestionResult',
            },
          },
          choice: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ChoiceQuestionResult',
            },
          },
          text: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/TextQuestionResult',
            },
          },
          groups: {
            type: 'array',
            description:
              'The figures broken down by the catalog groups users were direct members of when answering, by group ref; empty when none.',
            items: {
              $ref: '#/components/schemas/SurveyGroupResult',
            },
          },
        },
      },
      SurveyGroupResult: {
        description:
          "One group's cell of the results: the figures of its respondents' scored and choice answers (never free texts), published with the round under the same rule per group: refreshed only once the group has at least k respondents and their number moved by at least k since it was published. A cell is hidden (visible false, without its group or a count; hidden cells come after the shown ones) below that, and when it could be subtracted from figures shown beside it: when the round's other respondents, or the other respondents of a group holding all of its respondents, are more than 0 and fewer than k.",
        oneOf: [
          {
            $ref: '#/components/schemas/VisibleSurveyGroupResult',
          },
          {
            $ref: '#/components/schemas/HiddenSurveyGroupResult',
          },
        ],
      },
      VisibleSurveyGroupResult: {
        type: 'object',
        additionalProperties: false,
        required: ['group', 'visible', 'responses', 'scored', 'choice'],
        properties: {
          group: {
            type: 'string',
            description: "The group's entity ref.",
          },
          visible: {
            const: true,
          },
          responses: {
            type: 'integer',
            description: "The group's respondents behind the figures.",
          },
          scored: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/GroupScoredQuestionResult',
            },
          },
          choice: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/GroupChoiceQuestionResult',
            },
          },
        },
      },
      HiddenSurveyGroupResult: {
        type: 'object',
        additionalProperties: false,
        required: ['visible'],
        description:
          'A hidden cell, without its group: naming a small group would tell that one of its members answered.',
        properties: {
          visible: {
            const: false,
          },
        },
      },
      GroupScoredQuestionResult: {
        description:
          "A scored question in a group's cell: its figures with at least k of the group's answers behind them; below that, only that it is hidden.",
        oneOf: [
          {
            $ref: '#/components/schemas/VisibleScoredQuestionResult',
          },
          {
            $ref: '#/components/schemas/HiddenGroupScoredQuestionResult',
          },
        ],
      },
      HiddenGroupScoredQuestionResult: {
        type: 'object',
        additionalProperties: false,
        required: ['questionId', 'kind', 'visible'],
        properties: {
          questionId: {
            type: 'string',
          },
          kind: {
            $ref: '#/components/schemas/ScoredQuestionKind',
          },
          visible: {
            const: false,
          },
        },
      },
      GroupChoiceQuestionResult: {
        description:
          "A choice question in a group's cell: its option counts with at least k of the group's respondents behind them; below that, only that it is hidden.",
        oneOf: [
          {
            $ref: '#/components/schemas/VisibleChoiceQuestionResult',
          },
          {
            $ref: '#/components/schemas/HiddenGroupChoiceQuestionResult',
          },
        ],
      },
      HiddenGroupChoiceQuestionResult: {
        type: 'object',
        additionalProperties: false,
        required: ['questionId', 'kind', 'visible'],
        properties: {
          questionId: {
            type: 'string',
          },
          kind: {
            $ref: '#/components/schemas/ChoiceQuestionKind',
          },
          visible: {
            const: false,
          },
        },
      },
      ScoredQuestionKind: {
        type: 'string',
        enum: ['nps', 'csat', 'likert'],
      },
      ChoiceQuestionKind: {
        type: 'string',
        enum: ['single', 'multiple'],
      },
      ChoiceQuestionResult: {
        description:
          'Aggregate of one single or multiple choice question: per option, how many chose it, only with at least k respondents behind the figures; below that, only how many answered.',
        oneOf: [
          {
            $ref: '#/components/schemas/VisibleChoiceQuestionResult',
          },
          {
            $ref: '#/components/schemas/HiddenChoiceQuestionResult',
          },
        ],
      },
      VisibleChoiceQuestionResult: {
        type: 'object',
        additionalProperties: false,
        required: ['questionId', 'kind', 'answered', 'visible', 'options'],
        properties: {
          questionId: {
            type: 'string',
          },
          kind: {
            $ref: '#/components/schemas/ChoiceQuestionKind',
          },
          answered: {
            type: 'integer',
            description:
              'How many answered it (people, not choices), the answers behind the figures.',
          },
          visible: {
            const: true,
          },
          options: {
            type: 'array',
            description:
              'Every option of the question, in its order, chosen or not.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['index', 'label', 'count', 'share'],
              properties: {
                index: {
                  type: 'integer',
                  minimum: 0,
                },
                label: {
                  type: 'string',
                },
                count: {
                  type: 'integer',
                  minimum: 0,
                  description: 'How many chose it.',
                },
                share: {
                  type: 'number',
                  minimum: 0,
                  maximum: 100,
                  description:
                    "Percent of the question's respondents who chose it; the shares of a multiple question can add to more than 100.",
                },
              },
            },
          },
        },
      },
      HiddenChoiceQuestionResult: {
        type: 'object',
        additionalProperties: false,
        required: ['questionId', 'kind', 'answered', 'visible'],
        properties: {
          questionId: {
            type: 'string',
          },
          kind: {
            $ref: '#/components/schemas/ChoiceQuestionKind',
          },
          answered: {
            type: 'integer',
            description:
              'How many had answered it at the last publication, fewer than k.',
          },
          visible: {
            const: false,
          },
        },
      },
      ScoredQuestionResult: {
        description:
          'Aggregate of one scored question: its figures only with at least k answers behind them; below that, only how many answered.',
        oneOf: [
          {
            $ref: '#/components/schemas/VisibleScoredQuestionResult',
          },
          {
            $ref: '#/components/schemas/HiddenScoredQuestionResult',
          },
        ],
      },
      VisibleScoredQuestionResult: {
        type: 'object',
        additionalProperties: false,
        required: [
          'questionId',
          'kind',
          'answered',
          'visible',
          'distribution',
          'mean',
          'score',
        ],
        properties: {
          questionId: {
            type: 'string',
          },
          kind: {
            $ref: '#/components/schemas/ScoredQuestionKind',
          },
          answered: {
            type: 'integer',
            description:
              'How many answered it, the answers behind the figures.',
          },
          visible: {
            const: true,
          },
          distribution: {
            type: 'object',
            description: 'Count of answers per value, e.g. {"9": 4, "10": 2}.',
            additionalProperties: {
              type: 'integer',
            },
          },
          mean: {
            type: ['number', 'null'],
            description: 'Mean of the values; null when nobody answered.',
          },
          score: {
            type: ['number', 'null'],
            description:
              'NPS (-100 to 100) for nps questions, share of 4 and 5 (0 to 100) for csat and likert.',
          },
        },
      },
      HiddenScoredQuestionResult: {
        type: 'object',
        additionalProperties: false,
        required: ['questionId', 'kind', 'answered', 'visible'],
        properties: {
          questionId: {
            type: 'string',
          },
          kind: {
            $ref: '#/components/schemas/ScoredQuestionKind',
          },
          answered: {
            type: 'integer',
            description:
              'How many had answered it at the last publication, fewer than k.',
          },
          visible: {
            const: false,
          },
        },
      },
      TextQuestionResult: {
        type: 'object',
        additionalProperties: false,
        description:
          'Free-text answers of one question, in alphabetical order (never in the order they came in); empty, with only the count, while fewer than k answered it (visible false).',
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
            items: {
              type: 'string',
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
      RoadmapMetricUnit: {
        type: ['string', 'null'],
        minLength: 1,
        maxLength: 16,
        pattern: '\\S',
        description:
          'The unit of metricBefore and metricAfter, as shown after each number (31 h → 19 h); null when the values have none. The values of an SLO are its SLI in percent: `%`.',
        examples: ['h', 'min', '%', 'days', 'builds/week'],
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
          metricUnit: {
            $ref: '#/components/schemas/RoadmapMetricUnit',
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
          metricUnit: {
            $ref: '#/components/schemas/RoadmapMetricUnit',
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
          metricUnit: {
            $ref: '#/components/schemas/RoadmapMetricUnit',
          },
        },
      },
      RoadmapItem: {
        type: 'object',
        additionalProperties: false,
        description:
          'An improvement of the system, tied to the pain points and touchpoints it addresses and to the metric it should move; once shipped, the metric\'s value before and after answers "did it work?".',
        required: [
          'id',
          'entityRef',
          'version',
          'title',
          'description',
          'kind',
          'status',
          'owner',
          'targetDate',
          'milestones',
          'painPoints',
          'touchpointIds',
          'metric',
          'metricBefore',
          'metricAfter',
          'shippedAt',
          'updatedBy',
          'updatedAt',
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
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          kind: {
            $ref: '#/components/schemas/RoadmapItemKind',
          },
          status: {
            $ref: '#/components/schemas/RoadmapItemStatus',
          },
          owner: {
            type: ['string', 'null'],
          },
          targetDate: {
            type: ['string', 'null'],
            format: 'date',
            description: 'Target day, YYYY-MM-DD.',
          },
          milestones: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['title', 'done'],
              properties: {
                title: {
                  type: 'string',
                },
                done: {
                  type: 'boolean',
                },
              },
            },
          },
          painPoints: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          touchpointIds: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          metric: {
            type: ['string', 'null'],
            description: 'Name of the SLO or metric it should move.',
          },
          metricBefore: {
            type: ['number', 'null'],
          },
          metricAfter: {
            type: ['number', 'null'],
          },
          metricUnit: {
            type: ['string', 'null'],
            description:
              'The unit of metricBefore and metricAfter, e.g. h or %; null when they have none. Absent from backends older than the unit.',
          },
          startedAt: {
            type: ['string', 'null'],
            format: 'date-time',
            description:
              'When it first moved to in progress, kept whatever comes after; null for an item never in progress (or started before backends kept it, which also leave it out).',
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
          loopNotified: {
            type: 'integer',
            description:
              'How many people who reported friction on its touchpoints, said "me too" there or answered a moment about them were told when it shipped (never who). Absent until it shipped.',
          },
        },
      },
      ReviewCadence: {
        type: 'string',
        enum: ['off', 'weekly', 'monthly'],
        description:
          'How often a review is assembled: weekly (each Monday 00:00 UTC, of the week before) or monthly (each 1st, of the month before).',
      },
      ReviewPeriodCadence: {
        type: 'string',
        enum: ['weekly', 'monthly'],
        description: 'The cadence a review was made for.',
      },
      ReviewSettings: {
        type: 'object',
        additionalProperties: false,
        required: ['cadence'],
        properties: {
          cadence: {
            $ref: '#/components/schemas/ReviewCadence',
          },
        },
      },
      ReviewChange: {
        type: 'object',
        additionalProperties: false,
        description:
          'A figure in the period and in the period before it; null without data.',
        required: ['now', 'before'],
        properties: {
          now: {
            type: ['number', 'null'],
          },
          before: {
            type: ['number', 'null'],
          },
        },
      },
      ReviewSummary: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'entityRef', 'cadence', 'from', 'to', 'createdAt'],
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          cadence: {
            $ref: '#/components/schemas/ReviewPeriodCadence',
          },
          from: {
            type: 'string',
            format: 'date-time',
            description: 'The period reviewed, from (inclusive).',
          },
          to: {
            type: 'string',
            format: 'date-time',
            description: 'The period reviewed, to (exclusive).',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      ReviewDigest: {
        type: 'object',
        additionalProperties: false,
        description:
          'What changed in a period, assembled as a retrospective on the system: every survey figure only with k answers behind it, friction severities only with k reporters, exactly as the tabs show them.',
        required: [
          'id',
          'entityRef',
          'cadence',
          'from',
          'to',
          'previousFrom',
          'createdAt',
          'minResponses',
          'slos',
          'dora',
          'feedback',
          'friction',
          'shipped',
          'upcoming',
        ],
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          cadence: {
            $ref: '#/components/schemas/ReviewPeriodCadence',
          },
          from: {
            type: 'string',
            format: 'date-time',
          },
          to: {
            type: 'string',
            format: 'date-time',
          },
          previousFrom: {
            type: 'string',
            format: 'date-time',
            description:
              'The start of the period before, which "before" figures cover.',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          minResponses: {
            type: 'integer',
            description: 'k.',
          },
          slos: {
            type: 'array',
            description:
              "Each SLO's scheduled evaluations at the period's start and end (the latest at or before each): status and error budget left (fractions), and the budget spent in between.",
            items: {
              type: 'object',
              additionalProperties: false,
              required: [
                'name',
                'status',
                'previousStatus',
                'remaining',
                'remainingAtStart',
                'budgetSpent',
              ],
              properties: {
                name: {
                  type: 'string',
                },
                status: {
                  type: ['string', 'null'],
                },
                previousStatus: {
                  type: ['string', 'null'],
                },
                remaining: {
                  type: ['number', 'null'],
                },
                remainingAtStart: {
                  type: ['number', 'null'],
                },
                budgetSpent: {
                  type: ['number', 'null'],
                },
              },
            },
          },
          dora: {
            type: 'object',
            additionalProperties: false,
            description:
              "DORA's figures over the period's length in days (7 or 30) ending at its end, and ending at its start.",
            required: [
              'days',
              'deployments',
              'changeLeadTimeSeconds',
              'changeFailureRate',
              'recoveryTimeSeconds',
            ],
            properties: {
              days: {
                type: 'integer',
              },
              deployments: {
                $ref: '#/components/schemas/ReviewChange',
              },
              changeLeadTimeSeconds: {
                $ref: '#/components/schemas/ReviewChange',
              },
              changeFailureRate: {
                $ref: '#/components/schemas/ReviewChange',
              },
              recoveryTimeSeconds: {
                $ref: '#/components/schemas/ReviewChange',
              },
            },
          },
          feedback: {
            type: 'array',
            description:
              'Survey rounds and moment rounds open in the period with published results (k responses or more), each score against the round before it of the same template (or moment trigger).',
            items: {
              type: 'object',
              additionalProperties: false,
              required: [
                'roundId',
                'title',
                'kind',
                'publishedResponses',
                'scores',
                'previousScores',
              ],
              properties: {
                roundId: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                kind: {
                  type: 'string',
                  enum: ['survey', 'moment'],
                },
                publishedResponses: {
                  type: 'integer',
                },
                scores: {
                  type: 'object',
                  description:
                    'Question id to its score (NPS from −100 to 100, or the percentage of 4s and 5s); null below k.',
                  additionalProperties: {
                    type: ['number', 'null'],
                  },
                },
                previousScores: {
                  type: ['object', 'null'],
                  additionalProperties: {
                    type: ['number', 'null'],
                  },
                },
              },
            },
          },
          friction: {
            type: 'array',
            description:
              'Touchpoints with friction reported in the period or the one before, most reports first; the mean severity only with k reporters in the period.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: [
                'touchpointId',
                'touchpoint',
                'reports',
                'reportsBefore',
                'reporters',
                'averageSeverity',
                'trend',
              ],
              properties: {
                touchpointId: {
                  type: 'string',
                },
                touchpoint: {
                  type: 'string',
                },
                reports: {
                  type: 'integer',
                },
                reportsBefore: {
                  type: 'integer',
                },
                reporters: {
                  type: 'integer',
                },
                averageSeverity: {
                  type: ['number', 'null'],
                },
                trend: {
                  type: 'string',
                  enum: ['new', 'rising', 'steady', 'falling'],
                },
              },
            },
          },
          shipped: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: [
                'itemId',
                'title',
                'shippedAt',
                'metric',
                'metricBefore',
                'metricAfter',
                'metricUnit',
              ],
              properties: {
                itemId: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                shippedAt: {
                  type: 'string',
                  format: 'date-time',
                },
                metric: {
                  type: ['string', 'null'],
                },
                metricBefore: {
                  type: ['number', 'null'],
                },
                metricAfter: {
                  type: ['number', 'null'],
                },
                metricUnit: {
                  type: ['string', 'null'],
                },
              },
            },
          },
          upcoming: {
            type: 'array',
            description:
              'Open items whose target day falls in the next period, with their open milestones.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: [
                'itemId',
                'title',
                'status',
                'targetDate',
                'openMilestones',
              ],
              properties: {
                itemId: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                status: {
                  $ref: '#/components/schemas/RoadmapItemStatus',
                },
                targetDate: {
                  type: 'string',
                  format: 'date',
                },
                openMilestones: {
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
      LoopNotifications: {
        type: 'object',
        additionalProperties: false,
        required: ['enabled'],
        properties: {
          enabled: {
            type: 'boolean',
          },
        },
      },
      IngestionResult: {
        type: 'object',
        additionalProperties: false,
        description: 'What a stored batch brought.',
        required: ['accepted', 'duplicates', 'rejected'],
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
              'Always empty: a batch with a bad event is refused whole (400). Kept for clients of the earlier per-event answer.',
            items: {
              $ref: '#/components/schemas/RejectedEvent',
            },
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
      MomentEventType: {
        type: 'string',
        enum: ['deployment', 'build', 'incident', 'ticket', 'custom', 'page'],
        description:
          "A delivery event type, or `page`: a visit to a page of the portal (the trigger's `page`) by a signed-in user.",
      },
      MomentOutcome: {
        type: 'string',
        enum: ['any', 'succeeded', 'failed'],
      },
      MomentTriggerRequest: {
        type: 'object',
        additionalProperties: false,
        description:
          "A micro-survey: which of the entity's delivery events prompt the person behind them (the event's actor), what they are asked, how often.",
        required: ['eventType', 'question', 'sampleRate', 'cooldownDays'],
        properties: {
          eventType: {
            $ref: '#/components/schemas/MomentEventType',
          },
          outcome: {
            allOf: [
              {
                $ref: '#/components/schemas/MomentOutcome',
              },
            ],
            description:
              'Events of this outcome only (deployments and builds); default any.',
          },
          environment: {
            allOf: [
              {
                $ref: '#/components/schemas/EventEnvironment',
              },
            ],
            description: 'Deployments to this environment only.',
          },
          page: {
            allOf: [
              {
                $ref: '#/components/schemas/PortalPath',
              },
            ],
            description:
              'For event type page (and required by it): the portal path whose visits prompt, matched by whole segments (/create matches /create and /create/tasks/1, not /created).',
          },
          touchpointId: {
            type: 'string',
            maxLength: 64,
            description:
              'The journey touchpoint the moment is about: a score of 3 or less adds friction there (severity 6 − score).',
          },
          question: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            pattern: '\\S',
            description: 'The 1–5 question, e.g. "How did this deployment go?"',
          },
          textQuestion: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            pattern: '\\S',
            description: 'An optional free-text question asked with it.',
          },
          sampleRate: {
            type: 'number',
            exclusiveMinimum: 0,
            maximum: 1,
            description:
              'The share of matching events that prompt (0.1 is 10 %).',
          },
          cooldownDays: {
            type: 'integer',
            minimum: 1,
            maximum: 365,
            description:
              'At most one prompt of this trigger per person in this many days.',
          },
        },
      },
      PortalPath: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        pattern: '^/[^\\s?#]*$',
        description:
          'A path of the portal, without query or fragment, e.g. /create.',
      },
      MomentTrigger: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'entityRef',
          'eventType',
          'outcome',
          'environment',
          'page',
          'touchpointId',
          'question',
          'textQuestion',
          'sampleRate',
          'cooldownDays',
          'createdAt',
          'rounds',
        ],
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          eventType: {
            $ref: '#/components/schemas/MomentEventType',
          },
          outcome: {
            $ref: '#/components/schemas/MomentOutcome',
          },
          environment: {
            type: ['string', 'null'],
          },
          page: {
            type: ['string', 'null'],
          },
          touchpointId: {
            type: ['string', 'null'],
          },
          question: {
            type: 'string',
          },
          textQuestion: {
            type: ['string', 'null'],
          },
          sampleRate: {
            type: 'number',
          },
          cooldownDays: {
            type: 'integer',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          rounds: {
            type: 'array',
            description:
              "Its rounds, one a calendar month (UTC), newest first: their results are at /surveys/{roundId}/results, k-anonymous like any round's.",
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['roundId', 'opensAt'],
              properties: {
                roundId: {
                  type: 'string',
                },
                opensAt: {
                  type: 'string',
                  format: 'date-time',
                },
              },
            },
          },
        },
      },
      MomentPrompt: {
        type: 'object',
        additionalProperties: false,
        description:
          'A prompt to answer a micro-survey, shown only to the person it went to.',
        required: [
          'id',
          'entityRef',
          'question',
          'textQuestion',
          'eventSummary',
          'promptedAt',
          'expiresAt',
          'answered',
        ],
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          question: {
            type: 'string',
          },
          textQuestion: {
            type: ['string', 'null'],
          },
          eventSummary: {
            type: 'string',
            description:
              'What happened, e.g. "deployment to production, succeeded".',
          },
          promptedAt: {
            type: 'string',
            format: 'date-time',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
          answered: {
            type: 'boolean',
          },
        },
      },
      MomentAnswerRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['score'],
        properties: {
          score: {
            type: 'integer',
            minimum: 1,
            maximum: 5,
            description: '1 (very poor) to 5 (very good).',
          },
          text: {
            type: 'string',
            maxLength: 2000,
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
          mapping: {
            deployment: '#/components/schemas/DeploymentEvent',
            incident: '#/components/schemas/IncidentEvent',
            ticket: '#/components/schemas/TicketEvent',
            build: '#/components/schemas/BuildEvent',
            custom: '#/components/schemas/CustomEvent',
          },
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
      EventActor: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        pattern: '^user:',
        description:
          'The person behind the event (who deployed, whose build, who asked in a ticket), as a user entity ref such as user:default/jane: the one a moment trigger of the entity may prompt. It is not stored with the event. A signed-in user posting events may name only themselves.',
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
          actor: {
            $ref: '#/components/schemas/EventActor',
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
          actor: {
            $ref: '#/components/schemas/EventActor',
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
          actor: {
            $ref: '#/components/schemas/EventActor',
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
          actor: {
            $ref: '#/components/schemas/EventActor',
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
          actor: {
            $ref: '#/components/schemas/EventActor',
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
            additionalProperties: true,
          },
        },
      },
      EntitySlos: {
        type: 'object',
        additionalProperties: false,
        description:
          'Every SLO of an entity, evaluated now, and what is wrong with its OpenSLO file.',
        required: ['source', 'items', 'problems'],
        properties: {
          source: {
            type: ['string', 'null'],
            description:
              'Where the OpenSLO file was read from (the path or URL that system-product/slo-ref resolves to, or the annotation itself when it cannot be resolved); null when the entity names none.',
          },
          items: {
            type: 'array',
            description:
              "The file's SLOs in the file's order, then those made in the portal.",
            items: {
              $ref: '#/components/schemas/EvaluatedSlo',
            },
          },
          problems: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/OpenSloProblem',
            },
          },
        },
      },
      OpenSloProblem: {
        type: 'object',
        additionalProperties: false,
        description:
          'A problem of an OpenSLO file (or of an SLO made in the portal).',
        required: ['file', 'document', 'field', 'message'],
        properties: {
          file: {
            type: 'string',
            description:
              'The file, as in source; `portal` for SLOs made in the portal.',
          },
          document: {
            type: 'integer',
            minimum: 0,
            description:
              '1-based position of the YAML document in the file; 0 for a note on the file or on a whole SLO (then named by name).',
          },
          name: {
            type: 'string',
            description: "The document's metadata.name.",
          },
          field: {
            type: 'string',
            description:
              'The field, e.g. spec.objectives[0].target; empty for the document as a whole.',
          },
          message: {
            type: 'string',
          },
          severity: {
            type: 'string',
            enum: ['error', 'warning'],
            description:
              'error (also when left out): the SLO is left out. warning: the SLO is kept; this says what was assumed or what has no effect.',
          },
        },
      },
      EvaluatedSlo: {
        type: 'object',
        additionalProperties: false,
        description:
          'An SLO as parsed from OpenSLO v1 (references resolved, defaults applied, credentials of data sources dropped), where it is defined, and its evaluation now.',
        required: [
          'name',
          'displayName',
          'description',
          'service',
          'budgetingMethod',
          'window',
          'objectives',
          'origin',
          'evaluation',
        ],
        properties: {
          name: {
            type: 'string',
            description: "The SLO's metadata.name.",
          },
          displayName: {
            type: 'string',
            description: 'metadata.displayName, else the name.',
          },
          description: {
            type: 'string',
            description: 'Empty when not given.',
          },
          service: {
            type: 'string',
            description: 'Empty when not given.',
          },
          budgetingMethod: {
            type: 'string',
            enum: ['Occurrences', 'Timeslices', 'RatioTimeslices'],
          },
          window: {
            type: 'object',
            additionalProperties: false,
            description: "The SLO window, OpenSLO's timeWindow.",
            required: ['duration', 'isRolling'],
            properties: {
              duration: {
                $ref: '#/components/schemas/SloDuration',
              },
              isRolling: {
                type: 'boolean',
              },
              calendar: {
                type: 'object',
                additionalProperties: false,
                description:
                  'Calendar windows (isRolling false): where the periods are counted from.',
                required: ['startTime', 'timeZone'],
                properties: {
                  startTime: {
                    type: 'string',
                    description:
                      'A wall-clock time of timeZone as the document gives it, without an offset, e.g. `2026-01-01 00:00:00`.',
                  },
                  timeZone: {
                    type: 'string',
                    description:
                      'An IANA time zone, e.g. Europe/Berlin or UTC.',
                  },
                },
              },
            },
          },
          objectives: {
            type: 'array',
            minItems: 1,
            description:
              'Each is evaluated; with their own indicators they form a composite SLO.',
            items: {
              $ref: '#/components/schemas/SloObjective',
            },
          },
          indicator: {
            allOf: [
              {
                $ref: '#/components/schemas/SloIndicator',
              },
            ],
            description:
              "The SLO's SLI; left out when every objective has its own (composite).",
          },
          alertPolicies: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SloAlertPolicy',
            },
          },
          origin: {
            type: 'string',
            enum: ['file', 'portal'],
            description:
              "Defined in the entity's OpenSLO file or made in the portal.",
          },
          evaluation: {
            $ref: '#/components/schemas/SloEvaluation',
          },
        },
      },
      SloOperator: {
        type: 'string',
        enum: ['lt', 'lte', 'gt', 'gte'],
      },
      SloDuration: {
        type: 'object',
        additionalProperties: false,
        description:
          'An OpenSLO duration: `28d` is { amount: 28, unit: d }. M, Q and Y (months, quarters, years) have no fixed length. An alertAfter of zero is { amount: 0, unit: m }.',
        required: ['amount', 'unit'],
        properties: {
          amount: {
            type: 'integer',
            minimum: 0,
          },
          unit: {
            type: 'string',
            enum: ['s', 'm', 'h', 'd', 'w', 'M', 'Q', 'Y'],
          },
        },
      },
      SloMetricSource: {
        type: 'object',
        additionalProperties: false,
        description:
          "Where an SLI's numbers come from: OpenSLO's metricSource, a metricSourceRef resolved. A DataSource's connectionDetails are never returned.",
        required: ['type', 'spec'],
        properties: {
          type: {
            type: 'string',
            description: 'The metric source type, e.g. system-product.',
          },
          spec: {
            type: 'object',
            additionalProperties: true,
            description:
              "The metric source's spec as the document gives it, read by the SLI source of its type: the one open object of an SLO.",
          },
          dataSource: {
            type: 'string',
            description: 'The DataSource a metricSourceRef named.',
          },
        },
      },
      SloIndicator: {
        type: 'object',
        additionalProperties: false,
        description: 'An SLI, with either ratio or threshold.',
        required: ['name'],
        properties: {
          name: {
            type: 'string',
          },
          ratio: {
            type: 'object',
            additionalProperties: false,
            description:
              'good or bad over total; or raw alone, a source that reports the ratio itself, rawType saying whether it is the good (success) or the bad (failure) share.',
            properties: {
              good: {
                $ref: '#/components/schemas/SloMetricSource',
              },
              bad: {
                $ref: '#/components/schemas/SloMetricSource',
              },
              total: {
                $ref: '#/components/schemas/SloMetricSource',
              },
              raw: {
                $ref: '#/components/schemas/SloMetricSource',
              },
              rawType: {
                type: 'string',
                enum: ['success', 'failure'],
              },
            },
          },
          threshold: {
            allOf: [
              {
                $ref: '#/components/schemas/SloMetricSource',
              },
            ],
            description:
              "A threshold metric: an event is good when its value compares to the objective's value by its op.",
          },
        },
      },
      SloObjective: {
        type: 'object',
        additionalProperties: false,
        required: ['target'],
        properties: {
          displayName: {
            type: 'string',
          },
          target: {
            type: 'number',
            exclusiveMinimum: 0,
            exclusiveMaximum: 1,
            description:
              'A fraction (0.99, not 99); a targetPercent is given divided by 100.',
          },
          op: {
            allOf: [
              {
                $ref: '#/components/schemas/SloOperator',
              },
            ],
            description: 'Threshold metrics, with value.',
          },
          value: {
            type: 'number',
          },
          timeSliceTarget: {
            type: 'number',
            exclusiveMinimum: 0,
            maximum: 1,
            description:
              'Timeslices only; the ratio (a fraction) that makes a slice good.',
          },
          timeSliceWindow: {
            allOf: [
              {
                $ref: '#/components/schemas/SloDuration',
              },
            ],
            description:
              'Timeslices and RatioTimeslices only; the length of a slice.',
          },
          indicator: {
            allOf: [
              {
                $ref: '#/components/schemas/SloIndicator',
              },
            ],
            description: "Composite SLOs only; the objective's own SLI.",
          },
          compositeWeight: {
            type: 'number',
            exclusiveMinimum: 0,
            description:
              "Composite SLOs; the objective's weight, 1 when left out.",
          },
        },
      },
      SloAlertPolicy: {
        type: 'object',
        additionalProperties: false,
        description: "OpenSLO's AlertPolicy, conditions and targets resolved.",
        required: [
          'name',
          'alertWhenBreaching',
          'alertWhenResolved',
          'alertWhenNoData',
          'conditions',
          'notificationTargets',
        ],
        properties: {
          name: {
            type: 'string',
          },
          displayName: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          alertWhenBreaching: {
            type: 'boolean',
          },
          alertWhenResolved: {
            type: 'boolean',
          },
          alertWhenNoData: {
            type: 'boolean',
          },
          conditions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SloAlertCondition',
            },
          },
          notificationTargets: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SloNotificationTarget',
            },
          },
        },
      },
      SloAlertCondition: {
        type: 'object',
        additionalProperties: false,
        description:
          "OpenSLO's AlertCondition: it holds while the burn rate over lookbackWindow compares to threshold by op, and alerts once it held for alertAfter.",
        required: [
          'name',
          'kind',
          'op',
          'threshold',
          'lookbackWindow',
          'alertAfter',
        ],
        properties: {
          name: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          severity: {
            type: 'string',
          },
          kind: {
            type: 'string',
            enum: ['burnrate'],
          },
          op: {
            $ref: '#/components/schemas/SloOperator',
          },
          threshold: {
            type: 'number',
            description: 'A burn rate.',
          },
          lookbackWindow: {
            $ref: '#/components/schemas/SloDuration',
          },
          alertAfter: {
            $ref: '#/components/schemas/SloDuration',
          },
        },
      },
      SloNotificationTarget: {
        type: 'object',
        additionalProperties: false,
        description: "OpenSLO's AlertNotificationTarget.",
        required: ['name', 'target'],
        properties: {
          name: {
            type: 'string',
          },
          target: {
            type: 'string',
            description:
              "Catalog refs (group:default/team, user:default/jane) or a tool's name.",
          },
          description: {
            type: 'string',
          },
        },
      },
      SloStatus: {
        type: 'string',
        enum: ['met', 'at-risk', 'breached', 'no-data'],
        description:
          'met: the SLI reaches the objective, however little budget is left; at-risk: met, but burning fast enough to lose it; breached: the SLI is below the objective; no-data: nothing was measured in the window.',
      },
      SloEvaluationWindow: {
        type: 'object',
        additionalProperties: false,
        description:
          "The SLO window [from, to) evaluated; a calendar window's to may lie after evaluatedAt.",
        required: ['from', 'to'],
        properties: {
          from: {
            type: 'string',
            format: 'date-time',
          },
          to: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      SloEvaluation: {
        type: 'object',
        additionalProperties: false,
        description:
          "An SLO evaluated at one moment: its SLI and remaining budget over its window, the burn rate of each alert rule's windows, and its status. With several objectives each is listed under objectives, and these figures are the worst objective's (for a composite SLO, the means of the objectives with data, weighted by compositeWeight). Without data the status is no-data and reason says why.",
        required: [
          'window',
          'sli',
          'remaining',
          'total',
          'status',
          'burnRates',
        ],
        properties: {
          window: {
            $ref: '#/components/schemas/SloEvaluationWindow',
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
            description:
              "The instant evaluated. The routes serve the latest stored evaluation (the scheduled job's, or one made after a write), so this is how old the figures are.",
          },
          backfilling: {
            type: 'boolean',
            description:
              "The SLO's rollup is being filled from the stored events (a new or changed SLO): status no-data, reason says so, until evaluated.",
          },
          sli: {
            type: ['number', 'null'],
            minimum: 0,
            maximum: 1,
            description:
              'A fraction from 0 to 1 (not percent); null without data.',
          },
          remaining: {
            type: ['number', 'null'],
            maximum: 1,
            description:
              'The error budget left, a fraction: 1 untouched, 0 spent, below 0 overspent; null without data.',
          },
          total: {
            type: 'number',
            minimum: 0,
            description: 'Events (or survey answers) counted in the window.',
          },
          counted: {
            $ref: '#/components/schemas/SloCounted',
          },
          status: {
            $ref: '#/components/schemas/SloStatus',
          },
          budgetUsedUp: {
            type: 'boolean',
            description:
              'No budget is left (remaining 0 or below); given unless no-data.',
          },
          burnRates: {
            type: 'array',
            description: 'Each multiwindow burn-rate rule; empty without data.',
            items: {
              $ref: '#/components/schemas/SloBurnRate',
            },
          },
          reason: {
            type: 'string',
            description: 'Why there is no data.',
          },
          objectives: {
            type: 'array',
            description:
              "An SLO of several objectives; each, in the definition's order.",
            items: {
              $ref: '#/components/schemas/SloObjectiveEvaluation',
            },
          },
          alertConditions: {
            type: 'array',
            description:
              "The conditions of the SLO's alert policies, evaluated now.",
            items: {
              $ref: '#/components/schemas/SloAlertConditionState',
            },
          },
        },
      },
      SloObjectiveEvaluation: {
        type: 'object',
        additionalProperties: false,
        description:
          "One objective of an SLO of several, evaluated: the figures of SloEvaluation (but objectives), with the objective's label.",
        required: [
          'window',
          'sli',
          'remaining',
          'total',
          'status',
          'burnRates',
          'target',
        ],
        properties: {
          window: {
            $ref: '#/components/schemas/SloEvaluationWindow',
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
          },
          sli: {
            type: ['number', 'null'],
            minimum: 0,
            maximum: 1,
          },
          remaining: {
            type: ['number', 'null'],
            maximum: 1,
          },
          total: {
            type: 'number',
            minimum: 0,
          },
          counted: {
            $ref: '#/components/schemas/SloCounted',
          },
          status: {
            $ref: '#/components/schemas/SloStatus',
          },
          budgetUsedUp: {
            type: 'boolean',
          },
          burnRates: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SloBurnRate',
            },
          },
          reason: {
            type: 'string',
          },
          alertConditions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SloAlertConditionState',
            },
          },
          displayName: {
            type: 'string',
          },
          target: {
            type: 'number',
            exclusiveMinimum: 0,
            exclusiveMaximum: 1,
          },
          compositeWeight: {
            type: 'number',
            exclusiveMinimum: 0,
          },
        },
      },
      SloCounted: {
        type: 'object',
        additionalProperties: false,
        description:
          'What the figures rest on, in the unit the budgeting method counts: events for Occurrences; for Timeslices bad slices, slices elapsed and bad slices the window allows; for RatioTimeslices the slices with data, bad being the sum of their shortfalls (1 − ratio).',
        required: ['unit', 'bad', 'total', 'allowed'],
        properties: {
          unit: {
            type: 'string',
            enum: ['events', 'slices'],
          },
          bad: {
            type: 'number',
            minimum: 0,
          },
          total: {
            type: 'number',
            minimum: 0,
          },
          allowed: {
            type: 'number',
            minimum: 0,
            description:
              'Bad events (or slices) the objective allows in the window; need not be whole.',
          },
        },
      },
      SloBurnRate: {
        type: 'object',
        additionalProperties: false,
        description:
          "A multiwindow burn-rate rule (SRE workbook) with the burn rates of its two windows now; it fires when both exceed factor. The windows are a 30-day SLO's, scaled to the SLO window.",
        required: [
          'severity',
          'longWindowMs',
          'shortWindowMs',
          'factor',
          'longBurn',
          'shortBurn',
          'firing',
        ],
        properties: {
          severity: {
            type: 'string',
            enum: ['page', 'ticket'],
          },
          longWindowMs: {
            type: 'integer',
            minimum: 0,
            description: 'Milliseconds.',
          },
          shortWindowMs: {
            type: 'integer',
            minimum: 0,
            description: 'Milliseconds.',
          },
          factor: {
            type: 'number',
            description: 'The burn rate both windows must exceed, e.g. 14.4.',
          },
          longBurn: {
            type: ['number', 'null'],
            minimum: 0,
            description:
              'Error ratio over error budget in the long window: 1 spends the budget exactly over the SLO window; null without data.',
          },
          shortBurn: {
            type: ['number', 'null'],
            minimum: 0,
          },
          firing: {
            type: 'boolean',
          },
        },
      },
      SloAlertConditionState: {
        type: 'object',
        additionalProperties: false,
        description:
          "An AlertCondition of the SLO's alert policies now: the burn rate over its lookback window and whether `burn op threshold` holds (whether it held for alertAfter is the scheduled job's to track).",
        required: [
          'policy',
          'condition',
          'op',
          'threshold',
          'lookbackWindowMs',
          'alertAfterMs',
          'burn',
          'holds',
        ],
        properties: {
          policy: {
            type: 'string',
            description: "The alert policy's name.",
          },
          condition: {
            type: 'string',
            description: "The alert condition's name.",
          },
          op: {
            $ref: '#/components/schemas/SloOperator',
          },
          threshold: {
            type: 'number',
          },
          lookbackWindowMs: {
            type: 'integer',
            minimum: 0,
            description:
              'Milliseconds; 0 for a lookback in months, quarters or years, which has no fixed length: such a condition never holds.',
          },
          alertAfterMs: {
            type: 'integer',
            minimum: 0,
            description: 'Milliseconds; 0 alerts at once.',
          },
          burn: {
            type: ['number', 'null'],
            minimum: 0,
          },
          holds: {
            type: 'boolean',
          },
        },
      },
      SloStatusPoint: {
        type: 'object',
        additionalProperties: false,
        description:
          'One scheduled evaluation of an SLO, a point of its trend.',
        required: ['at', 'status', 'sli', 'remaining'],
        properties: {
          at: {
            type: 'string',
            format: 'date-time',
          },
          status: {
            $ref: '#/components/schemas/SloStatus',
          },
          sli: {
            type: ['number', 'null'],
            minimum: 0,
            maximum: 1,
          },
          remaining: {
            type: ['number', 'null'],
            maximum: 1,
          },
        },
      },
      SloStatusReport: {
        type: 'object',
        additionalProperties: false,
        required: ['slo', 'history'],
        properties: {
          slo: {
            $ref: '#/components/schemas/EvaluatedSlo',
          },
          history: {
            type: 'array',
            maxItems: 500,
            description:
              "The scheduled evaluations of the SLO's current window, oldest first; beyond 500, the latest of each of 500 equal spans.",
            items: {
              $ref: '#/components/schemas/SloStatusPoint',
            },
          },
        },
      },
      PortfolioEntry: {
        type: 'object',
        additionalProperties: false,
        description:
          'Headline figures of one system product, as the portfolio page and the team card show them. Survey figures are null until k responses stand behind the latest round.',
        required: [
          'entityRef',
          'title',
          'owner',
          'userGroups',
          'survey',
          'friction',
          'roadmap',
          'slos',
          'priority',
        ],
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
            description: 'Primary user groups from system-product/users.',
          },
          survey: {
            type: 'object',
            additionalProperties: false,
            required: ['responses', 'nps', 'csat'],
            properties: {
              responses: {
                type: ['integer', 'null'],
                description:
                  'Responses to the latest round, or null without a round.',
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
            additionalProperties: false,
            required: ['reports', 'averageSeverity'],
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
            additionalProperties: false,
            required: ['total', 'shipped', 'inProgress', 'planned'],
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
            additionalProperties: false,
            description:
              'Its SLOs by status at the latest scheduled evaluation; zeros and a null evaluatedAt before any.',
            required: [
              'total',
              'breached',
              'atRisk',
              'met',
              'noData',
              'evaluatedAt',
            ],
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
            $ref: '#/components/schemas/InvestmentPriority',
          },
        },
      },
      InvestmentPriority: {
        type: 'object',
        additionalProperties: false,
        description:
          '"Where to invest first", on fixed scales so that a system product has the same score on every page and in every export: impact (how many user groups depend on it) × need (the mean of the known friction, dissatisfaction and SLO figures) × support (owners already engaged); see the plugin README.',
        required: [
          'impact',
          'friction',
          'dissatisfaction',
          'slo',
          'need',
          'support',
          'score',
          'reasons',
        ],
        properties: {
          impact: {
            type: 'number',
            description: '0 to 1, min(user groups, 5) / 5.',
          },
          friction: {
            type: ['number', 'null'],
            description:
              '0 to 1, (mean friction severity − 1) / 4; null while no severity is shown.',
          },
          dissatisfaction: {
            type: ['number', 'null'],
            description:
              '0 to 1, the mean of (100 − NPS) / 200 and (100 − CSAT) / 100 of those known; null without survey figures at k.',
          },
          slo: {
            type: ['number', 'null'],
            description:
              '0 to 1, (breached + at risk / 2) / SLOs with data; null without evaluated SLOs.',
          },
          need: {
            type: 'number',
            description:
              '0 to 1, the mean of friction, dissatisfaction and slo of those known; 0 when none is.',
          },
          support: {
            type: 'number',
            description:
              '0.5 to 1, 0.5 + 0.25 × roadmap items planned or in progress (at most 2).',
          },
          score: {
            type: 'number',
            description:
              'impact × need × support, 0 to 1; higher means invest sooner.',
          },
          reasons: {
            type: 'array',
            items: {
              type: 'string',
            },
            description:
              'What each part stands on, in words, e.g. "4 user groups depend on it".',
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
        description:
          'A median duration in seconds, or a rate from 0 to 1, and what it stands on.',
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
            description: 'Deployments or incidents it is computed from.',
          },
          band: {
            allOf: [
              {
                $ref: '#/components/schemas/DoraBand',
              },
            ],
            description:
              'null below minSamples, and always for figures the report does not band.',
          },
        },
      },
      DoraRate: {
        type: 'object',
        additionalProperties: false,
        description: 'A rate with its numerator, value = count / sampleSize.',
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
            description: "The period's start, inclusive.",
          },
          to: {
            type: 'string',
            format: 'date-time',
            description: "The period's end, exclusive.",
          },
          minSamples: {
            type: 'integer',
            description:
              'Fewest samples (deployments, failed deployments or incidents) a median or a rate needs for a band.',
          },
          deploymentFrequency: {
            type: 'object',
            additionalProperties: false,
            description:
              'Deployment frequency as a cadence, with the counts it is read from.',
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
                description:
                  'How often it deploys; null without a deployment in the period.',
              },
              band: {
                $ref: '#/components/schemas/DoraBand',
              },
              sampleSize: {
                type: 'integer',
                minimum: 0,
                description: 'Production deployments in the period.',
              },
              deployDays: {
                type: 'integer',
                minimum: 0,
                description: 'Days with at least one production deployment.',
              },
              weeks: {
                type: 'integer',
                description:
                  '7-day weeks of the period, counted back from its end (the oldest may be shorter).',
              },
              weeksWithDeployments: {
                type: 'integer',
              },
              months: {
                type: 'integer',
                description:
                  '30-day months of the period, counted back from its end (the oldest may be shorter).',
              },
              monthsWithDeployments: {
                type: 'integer',
              },
              medianDeployDaysPerWeek: {
                type: 'number',
                description:
                  'Median over every week of the period (weeks without one count as 0).',
              },
              medianDeploymentsPerDeployDay: {
                type: ['number', 'null'],
                description:
                  'Median over the days with a deployment; null without one.',
              },
            },
          },
          changeLeadTime: {
            allOf: [
              {
                $ref: '#/components/schemas/DoraFigure',
              },
            ],
            description:
              'Median commit-to-production seconds of production deployments.',
          },
          changeFailureRate: {
            allOf: [
              {
                $ref: '#/components/schemas/DoraRate',
              },
            ],
            description:
              'Production deployments that failed or caused a production incident, over production deployments.',
          },
          deploymentReworkRate: {
            allOf: [
              {
                $ref: '#/components/schemas/DoraRate',
              },
            ],
            description:
              'Production deployments made to remediate an incident, over production deployments (no band).',
          },
          failedDeploymentRecoveryTime: {
            allOf: [
              {
                $ref: '#/components/schemas/DoraFigure',
              },
            ],
            description:
              'Median seconds from a failed production deployment to recovery.',
          },
          incidents: {
            type: 'object',
            additionalProperties: false,
            description:
              'Production incidents that started in the period (no bands).',
            required: ['timeToDetect', 'timeToRestore'],
            properties: {
              timeToDetect: {
                allOf: [
                  {
                    $ref: '#/components/schemas/DoraFigure',
                  },
                ],
                description: 'Median seconds from start to detection (MTTD).',
              },
              timeToRestore: {
                allOf: [
                  {
                    $ref: '#/components/schemas/DoraFigure',
                  },
                ],
                description: 'Median seconds from start to resolution (MTTR).',
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
                  $ref: '#/components/schemas/IngestionResult',
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
                  additionalProperties: false,
                  required: ['items'],
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
                  additionalProperties: false,
                  required: ['status'],
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
                  additionalProperties: false,
                  required: ['status'],
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
    '/entities/{kind}/{namespace}/{name}/touchpoints/{touchpointId}/me-too': {
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
          $ref: '#/components/parameters/touchpointId',
        },
      ],
      put: {
        operationId: 'SayMeToo',
        description:
          'Adds the calling user\'s weight to the friction of a touchpoint without a report of their own ("me too"). Any user who can see the entity may; a person counts once however often they say it. Kept only as a keyed hash, like a friction report.',
        responses: {
          '200': {
            description:
              "Said; the touchpoint's friction as the caller now sees it.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TouchpointFriction',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      delete: {
        operationId: 'WithdrawMeToo',
        description:
          'Withdraws the calling user\'s "me too" on a touchpoint, if they said it.',
        responses: {
          '200': {
            description:
              "Withdrawn; the touchpoint's friction as the caller now sees it.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TouchpointFriction',
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
                  additionalProperties: false,
                  required: ['items'],
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
    '/entities/{kind}/{namespace}/{name}/moments': {
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
        operationId: 'GetMomentTriggers',
        description:
          "The entity's moment triggers (micro-surveys), oldest first, with their rounds.",
        responses: {
          '200': {
            description: 'The triggers.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['triggers'],
                  properties: {
                    triggers: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/MomentTrigger',
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
        operationId: 'CreateMomentTrigger',
        description: 'Adds a moment trigger (owners, as for survey rounds).',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/MomentTriggerRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Added.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MomentTrigger',
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
    '/entities/{kind}/{namespace}/{name}/moments/{triggerId}': {
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
          $ref: '#/components/parameters/triggerId',
        },
      ],
      delete: {
        operationId: 'DeleteMomentTrigger',
        description:
          'Removes a moment trigger and its open prompts (owners); its rounds and their answers stay.',
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
    '/prompts': {
      get: {
        operationId: 'GetMyPrompts',
        description:
          "The calling user's open moment prompts (not answered, not expired), newest first.",
        responses: {
          '200': {
            description: 'The prompts.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['prompts'],
                  properties: {
                    prompts: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/MomentPrompt',
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
    '/prompts/{promptId}': {
      parameters: [
        {
          $ref: '#/components/parameters/promptId',
        },
      ],
      get: {
        operationId: 'GetPrompt',
        description:
          'A moment prompt; 404 for anyone but the person it went to.',
        responses: {
          '200': {
            description: 'The prompt.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MomentPrompt',
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
    '/page-moments': {
      get: {
        operationId: 'GetPageMoments',
        description:
          'The portal paths whose visits may prompt the caller (page triggers of entities the caller can see), so that a portal reports only those visits.',
        responses: {
          '200': {
            description: 'The paths.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['pages'],
                  properties: {
                    pages: {
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
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/page-moments/visits': {
      post: {
        operationId: 'ReportPageVisit',
        description:
          'The calling user visited a page of the portal: a page trigger of that path may prompt them (sampled, with its cooldown and the fatigue cap, as event triggers do). The prompt is answered to the caller only, for the portal to show at once; no notification is sent for it.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['path'],
                properties: {
                  path: {
                    $ref: '#/components/schemas/PortalPath',
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The prompt, or null when none.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['prompt'],
                  properties: {
                    prompt: {
                      oneOf: [
                        {
                          $ref: '#/components/schemas/MomentPrompt',
                        },
                        {
                          type: 'null',
                        },
                      ],
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
    '/prompts/{promptId}/answer': {
      parameters: [
        {
          $ref: '#/components/parameters/promptId',
        },
      ],
      post: {
        operationId: 'AnswerPrompt',
        description:
          "Answers a moment prompt, once, before it expires; only the person it went to may (404 for anyone else). The answer joins the trigger's round of the month, k-anonymous.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/MomentAnswerRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Recorded.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['status', 'roundId'],
                  properties: {
                    status: {
                      type: 'string',
                      enum: ['recorded'],
                    },
                    roundId: {
                      type: 'string',
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
    '/entities/{kind}/{namespace}/{name}/review-settings': {
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
        operationId: 'GetReviewSettings',
        description:
          "How often the entity's review is assembled (off until an owner chooses).",
        responses: {
          '200': {
            description: 'The settings.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReviewSettings',
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
        operationId: 'SetReviewSettings',
        description:
          'Chooses weekly, monthly or no reviews (owners, as for the canvas).',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReviewSettings',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'As stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReviewSettings',
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
    '/entities/{kind}/{namespace}/{name}/reviews': {
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
        operationId: 'GetReviews',
        description: "The entity's past reviews, newest first.",
        responses: {
          '200': {
            description: 'The reviews.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/ReviewSummary',
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
        operationId: 'CreateReview',
        description:
          'Assembles a review now (owners): of the last 7 days, or 30 for a monthly cadence, up to now.',
        responses: {
          '201': {
            description: 'The review.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReviewDigest',
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
    '/entities/{kind}/{namespace}/{name}/reviews/{reviewId}': {
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
          $ref: '#/components/parameters/reviewId',
        },
      ],
      get: {
        operationId: 'GetReview',
        description: 'One review, as it was assembled.',
        responses: {
          '200': {
            description: 'The review.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReviewDigest',
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
    '/me/loop-notifications': {
      get: {
        operationId: 'GetLoopNotifications',
        description:
          'Whether the calling user is told when an improvement ships for a touchpoint they reported friction on, said "me too" on or answered a moment about (users only).',
        responses: {
          '200': {
            description: 'Their choice.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/LoopNotifications',
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
        operationId: 'SetLoopNotifications',
        description:
          'Turns those notifications on or off for the calling user.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/LoopNotifications',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Their choice, as stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/LoopNotifications',
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
    '/survey-templates': {
      get: {
        operationId: 'GetSurveyTemplates',
        description:
          "The templates new rounds on the entity can use, each at its current version: platform-pulse, those of app-config (systemProduct.survey.templates) and the entity's owner templates. 404 when the caller cannot see the entity.",
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: true,
            allowReserved: true,
            description: 'The entity, e.g. system:default/ci-cd-pipeline.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The templates, by id.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/SurveyTemplate',
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
        operationId: 'CreateSurveyTemplate',
        description:
          'Makes an owner template of an entity, at version 1. Needs system-product.survey-round.manage on the entity (as opening a round does); 404 when the caller cannot see it, 409 when the id is taken by any template.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SurveyTemplateCreateRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The template.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SurveyTemplate',
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
    '/survey-templates/{templateId}': {
      parameters: [
        {
          $ref: '#/components/parameters/templateId',
        },
      ],
      get: {
        operationId: 'GetSurveyTemplate',
        description:
          "A template at its current version, or at ?version=N. An owner template exists only for those who can see its entity (404 for others). With ?entityRef=..., 404 also when rounds on that entity cannot use it (another entity's owner template, moment, one removed from app-config).",
        parameters: [
          {
            name: 'version',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 2147483647,
            },
          },
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The template version.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SurveyTemplate',
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
        operationId: 'UpdateSurveyTemplate',
        description:
          "Changes an owner template, as a new version when title, description or questions differ (the same content answers the current version); rounds opened before keep their version's questions. Needs system-product.survey-round.manage on its entity. 409 for a template defined in app-config or built in, and when expectedVersion is not the current version.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SurveyTemplateUpdateRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The template at its new current version.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SurveyTemplate',
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
    '/surveys/{roundId}/responses/mine': {
      parameters: [
        {
          $ref: '#/components/parameters/roundId',
        },
      ],
      get: {
        operationId: 'GetMySurveyAnswer',
        description:
          "The calling user's own answer to the round, found through their keyed hash (users only; never anyone else's); 404 if they have not answered.",
        responses: {
          '200': {
            description: 'Their answer.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['roundId', 'submittedAt', 'answers'],
                  properties: {
                    roundId: {
                      type: 'string',
                    },
                    submittedAt: {
                      type: 'string',
                      format: 'date-time',
                    },
                    answers: {
                      type: 'object',
                      description:
                        'Question id to the answer as given: a score, an option index, an array of option indexes or a text.',
                      additionalProperties: {
                        type: ['integer', 'string', 'array'],
                        items: {
                          type: 'integer',
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
                  additionalProperties: false,
                  required: ['roundId', 'replaced'],
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
                  $ref: '#/components/schemas/EntitySlos',
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
                  $ref: '#/components/schemas/EvaluatedSlo',
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
                  $ref: '#/components/schemas/SloStatusReport',
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
                  additionalProperties: false,
                  required: ['items'],
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
