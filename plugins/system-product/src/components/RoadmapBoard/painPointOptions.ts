import { Canvas, Journey } from '@system-product/backstage-plugin-common';
import { MAX_PAIN_POINT } from './roadmapItemForm';

/** A pain point the dialog suggests, and where it comes from. */
export interface PainPointOption {
  text: string;
  /** "From the canvas" or "From the journey", as the suggestions are grouped. */
  source: string;
  /** What it is there: "Pain point", "Touchpoint", "Failure mode", "Reported friction". */
  what: string;
}

/**
 * The pain points an item can address: those the canvas lists, then each
 * touchpoint of the journey ("Stage › Touchpoint"), its failure modes and the
 * friction people reported there (only what the backend shows, never who),
 * each prefixed with its touchpoint. Blank and repeated ones once, none
 * longer than the API takes.
 */
export function painPointOptions(
  canvas: Canvas | undefined,
  journey: Journey | undefined,
): PainPointOption[] {
  const options: PainPointOption[] = [];
  const seen = new Set<string>();
  const add = (text: string, source: string, what: string) => {
    const trimmed = text.trim().slice(0, MAX_PAIN_POINT);
    if (!trimmed || seen.has(trimmed)) return;
    seen.add(trimmed);
    options.push({ text: trimmed, source, what });
  };
  for (const painPoint of canvas?.content.roadmap.painPoints ?? []) {
    add(painPoint, 'From the canvas', 'Pain point');
  }
  for (const stage of journey?.stages ?? []) {
    for (const touchpoint of stage.touchpoints) {
      const step = `${stage.name} › ${touchpoint.name}`;
      add(step, 'From the journey', 'Touchpoint');
      for (const mode of touchpoint.failureModes) {
        if (mode.trim())
          add(`${step}: ${mode.trim()}`, 'From the journey', 'Failure mode');
      }
      for (const text of touchpoint.friction.texts) {
        if (text.trim()) {
          add(
            `${step}: ${text.trim()}`,
            'From the journey',
            'Reported friction',
          );
        }
      }
    }
  }
  return options;
}
