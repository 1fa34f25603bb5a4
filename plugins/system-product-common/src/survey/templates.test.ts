import {
  DEFAULT_SCALE_ANCHORS,
  surveyTemplateProblems,
  withResolvedAnchors,
} from './templates';

const good = {
  id: 'onboarding',
  title: 'Onboarding',
  questions: [
    { id: 'os', kind: 'single', prompt: 'Which OS?', options: ['A', 'B'] },
    {
      id: 'pains',
      kind: 'multiple',
      prompt: 'What hurts?',
      options: ['A', 'B', 'C'],
      maxChoices: 2,
    },
    {
      id: 'agree',
      kind: 'likert',
      prompt: 'It works',
      anchors: { low: 'No', high: 'Yes' },
    },
    { id: 'why', kind: 'text', prompt: 'Why?' },
  ],
};

describe('surveyTemplateProblems', () => {
  it('finds nothing wrong with a good template', () => {
    expect(surveyTemplateProblems(good)).toEqual([]);
  });

  it('names every problem by its field', () => {
    expect(
      surveyTemplateProblems({
        id: 'has space',
        title: ' ',
        colour: 'red',
        questions: [
          { id: 'q', kind: 'single', prompt: 'Which?', options: ['only'] },
          { id: 'q', kind: 'nps', prompt: 'x'.repeat(501), maxChoices: 2 },
          {
            id: 'm',
            kind: 'multiple',
            prompt: 'Which?',
            options: ['Yes', 'yes ', ''],
            maxChoices: 0,
          },
          { id: 't', kind: 'text', prompt: 'Why?', anchors: { low: 'a' } },
          { id: 'r', kind: 'rating', prompt: 'Hm?' },
        ],
      }),
    ).toEqual([
      { field: 'colour', rule: 'is not a known field' },
      {
        field: 'id',
        rule: 'must be up to 64 letters, digits, "-", "_" or ".", starting with a letter or digit',
      },
      { field: 'title', rule: 'must not be blank' },
      { field: 'questions[0].options', rule: 'needs at least 2 options' },
      { field: 'questions[1].prompt', rule: 'must be at most 500 characters' },
      {
        field: 'questions[1].maxChoices',
        rule: 'is only for multiple questions',
      },
      { field: 'questions[1].id', rule: 'repeats the id of questions[0]' },
      { field: 'questions[2].options[1]', rule: 'repeats options[0]' },
      { field: 'questions[2].options[2]', rule: 'must not be blank' },
      {
        field: 'questions[2].maxChoices',
        rule: 'must be a whole number from 1 to 3 (the number of options)',
      },
      {
        field: 'questions[3].anchors',
        rule: 'is only for nps, csat and likert questions',
      },
      {
        field: 'questions[4].kind',
        rule: 'must be one of nps, csat, likert, text, single, multiple',
      },
    ]);
  });

  it('bounds the number of questions and options', () => {
    expect(surveyTemplateProblems({ ...good, questions: [] })).toEqual([
      { field: 'questions', rule: 'needs 1 to 30 questions, not 0' },
    ]);
    const options = Array.from({ length: 21 }, (_, i) => `Option ${i}`);
    expect(
      surveyTemplateProblems({
        ...good,
        questions: [{ id: 'q', kind: 'single', prompt: 'Which?', options }],
      }),
    ).toEqual([
      { field: 'questions[0].options', rule: 'needs at most 20 options' },
    ]);
  });

  it('checks only the fields asked for, as an update names no id', () => {
    const { id, ...update } = good;
    expect(
      surveyTemplateProblems(update, {
        fields: ['title', 'description', 'questions'],
      }),
    ).toEqual([]);
    expect(surveyTemplateProblems(update)).toEqual([
      { field: 'id', rule: 'is required' },
    ]);
  });
});

describe('withResolvedAnchors', () => {
  it("gives a scale question the kind's anchors unless it has its own", () => {
    expect(
      withResolvedAnchors({ id: 'n', kind: 'nps', prompt: 'Recommend?' }),
    ).toEqual({
      id: 'n',
      kind: 'nps',
      prompt: 'Recommend?',
      anchors: { low: 'Not at all likely', high: 'Extremely likely' },
    });
    expect(
      withResolvedAnchors({ id: 'c', kind: 'csat', prompt: 'Happy?' }).anchors,
    ).toEqual({ low: 'Very dissatisfied', high: 'Very satisfied' });
    expect(DEFAULT_SCALE_ANCHORS.likert).toEqual({
      low: 'Strongly disagree',
      high: 'Strongly agree',
    });
    const own = {
      id: 'l',
      kind: 'likert' as const,
      prompt: 'Fast?',
      anchors: { low: 'Never', high: 'Always' },
    };
    expect(withResolvedAnchors(own)).toBe(own);
    const text = { id: 't', kind: 'text' as const, prompt: 'Why?' };
    expect(withResolvedAnchors(text)).toBe(text);
  });
});
