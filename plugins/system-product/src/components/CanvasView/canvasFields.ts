import { CanvasContent } from '@system-product/backstage-plugin-common';

/** One editable canvas field: a text, or a list edited one item per line. */
export interface CanvasField {
  section: Exclude<keyof CanvasContent, 'users'>;
  key: string;
  label: string;
  kind: 'text' | 'list';
}

/** The canvas fields other than personas, labelled with their focus questions. */
export const CANVAS_FIELDS: CanvasField[] = [
  {
    section: 'valueProposition',
    key: 'value',
    label: 'What value does it deliver?',
    kind: 'text',
  },
  {
    section: 'valueProposition',
    key: 'easierWork',
    label: 'How does it make work easier?',
    kind: 'text',
  },
  {
    section: 'valueProposition',
    key: 'withoutIt',
    label: 'What would happen without it?',
    kind: 'text',
  },
  {
    section: 'valueProposition',
    key: 'externalValue',
    label: 'How does it connect to external value?',
    kind: 'text',
  },
  {
    section: 'journey',
    key: 'summary',
    label: 'Journey summary',
    kind: 'text',
  },
  {
    section: 'journey',
    key: 'touchpoints',
    label: 'What are the key touchpoints? (one per line)',
    kind: 'list',
  },
  {
    section: 'journey',
    key: 'mostFriction',
    label: 'Where is the most friction?',
    kind: 'text',
  },
  {
    section: 'journey',
    key: 'failureModes',
    label: 'What are common failure modes? (one per line)',
    kind: 'list',
  },
  {
    section: 'journey',
    key: 'slowestSteps',
    label: 'Which steps take the most time? (one per line)',
    kind: 'list',
  },
  {
    section: 'metrics',
    key: 'efficiency',
    label: 'Efficiency metrics (one per line)',
    kind: 'list',
  },
  {
    section: 'metrics',
    key: 'quality',
    label: 'Quality metrics (one per line)',
    kind: 'list',
  },
  {
    section: 'metrics',
    key: 'satisfaction',
    label: 'User satisfaction (one per line)',
    kind: 'list',
  },
  {
    section: 'metrics',
    key: 'businessImpact',
    label: 'Business impact metrics (one per line)',
    kind: 'list',
  },
  {
    section: 'roadmap',
    key: 'summary',
    label: 'Roadmap summary',
    kind: 'text',
  },
  {
    section: 'roadmap',
    key: 'painPoints',
    label: 'Key pain points to address (one per line)',
    kind: 'list',
  },
  {
    section: 'roadmap',
    key: 'quickWins',
    label: 'Quick wins (one per line)',
    kind: 'list',
  },
  {
    section: 'roadmap',
    key: 'strategicChanges',
    label: 'Strategic changes (one per line)',
    kind: 'list',
  },
  {
    section: 'roadmap',
    key: 'resourceRequirements',
    label: 'Resource requirements',
    kind: 'text',
  },
  {
    section: 'roadmap',
    key: 'timeline',
    label: 'Timeline and milestones',
    kind: 'text',
  },
];

/** Lines of a multi-line text as list items, without blank lines. */
export function toLines(text: string): string[] {
  return text
    .split('\n')
    .map(line => line.trim())
    .filter(line => line.length > 0);
}
