import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { CanvasRevision } from '@system-product/backstage-plugin-common';
import { canvasSectionTitle, relativeTime } from '../../format';
import { useCanvasRevisions } from '../../hooks';
import { AsyncState } from '../AsyncState';
import { ChangedBy } from './ChangedBy';

/** Who saved a revision and when: "by Ada, 2 hours ago (20/11/2026, 10:00)". */
function SavedByAt(props: { revision: CanvasRevision }) {
  const { changedBy, changedAt } = props.revision;
  const absolute = new Date(changedAt).toLocaleString();
  return (
    <>
      by <ChangedBy principal={changedBy} />,{' '}
      <time dateTime={changedAt} title={absolute}>
        {relativeTime(changedAt)}
      </time>{' '}
      ({absolute})
    </>
  );
}

const changedSectionsText = (revision: CanvasRevision) =>
  revision.changedSections.map(canvasSectionTitle).join(', ') ||
  'no section changed';

/**
 * Who changed the entity's canvas, newest first: each saved version, who saved
 * it, when, and which sections it changed.
 */
export function CanvasRevisions() {
  const { value, loading, error, retry } = useCanvasRevisions();
  return (
    <AsyncState
      loading={loading}
      error={error}
      retry={retry}
      what="canvas history"
    >
      {() =>
        value && value.length > 0 ? (
          <List dense aria-label="Canvas revisions">
            {value.map(revision => (
              <ListItem key={revision.version} disableGutters divider>
                <ListItemText
                  primary={`Version ${revision.version}: ${changedSectionsText(
                    revision,
                  )}`}
                  secondaryTypographyProps={{ component: 'div' }}
                  secondary={<SavedByAt revision={revision} />}
                />
              </ListItem>
            ))}
          </List>
        ) : (
          <>
            <Typography variant="subtitle1">No changes saved yet</Typography>
            <Typography variant="body2" color="textSecondary">
              Every save of the canvas adds a version here, with who changed
              which sections and when. The owners start it by editing the
              canvas.
            </Typography>
          </>
        )
      }
    </AsyncState>
  );
}
