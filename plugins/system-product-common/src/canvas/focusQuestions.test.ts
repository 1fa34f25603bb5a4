import {
  CANVAS_SECTIONS,
  canvasCompleteness,
  emptyCanvasContent,
} from './focusQuestions';

describe('canvasCompleteness', () => {
  it('counts every focus question of the five sections as open on an empty canvas', () => {
    const result = canvasCompleteness(emptyCanvasContent());
    expect(CANVAS_SECTIONS.map(s => s.title)).toEqual([
      'System Users',
      'Value Proposition',
      'User Journey',
      'Metrics',
      'Improvement Roadmap',
    ]);
    expect(result).toEqual({
      answered: 0,
      total: 20,
      unanswered: CANVAS_SECTIONS.flatMap(s => s.questions.map(q => q.id)),
    });
  });

  it('treats whitespace as unanswered and real text as answered', () => {
    const content = emptyCanvasContent();
    content.valueProposition.value = '   ';
    content.valueProposition.withoutIt = 'Releases would take a week again';
    content.users.personas.push({
      name: 'Mobile engineer',
      description: '',
      needs: ['Fast feedback'],
      frustrations: [' '],
      successMeasures: [],
    });
    const result = canvasCompleteness(content);
    expect(result.answered).toBe(3);
    expect(result.unanswered).toContain('valueProposition.value');
    expect(result.unanswered).toContain('users.frustrations');
    expect(result.unanswered).not.toContain('valueProposition.withoutIt');
    expect(result.unanswered).not.toContain('users.needs');
  });
});
