import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { Touchpoint } from '@system-product/backstage-plugin-common';
import { useState } from 'react';

/**
 * What people wrote about a touchpoint, newest first, behind a toggle under
 * the friction score. Below k reporters the texts are withheld: the journey
 * map says why, once for all its touchpoints.
 */
export function FrictionTexts(props: { touchpoint: Touchpoint }) {
  const { touchpoint } = props;
  const { friction } = touchpoint;
  const [open, setOpen] = useState(false);
  const texts = friction.texts ?? [];
  // Without texts fields (an older backend) there is nothing to say.
  if (
    friction.reports === 0 ||
    friction.texts === undefined ||
    friction.textsHidden
  ) {
    return null;
  }
  if (texts.length === 0) {
    return (
      <Typography variant="caption" display="block" color="textSecondary">
        No report says what happened yet. Use "Report friction" to describe
        yours.
      </Typography>
    );
  }
  const listId = `friction-texts-${touchpoint.id}`;
  return (
    <>
      <Button
        size="small"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide what people said' : `What people said (${texts.length})`}
      </Button>
      <Collapse in={open} unmountOnExit>
        <List
          id={listId}
          dense
          disablePadding
          aria-label={`What people said about ${touchpoint.name}, newest first`}
        >
          {texts.map((text, i) => (
            <ListItem key={i} disableGutters>
              <ListItemText
                primary={`“${text}”`}
                primaryTypographyProps={{ variant: 'body2' }}
              />
            </ListItem>
          ))}
        </List>
      </Collapse>
    </>
  );
}
