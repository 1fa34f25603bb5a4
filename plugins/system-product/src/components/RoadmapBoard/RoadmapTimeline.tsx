import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { RoadmapItem } from '@system-product/backstage-plugin-common';
import { formatDay } from '../../format';
import { OverdueChip } from './RoadmapItemCard';
import { overdueSince } from './overdueSince';
import { STATUS_LABELS } from './roadmapItemForm';

/**
 * The items by target date, soonest first, those without one last; dropped
 * items are left out.
 */
export function RoadmapTimeline(props: { items: RoadmapItem[]; now: Date }) {
  const { items, now } = props;
  const byDate = items
    .filter(i => i.status !== 'dropped')
    .sort((a, b) =>
      (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999'),
    );
  return (
    <List aria-label="Improvements by target date">
      {byDate.map(item => {
        const overdue = overdueSince(item, now);
        return (
          <ListItem key={item.id} divider>
            <Box width={120} flexShrink={0}>
              <Typography variant="body2">
                {item.targetDate ? formatDay(item.targetDate, now) : 'No date'}
              </Typography>
            </Box>
            <ListItemText
              primary={item.title}
              secondary={STATUS_LABELS[item.status]}
            />
            {overdue && <OverdueChip since={overdue} now={now} />}
          </ListItem>
        );
      })}
    </List>
  );
}
