import { ResponseError } from '@backstage/errors';
import { useApi } from '@backstage/core-plugin-api';
import { RoadmapItem } from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import { systemProductApiRef } from '../../api/systemProductApiRef';

/** The fields a change on the board sets: a move, a ticked milestone. */
export type ItemChange = Partial<Pick<RoadmapItem, 'status' | 'milestones'>>;

/** What the last change on the board came to, for the live region. */
export interface ChangeMessage {
  text: string;
  error?: boolean;
}

interface Changed {
  item: RoadmapItem;
  pending: boolean;
}

/**
 * Changes made on the board itself, without the dialog. Each is shown at
 * once and sent as a patch over the version the board shows (so one made on
 * a stale card is refused with 409, never applied over someone else's); the
 * board then reloads. A refused change is taken back and says why.
 */
export function useItemChanges(loaded: RoadmapItem[], reload: () => void) {
  const api = useApi(systemProductApiRef);
  const [changed, setChanged] = useState<Record<string, Changed>>({});
  const [message, setMessage] = useState<ChangeMessage>();

  // A change shows until the board loaded the version it saved, or a newer one.
  const items = loaded.map(item => {
    const c = changed[item.id];
    return c && (c.pending || c.item.version > item.version) ? c.item : item;
  });

  const forget = (id: string) => setChanged(({ [id]: _, ...rest }) => rest);

  /** Sends `change` of `item`; `done` says what it did, once saved. */
  const change = async (
    item: RoadmapItem,
    fields: ItemChange,
    done: string,
  ) => {
    setChanged(c => ({
      ...c,
      [item.id]: { item: { ...item, ...fields }, pending: true },
    }));
    try {
      const saved = await api.updateRoadmapItem(item.id, {
        ...fields,
        version: item.version,
      });
      setChanged(c => ({ ...c, [item.id]: { item: saved, pending: false } }));
      setMessage({ text: done });
    } catch (e) {
      forget(item.id);
      const stale = e instanceof ResponseError && e.statusCode === 409;
      setMessage({
        error: true,
        text: stale
          ? `Someone else changed "${item.title}" meanwhile, so your change was not saved. The board now shows their version: try again if it still needs it.`
          : `Could not save the change of "${item.title}": ${
              (e as Error).message
            }`,
      });
    }
    reload();
  };

  return {
    items,
    change,
    message,
    isBusy: (id: string) => changed[id]?.pending === true,
  };
}
