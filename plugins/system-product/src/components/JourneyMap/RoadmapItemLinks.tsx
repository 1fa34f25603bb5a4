import { Link } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { RoadmapItem } from '@system-product/backstage-plugin-common';
import { useEntityTabPaths } from '../../hooks';
import { roadmapItemLine } from './touchpointRoadmap';

/**
 * Roadmap items with their state and target date, each a link to its card on
 * the Roadmap tab where the app has that tab; nothing for no items.
 */
export function RoadmapItemLinks(props: {
  items: RoadmapItem[];
  label: string;
}) {
  const { items, label } = props;
  const roadmapTab = useEntityTabPaths().roadmap;
  if (items.length === 0) return null;
  return (
    <List dense disablePadding aria-label={label}>
      {items.map(item => {
        const line = roadmapItemLine(item);
        return (
          <ListItem key={item.id} disableGutters>
            <ListItemText
              primaryTypographyProps={{ variant: 'caption' }}
              primary={
                roadmapTab ? (
                  // The id of its card on the board, as search results link to it.
                  <Link
                    to={`${roadmapTab}#roadmap-item-${encodeURIComponent(
                      item.id,
                    )}`}
                  >
                    {line}
                  </Link>
                ) : (
                  line
                )
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
