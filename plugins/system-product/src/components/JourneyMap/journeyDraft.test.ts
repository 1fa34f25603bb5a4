import { Journey } from '@system-product/backstage-plugin-common';
import { touchpoint as testTouchpoint } from '../../__testUtils__/journeyFixtures';
import {
  draftProblems,
  moveToStage,
  parseMinutes,
  rebase,
  removedWithReports,
  toDraft,
  toUpdate,
} from './journeyDraft';

const touchpoint = (id: string, name: string, reports = 0) =>
  testTouchpoint(id, name, {
    reports,
    averageSeverity: reports ? 3 : null,
    reporters: reports,
    textsHidden: !reports,
  });

const stored: Journey = {
  entityRef: 'system:default/ci-cd-pipeline',
  version: 4,
  stages: [
    {
      id: 's1',
      name: 'Review',
      description: '',
      touchpoints: [
        touchpoint('t1', 'Checks', 2),
        touchpoint('t2', 'Approval'),
      ],
    },
    { id: 's2', name: 'Release', description: '', touchpoints: [] },
  ],
};

describe('journeyDraft', () => {
  it('reads whole minutes, blank as unknown, and refuses anything else', () => {
    expect(parseMinutes(' 15 ')).toBe(15);
    expect(parseMinutes('')).toBeNull();
    expect(parseMinutes('525600')).toBe(525600);
    expect(parseMinutes('525601')).toBeUndefined();
    expect(parseMinutes('-1')).toBeUndefined();
    expect(parseMinutes('2.5')).toBeUndefined();
    expect(parseMinutes('soon')).toBeUndefined();
  });

  it('moves a touchpoint to another stage with its id, so its reports stay', () => {
    const moved = moveToStage(toDraft(stored), 't1', 's2');
    expect(toUpdate(moved, 4).stages.map(s => s.touchpoints)).toEqual([
      [expect.objectContaining({ id: 't2' })],
      [expect.objectContaining({ id: 't1', name: 'Checks' })],
    ]);
    expect(removedWithReports(stored, moved)).toEqual([]);
  });

  it('names the removed touchpoints whose reports a save deletes', () => {
    const draft = toDraft(stored);
    draft[0].touchpoints = [];
    expect(removedWithReports(stored, draft)).toEqual([
      { name: 'Checks', reports: 2 },
    ]);
  });

  it('limits failure modes to 20 of at most 500 characters', () => {
    const draft = toDraft(stored);
    draft[0].touchpoints[0].failureModes = Array.from(
      { length: 21 },
      (_, i) => `mode ${i}`,
    ).join('\n');
    draft[0].touchpoints[1].failureModes = `short\n${'x'.repeat(501)}`;
    expect(draftProblems(draft)).toEqual({
      't1.failureModes': {
        message: 'At most 20 failure modes; this has 21.',
      },
      't2.failureModes': {
        message: 'A failure mode has at most 500 characters; number 2 has 501.',
      },
    });
  });

  it('drops ids the newer version no longer has and names what saving over it removes', () => {
    const theirs: Journey = {
      ...stored,
      version: 5,
      stages: [
        {
          ...stored.stages[0],
          touchpoints: [
            touchpoint('t1', 'Checks', 3),
            touchpoint('t9', 'Lint'),
          ],
        },
      ],
    };
    const { stages, removes } = rebase(toDraft(stored), theirs);
    expect(removes).toEqual(['touchpoint Lint']);
    expect(stages.map(s => s.id)).toEqual(['s1', undefined]);
    expect(stages[0].touchpoints).toEqual([
      expect.objectContaining({ id: 't1', reports: 3 }),
      expect.objectContaining({ id: undefined, name: 'Approval', reports: 0 }),
    ]);
  });
});
