import { TouchpointFriction } from '@system-product/backstage-plugin-common';
import {
  touchpoint,
  touchpointFriction,
} from '../../__testUtils__/journeyFixtures';
import {
  lowConfidenceNote,
  rankingLine,
  whereItHurtsMost,
} from './whereItHurts';

/** Severity shown from 1 reporter on, so that few reporters can be ranked. */
const shown = (changes: Partial<TouchpointFriction>) => ({
  minReporters: 1,
  textsHidden: false,
  ...changes,
});

describe('whereItHurtsMost', () => {
  it('weighs severity by the people behind it: 3 × 3 people above 4 × 1 person', () => {
    const ranked = whereItHurtsMost([
      // 4 × 1 = 4
      touchpoint(
        'a',
        'One angry report',
        shown({ reports: 1, reporters: 1, averageSeverity: 4 }),
      ),
      // 3 × 3 = 9
      touchpoint(
        'b',
        'Three reports',
        shown({ reports: 3, reporters: 3, averageSeverity: 3 }),
      ),
      // 5 × 1 = 5: one person reporting three times is still one person.
      touchpoint(
        'c',
        'One person, three times',
        shown({ reports: 3, reporters: 1, averageSeverity: 5 }),
      ),
      // 2 × (1 + 3) = 8
      touchpoint(
        'd',
        'Me too',
        shown({ reports: 1, reporters: 1, averageSeverity: 2, meToo: 3 }),
      ),
    ]);
    expect(ranked.map(t => t.name)).toEqual([
      'Three reports',
      'Me too',
      'One person, three times',
      'One angry report',
    ]);
  });

  it('breaks a tie in weight by people: 2 × 2 above 4 × 1', () => {
    const ranked = whereItHurtsMost([
      touchpoint(
        'a',
        'Alone',
        shown({ reports: 1, reporters: 1, averageSeverity: 4 }),
      ),
      touchpoint(
        'b',
        'Pair',
        shown({ reports: 2, reporters: 2, averageSeverity: 2 }),
      ),
    ]);
    expect(ranked.map(t => t.name)).toEqual(['Pair', 'Alone']);
  });
});

describe('lowConfidenceNote', () => {
  it('marks fewer than 3 people as low confidence, saying what it rests on', () => {
    expect(
      lowConfidenceNote(touchpointFriction({ reports: 1, reporters: 1 })),
    ).toBe('Based on 1 report, low confidence');
    expect(
      lowConfidenceNote(touchpointFriction({ reports: 2, reporters: 2 })),
    ).toBe('Based on 2 reports, low confidence');
    expect(
      lowConfidenceNote(touchpointFriction({ reports: 4, reporters: 1 })),
    ).toBe('Based on 4 reports from 1 person, low confidence');
    expect(
      lowConfidenceNote(
        touchpointFriction({ reports: 1, reporters: 1, meToo: 1 }),
      ),
    ).toBe('Based on 1 report and 1 "me too", low confidence');
    expect(lowConfidenceNote(touchpointFriction({ meToo: 2 }))).toBe(
      'Based on 2 "me too", low confidence',
    );
  });

  it('says nothing from 3 people on, me too included', () => {
    expect(
      lowConfidenceNote(touchpointFriction({ reports: 3, reporters: 3 })),
    ).toBeUndefined();
    expect(
      lowConfidenceNote(
        touchpointFriction({ reports: 2, reporters: 2, meToo: 1 }),
      ),
    ).toBeUndefined();
  });
});

describe('rankingLine', () => {
  it('adds the low confidence note to the heat, or only the words where the counts are said already', () => {
    expect(
      rankingLine(
        touchpointFriction(
          shown({ reports: 1, reporters: 1, averageSeverity: 4 }),
        ),
      ),
    ).toBe(
      'High friction: 4.0 of 5 from 1 report · Based on 1 report, low confidence',
    );
    expect(rankingLine(touchpointFriction({ reports: 2, reporters: 2 }))).toBe(
      '2 reports from 2 people so far · low confidence',
    );
    expect(
      rankingLine(
        touchpointFriction(
          shown({ reports: 3, reporters: 3, averageSeverity: 3 }),
        ),
      ),
    ).toBe('Some friction: 3.0 of 5 from 3 reports');
  });
});
