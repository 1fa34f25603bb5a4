import { TouchpointFriction } from '@system-product/backstage-plugin-common';
import { touchpointFriction } from '../__testUtils__/journeyFixtures';
import {
  anonymityNote,
  frictionHeat,
  frictionWeight,
  meTooNote,
} from './frictionHeat';

/** A touchpoint's friction with k = 5. */
const friction = (changes: Partial<TouchpointFriction>) =>
  touchpointFriction({ minReporters: 5, ...changes });

describe('frictionHeat', () => {
  it('grades the mean severity, out of 5, with how many reports it rests on', () => {
    expect(
      frictionHeat(
        friction({ reports: 6, reporters: 5, averageSeverity: 4.2 }),
      ),
    ).toEqual({
      level: 3,
      label: 'Friction 4.2 of 5 from 6 reports',
      figures: '4.2 of 5 from 6 reports',
    });
    expect(
      frictionHeat(friction({ reports: 5, reporters: 5, averageSeverity: 2.5 }))
        .level,
    ).toBe(2);
    expect(
      frictionHeat(friction({ reports: 1, reporters: 5, averageSeverity: 1 }))
        .level,
    ).toBe(1);
  });

  it('shows only the counts below k reporters, without repeating why', () => {
    expect(frictionHeat(friction({ reports: 3, reporters: 1 }))).toEqual({
      level: 0,
      label: '3 reports from 1 person so far',
    });
  });

  it('says when nobody reported friction', () => {
    expect(frictionHeat(friction({})).label).toBe('No friction reported');
  });

  it('adds how many said "me too" once that count shows, without changing the level', () => {
    expect(
      frictionHeat(
        friction({ reports: 6, reporters: 5, averageSeverity: 4.2, meToo: 7 }),
      ),
    ).toEqual({
      level: 3,
      label: 'Friction 4.2 of 5 from 6 reports · 7 people said me too',
      figures: '4.2 of 5 from 6 reports · 7 people said me too',
    });
    expect(
      frictionHeat(friction({ reports: 3, reporters: 1, meToo: 5 })).label,
    ).toBe('3 reports from 1 person so far · 5 people said me too');
    expect(frictionHeat(friction({ meToo: 6 }))).toEqual({
      level: 0,
      label: 'No reports yet · 6 people said me too',
    });
  });

  it('says nothing of "me too" while the count is withheld, even to whoever said it', () => {
    expect(
      frictionHeat(
        friction({
          reports: 6,
          reporters: 5,
          averageSeverity: 4.2,
          meToo: null,
          youSaidMeToo: true,
        }),
      ).label,
    ).toBe('Friction 4.2 of 5 from 6 reports');
    expect(frictionHeat(friction({ youSaidMeToo: true })).label).toBe(
      'No friction reported',
    );
  });
});

describe('frictionWeight', () => {
  it('is the mean severity times the reporters and those who said "me too"', () => {
    expect(
      frictionWeight(friction({ reporters: 5, averageSeverity: 3, meToo: 6 })),
    ).toBe(33);
    // A withheld count weighs nothing.
    expect(
      frictionWeight(friction({ reporters: 5, averageSeverity: 2.5 })),
    ).toBe(12.5);
  });

  it('has none while the severity is withheld', () => {
    expect(frictionWeight(friction({ reporters: 2, meToo: 9 }))).toBeNull();
  });
});

describe('meTooNote', () => {
  it('says once that each person counts once and the count shows from k people on', () => {
    expect(meTooNote([friction({}), friction({ minReporters: 7 })])).toBe(
      '"Me too" counts each person once however often they say it, and a touchpoint shows how many said it once 7 people have; nobody sees who.',
    );
  });

  it('says nothing without touchpoints', () => {
    expect(meTooNote([])).toBeUndefined();
  });
});

describe('anonymityNote', () => {
  it('explains k once when a touchpoint shows only counts', () => {
    expect(
      anonymityNote([
        friction({ reports: 2, reporters: 2 }),
        friction({ reports: 1, reporters: 1 }),
        friction({ reports: 6, reporters: 5, averageSeverity: 3 }),
      ]),
    ).toMatch(
      /^A touchpoint shows its friction heat and what people wrote once 5 different people have reported on it/,
    );
  });

  it('says nothing when every touchpoint with reports shows its heat', () => {
    expect(
      anonymityNote([
        friction({}),
        friction({ reports: 6, reporters: 5, averageSeverity: 3 }),
      ]),
    ).toBeUndefined();
  });
});
