import { CanvasContent } from './types';

/** Identifies one of the five canvas sections. @public */
export type CanvasSectionId = keyof CanvasContent;

/**
 * One focus question of a canvas section, with the test that tells whether the
 * canvas answers it.
 *
 * @public
 */
export interface FocusQuestion {
  id: string;
  question: string;
  isAnswered(content: CanvasContent): boolean;
}

/** A canvas section: its title, purpose and focus questions. @public */
export interface CanvasSection {
  id: CanvasSectionId;
  title: string;
  purpose: string;
  questions: FocusQuestion[];
}

const text = (value: string | undefined) => (value ?? '').trim().length > 0;
const list = (values: string[] | undefined) => (values ?? []).some(text);

/**
 * The System Transformation Canvas: five sections and their focus questions.
 *
 * @public
 */
export const CANVAS_SECTIONS: CanvasSection[] = [
  {
    id: 'users',
    title: 'System Users',
    purpose: 'Identify and understand the people who interact with your system',
    questions: [
      {
        id: 'users.primary',
        question: 'Who are the primary users?',
        isAnswered: c => c.users.personas.some(p => text(p.name)),
      },
      {
        id: 'users.needs',
        question: 'What are their key needs?',
        isAnswered: c => c.users.personas.some(p => list(p.needs)),
      },
      {
        id: 'users.frustrations',
        question: 'What frustrates them today?',
        isAnswered: c => c.users.personas.some(p => list(p.frustrations)),
      },
      {
        id: 'users.success',
        question: 'How do they measure success?',
        isAnswered: c => c.users.personas.some(p => list(p.successMeasures)),
      },
    ],
  },
  {
    id: 'valueProposition',
    title: 'Value Proposition',
    purpose: 'Clarify why this system matters and the benefits it provides',
    questions: [
      {
        id: 'valueProposition.value',
        question: 'What value does it deliver?',
        isAnswered: c => text(c.valueProposition.value),
      },
      {
        id: 'valueProposition.easierWork',
        question: 'How does it make work easier?',
        isAnswered: c => text(c.valueProposition.easierWork),
      },
      {
        id: 'valueProposition.withoutIt',
        question: 'What would happen without it?',
        isAnswered: c => text(c.valueProposition.withoutIt),
      },
      {
        id: 'valueProposition.externalValue',
        question: 'How does it connect to external value?',
        isAnswered: c => text(c.valueProposition.externalValue),
      },
    ],
  },
  {
    id: 'journey',
    title: 'User Journey',
    purpose: 'Map how users interact with the system and identify pain points',
    questions: [
      {
        id: 'journey.touchpoints',
        question: 'What are the key touchpoints?',
        isAnswered: c => list(c.journey.touchpoints),
      },
      {
        id: 'journey.mostFriction',
        question: 'Where is the most friction?',
        isAnswered: c => text(c.journey.mostFriction),
      },
      {
        id: 'journey.failureModes',
        question: 'What are common failure modes?',
        isAnswered: c => list(c.journey.failureModes),
      },
      {
        id: 'journey.slowestSteps',
        question: 'Which steps take the most time?',
        isAnswered: c => list(c.journey.slowestSteps),
      },
    ],
  },
  {
    id: 'metrics',
    title: 'Metrics',
    purpose: 'Establish how you will measure success and improvement',
    questions: [
      {
        id: 'metrics.efficiency',
        question: 'Efficiency metrics',
        isAnswered: c => list(c.metrics.efficiency),
      },
      {
        id: 'metrics.quality',
        question: 'Quality metrics',
        isAnswered: c => list(c.metrics.quality),
      },
      {
        id: 'metrics.satisfaction',
        question: 'User satisfaction',
        isAnswered: c => list(c.metrics.satisfaction),
      },
      {
        id: 'metrics.businessImpact',
        question: 'Business impact metrics',
        isAnswered: c => list(c.metrics.businessImpact),
      },
    ],
  },
  {
    id: 'roadmap',
    title: 'Improvement Roadmap',
    purpose: 'Plan the evolution of your system with clear priorities',
    questions: [
      {
        id: 'roadmap.painPoints',
        question: 'Key pain points to address',
        isAnswered: c => list(c.roadmap.painPoints),
      },
      {
        id: 'roadmap.quickWinsVsStrategic',
        question: 'Quick wins vs. strategic changes',
        isAnswered: c =>
          list(c.roadmap.quickWins) || list(c.roadmap.strategicChanges),
      },
      {
        id: 'roadmap.resources',
        question: 'Resource requirements',
        isAnswered: c => text(c.roadmap.resourceRequirements),
      },
      {
        id: 'roadmap.timeline',
        question: 'Timeline and milestones',
        isAnswered: c => text(c.roadmap.timeline),
      },
    ],
  },
];

/**
 * A canvas with nothing filled in: what an entity that never saved one shows.
 *
 * @public
 */
export function emptyCanvasContent(): CanvasContent {
  return {
    users: { personas: [] },
    valueProposition: {
      value: '',
      easierWork: '',
      withoutIt: '',
      externalValue: '',
    },
    journey: {
      summary: '',
      touchpoints: [],
      mostFriction: '',
      failureModes: [],
      slowestSteps: [],
    },
    metrics: {
      efficiency: [],
      quality: [],
      satisfaction: [],
      businessImpact: [],
    },
    roadmap: {
      summary: '',
      painPoints: [],
      quickWins: [],
      strategicChanges: [],
      resourceRequirements: '',
      timeline: '',
    },
  };
}

/** How much of the canvas is answered. @public */
export interface CanvasCompleteness {
  answered: number;
  total: number;
  /** Ids of the focus questions still open, in canvas order. */
  unanswered: string[];
}

/**
 * Counts the focus questions a canvas answers.
 *
 * @public
 */
export function canvasCompleteness(content: CanvasContent): CanvasCompleteness {
  const questions = CANVAS_SECTIONS.flatMap(section => section.questions);
  const unanswered = questions
    .filter(q => !q.isAnswered(content))
    .map(q => q.id);
  return {
    answered: questions.length - unanswered.length,
    total: questions.length,
    unanswered,
  };
}

/**
 * The sections whose content differs between two canvases, in canvas order;
 * every section when there is no `before`.
 *
 * @public
 */
export function changedCanvasSections(
  before: CanvasContent | undefined,
  after: CanvasContent,
): CanvasSectionId[] {
  return CANVAS_SECTIONS.map(section => section.id).filter(
    id => JSON.stringify(before?.[id]) !== JSON.stringify(after[id]),
  );
}
