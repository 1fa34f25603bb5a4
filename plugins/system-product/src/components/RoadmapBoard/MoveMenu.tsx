import Button from '@material-ui/core/Button';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import ArrowDropDownIcon from '@material-ui/icons/ArrowDropDown';
import {
  ROADMAP_ITEM_STATUSES,
  RoadmapItem,
  RoadmapItemStatus,
} from '@system-product/backstage-plugin-common';
import { useEffect, useRef, useState } from 'react';
import { STATUS_LABELS } from './roadmapItemForm';

/**
 * "Move to…": the keyboard's way to drag an item to another column, listing
 * every status but its own. `takeFocus` puts the focus back on the button
 * once the item moved (its card is drawn anew in the other column).
 */
export function MoveMenu(props: {
  item: RoadmapItem;
  onMove: (status: RoadmapItemStatus) => void;
  disabled?: boolean;
  takeFocus?: boolean;
}) {
  const { item, onMove, disabled, takeFocus } = props;
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const button = useRef<HTMLButtonElement | null>(null);
  // Once it can take the focus: it is disabled while the move is saved.
  useEffect(() => {
    if (takeFocus && !disabled) button.current?.focus();
  }, [takeFocus, disabled]);
  const menuId = `roadmap-move-${item.id}`;
  return (
    <>
      <Button
        ref={button}
        size="small"
        aria-label={`Move ${item.title}`}
        aria-haspopup="true"
        aria-controls={anchor ? menuId : undefined}
        disabled={disabled}
        endIcon={<ArrowDropDownIcon />}
        onClick={e => setAnchor(e.currentTarget)}
      >
        Move to…
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={() => setAnchor(null)}
      >
        {ROADMAP_ITEM_STATUSES.filter(s => s !== item.status).map(status => (
          <MenuItem
            key={status}
            onClick={() => {
              setAnchor(null);
              onMove(status);
            }}
          >
            {STATUS_LABELS[status]}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
