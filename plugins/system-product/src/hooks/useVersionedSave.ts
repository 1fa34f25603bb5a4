import { ResponseError } from '@backstage/errors';
import { useState } from 'react';

/** Something the backend stores in versions: a save names the version it is based on. */
export interface Versioned {
  version: number;
}

/** The state of an editor's draft against the stored versions, and its save. */
export interface VersionedSave<
  T extends Versioned,
  TBase extends T | undefined,
> {
  /** The stored version the draft is based on; a save is sent over it. */
  base: TBase | T;
  /**
   * The newer version someone else saved while the draft was edited, once a
   * save over `base` was refused (409). The draft is kept: the editor offers to
   * save it over `conflict`, or to drop it for `conflict`.
   */
  conflict?: T;
  /** Whether a save is under way. */
  saving: boolean;
  /** Why the last save failed, when it was not a conflict. */
  error?: string;
  /**
   * Sends the draft with `send`, over `base`; or over `onto` (the conflict),
   * which becomes the base. `send` saves and then does what follows a save
   * (a message, closing the editor); when it fails, the draft stays and
   * `conflict` or `error` says why.
   */
  save(send: (base: TBase | T) => Promise<void>, onto?: T): Promise<void>;
  /** Makes `onto` (the conflict) the base without saving: the editor reloads or rebases its draft. */
  adopt(onto: T): void;
}

const isConflict = (e: unknown) =>
  e instanceof ResponseError && e.statusCode === 409;

/**
 * The load–edit–save flow of every editor. The editor loads a version, the
 * owner edits a draft of it, and a save names the version it is based on. A
 * save the backend refuses because someone else saved meanwhile (409) never
 * loses the draft: the newer version is loaded into `conflict`, for the owner
 * to save over or to load instead.
 *
 * `initial` is the loaded version, or undefined when nothing is stored yet (a
 * new roadmap item): a 409 is then an ordinary failure.
 */
export function useVersionedSave<
  T extends Versioned,
  TBase extends T | undefined = T,
>(options: {
  initial: TBase;
  /** What is saved, for messages: "canvas", "journey", "item". */
  what: string;
  /** Loads the version stored now, after a conflict. */
  loadCurrent: () => Promise<T>;
  /** Why a save failed, as the editor says it; the error's message by default. */
  describeError?: (error: unknown) => string;
}): VersionedSave<T, TBase> {
  const { initial, what, loadCurrent, describeError } = options;
  const [base, setBase] = useState<TBase | T>(initial);
  const [conflict, setConflict] = useState<T>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const adopt = (onto: T) => {
    setBase(onto);
    setConflict(undefined);
  };

  const save = async (send: (over: TBase | T) => Promise<void>, onto?: T) => {
    const over = onto ?? base;
    if (onto) adopt(onto);
    setSaving(true);
    setError(undefined);
    try {
      await send(over);
    } catch (e) {
      if (over && isConflict(e)) {
        try {
          setConflict(await loadCurrent());
        } catch (loadError) {
          setError(
            `Someone else changed the ${what} meanwhile, and the newer version could not be loaded (${
              (loadError as Error).message
            }). Your draft is kept: try saving again.`,
          );
        }
      } else {
        setError(describeError ? describeError(e) : (e as Error).message);
      }
    } finally {
      setSaving(false);
    }
  };

  return { base, conflict, saving, error, save, adopt };
}
