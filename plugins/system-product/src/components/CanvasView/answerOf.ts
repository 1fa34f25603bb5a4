import { CanvasContent } from '@system-product/backstage-plugin-common';

const lines = (items: string[]) => items.filter(i => i.trim()).join('\n');

/** The canvas's answer to one focus question, as display text. */
export function answerOf(questionId: string, content: CanvasContent): string {
  const { users, valueProposition: vp, journey, metrics, roadmap } = content;
  const personas = users.personas;
  switch (questionId) {
    case 'users.primary':
      return lines(
        personas.map(p =>
          p.description ? `${p.name}: ${p.description}` : p.name,
        ),
      );
    case 'users.needs':
      return lines(personas.flatMap(p => p.needs.map(n => `${p.name}: ${n}`)));
    case 'users.frustrations':
      return lines(
        personas.flatMap(p => p.frustrations.map(f => `${p.name}: ${f}`)),
      );
    case 'users.success':
      return lines(
        personas.flatMap(p => p.successMeasures.map(s => `${p.name}: ${s}`)),
      );
    case 'valueProposition.value':
      return vp.value;
    case 'valueProposition.easierWork':
      return vp.easierWork;
    case 'valueProposition.withoutIt':
      return vp.withoutIt;
    case 'valueProposition.externalValue':
      return vp.externalValue;
    case 'journey.touchpoints':
      return lines(journey.touchpoints);
    case 'journey.mostFriction':
      return journey.mostFriction;
    case 'journey.failureModes':
      return lines(journey.failureModes);
    case 'journey.slowestSteps':
      return lines(journey.slowestSteps);
    case 'metrics.efficiency':
      return lines(metrics.efficiency);
    case 'metrics.quality':
      return lines(metrics.quality);
    case 'metrics.satisfaction':
      return lines(metrics.satisfaction);
    case 'metrics.businessImpact':
      return lines(metrics.businessImpact);
    case 'roadmap.painPoints':
      return lines(roadmap.painPoints);
    case 'roadmap.quickWinsVsStrategic':
      return lines([
        ...roadmap.quickWins.map(q => `Quick win: ${q}`),
        ...roadmap.strategicChanges.map(s => `Strategic: ${s}`),
      ]);
    case 'roadmap.resources':
      return roadmap.resourceRequirements;
    case 'roadmap.timeline':
      return roadmap.timeline;
    default:
      return '';
  }
}
