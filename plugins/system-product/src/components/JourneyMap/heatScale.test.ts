import { touchpointFriction } from '../../__testUtils__/journeyFixtures';
import { HEAT_SCALE, heatStep, heatText } from './heatScale';

/** The hue (0 to 360) and saturation (0 to 1) of a "#rrggbb" colour. */
function hueOf(hex: string): { hue: number; saturation: number } {
  const [r, g, b] = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const delta = max - min;
  const saturation = max === 0 ? 0 : delta / max;
  if (delta === 0) return { hue: 0, saturation };
  let hue: number;
  if (max === r) hue = ((g - b) / delta) % 6;
  else if (max === g) hue = (b - r) / delta + 2;
  else hue = (r - g) / delta + 4;
  return { hue: (hue * 60 + 360) % 360, saturation };
}

/** Green, as the eye sees it: hues from yellow-green to cyan, not grey. */
const isGreen = (hex: string) => {
  const { hue, saturation } = hueOf(hex);
  return saturation > 0.15 && hue > 65 && hue < 170;
};

const rated = (averageSeverity: number) =>
  touchpointFriction({
    reports: 3,
    reporters: 3,
    averageSeverity,
    textsHidden: false,
  });

describe('heatStep', () => {
  it('puts friction 2.0 on amber, not green', () => {
    const step = heatStep(rated(2));
    expect(step).toMatchObject({ level: 1, word: 'Low friction' });
    expect(step.colour).toBe('#ffb300');
    expect(isGreen(step.colour)).toBe(false);
  });

  it('runs from neutral grey through amber and orange to red, never green', () => {
    const hues = HEAT_SCALE.map(step => hueOf(step.colour));
    // No severity to show: grey, without a hue.
    expect(hues[0].saturation).toBe(0);
    // Then ever redder: amber, orange, red.
    expect(hues.slice(1).map(h => Math.round(h.hue))).toEqual([42, 27, 0]);
    expect(HEAT_SCALE.filter(step => isGreen(step.colour))).toEqual([]);
  });

  it.each([
    [1, 1],
    [2.4, 1],
    [2.5, 2],
    [3.9, 2],
    [4, 3],
    [5, 3],
  ])(
    'puts mean severity %d on the step the legend says (%d)',
    (severity, level) => {
      expect(heatStep(rated(severity)).level).toBe(level);
    },
  );

  it('shows no heat without a severity: none reported, or withheld', () => {
    expect(heatStep(touchpointFriction()).level).toBe(0);
    expect(
      heatStep(touchpointFriction({ reports: 2, reporters: 2 })).level,
    ).toBe(0);
  });
});

describe('heatText', () => {
  it('leads with the words of the step, then the number', () => {
    expect(heatText(rated(2))).toBe('Low friction: 2.0 of 5 from 3 reports');
    expect(heatText(rated(3))).toBe('Some friction: 3.0 of 5 from 3 reports');
    expect(heatText({ ...rated(4.3), meToo: 7 })).toBe(
      'High friction: 4.3 of 5 from 3 reports · 7 people said me too',
    );
  });

  it('says only the counts while the severity is withheld', () => {
    expect(heatText(touchpointFriction())).toBe('No friction reported');
    expect(heatText(touchpointFriction({ reports: 2, reporters: 1 }))).toBe(
      '2 reports from 1 person so far',
    );
  });
});
