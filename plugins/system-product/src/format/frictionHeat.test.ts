import { TouchpointFriction } from '@system-product/backstage-plugin-common';
import { anonymityNote, frictionHeat } from './frictionHeat';

function friction(changes: Partial<TouchpointFriction>): TouchpointFriction {
  return {
    reports: 0,
    averageSeverity: null,
    reporters: 0,
    minReporters: 5,
    texts: [],
    textsHidden: true,
    ...changes,
  };
}

describe('frictionHeat', () => {
  it('grades the mean severity, out of 5, with how many reports it rests on', () => {
    expect(
      frictionHeat(
        friction({ reports: 6, reporters: 5, averageSeverity: 4.2 }),
      ),
    ).toEqual({ level: 3, label: 'Friction 4.2 of 5 from 6 reports' });
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
