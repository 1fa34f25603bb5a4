import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  CanvasRevision,
  SystemProductApi,
} from '@system-product/backstage-plugin-common';
import { useSystemProductData } from '../../hooks/useSystemProductData';
import { AsyncState } from '../AsyncState';
import { canvasSectionTitle } from './canvasSectionTitle';
import { relativeTime } from './relativeTime';

const loadRevisions = (api: SystemProductApi, entity: CompoundEntityRef) =>
  api.getCanvasRevisions(entity);

/** The user ref in `changedBy`, or undefined for a service or other principal. */
function userRefOf(changedBy: string): CompoundEntityRef | undefined {
  try {
    const ref = parseEntityRef(changedBy);
    return ref.kind.toLocaleLowerCase('en-US') === 'user' ? ref : undefined;
  } catch {
    return undefined;
  }
}

/** Who saved a revision and when: "by Ada, 2 hours ago (20/11/2026, 10:00)". */
function ChangedByAt(props: { revision: CanvasRevision }) {
  const { changedBy, changedAt } = props.revision;
  const user = userRefOf(changedBy);
  const absolute = new Date(changedAt).toLocaleString();
  return (
    <>
      by {user ? <EntityRefLink entityRef={user} /> : changedBy},{' '}
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
  const { value, loading, error, retry } = useSystemProductData(loadRevisions);
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
                  secondary={<ChangedByAt revision={revision} />}
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
