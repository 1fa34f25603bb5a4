import type { SystemProductApiSchemas as Schemas } from '../schema/schemas';

/**
 * A person the system serves, described the way the canvas asks: who they are,
 * what they need, what frustrates them and how they measure success.
 *
 * @public
 */
export type Persona = Schemas['Persona'];

/**
 * The five sections of the System Transformation Canvas.
 *
 * @public
 */
export type CanvasContent = Schemas['CanvasContent'];

/**
 * A stored canvas. `version` starts at 1 and grows by one with every accepted
 * update; a canvas that was never saved is reported with version 0.
 *
 * @public
 */
export type Canvas = Schemas['Canvas'];

/**
 * Body of `PUT .../canvas`: the new content and the version it was based on.
 *
 * @public
 */
export type CanvasUpdate = Schemas['CanvasUpdate'];
