import { Link, Progress } from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  EvaluatedSlo,
  RoadmapItem,
} from '@system-product/backstage-plugin-common';
import useAsync from 'react-use/esm/useAsync';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { useEntityTabPaths } from '../../hooks';
import { FormDialogActions, FormProblem, useDialogAction } from '../FormDialog';
import { reasonOf } from '../AsyncState';
import { describeObjective, describeWindow } from './describeSlo';

/** Roadmap items whose metric is the SLO, by name or display name (as the roadmap's metric field stores it). */
export function itemsMoving(
  items: RoadmapItem[],
  slo: Pick<EvaluatedSlo, 'name' | 'displayName'>,
): RoadmapItem[] {
  return items.filter(item => {
    const metric = item.metric?.trim();
    return metric === slo.name || metric === slo.displayName;
  });
}

/**
 * Asks before a portal SLO goes, naming what it measures and the roadmap
 * items that name it as the metric they should move (their before and after
 * figures stay, but nothing measures them any more).
 */
export function RemoveSloDialog(props: {
  slo: EvaluatedSlo;
  onClose: () => void;
  onRemove: () => Promise<void>;
}) {
  const { slo, onClose, onRemove } = props;
  const api = useApi(systemProductApiRef);
  const { entity } = useEntity();
  const { roadmap: roadmapPath } = useEntityTabPaths();
  const { busy, failure, run } = useDialogAction(onRemove);
  const roadmap = useAsync(
    () => api.getRoadmap(getCompoundEntityRef(entity)),
    [api, entity],
  );
  const linked = roadmap.value ? itemsMoving(roadmap.value, slo) : [];
  return (
    <Dialog open onClose={onClose} aria-labelledby="remove-slo-title">
      <DialogTitle id="remove-slo-title">
        Remove the SLO "{slo.displayName}"?
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" paragraph>
          Its objective is that {describeObjective(slo)}, over a{' '}
          {describeWindow(slo)}. Its figures, trend and alerts go with it; the
          events it counted stay.
        </Typography>
        {roadmap.loading && <Progress />}
        {roadmap.error && (
          <Typography variant="body2" color="textSecondary" paragraph>
            Could not check which roadmap items name it (
            {reasonOf(roadmap.error)}).
          </Typography>
        )}
        {roadmap.value && linked.length === 0 && (
          <Typography variant="body2" color="textSecondary" paragraph>
            No roadmap item names it as its metric.
          </Typography>
        )}
        {linked.length > 0 && (
          <>
            <Typography variant="body2">
              {linked.length === 1
                ? '1 roadmap item names it as the metric it should move; it keeps its before and after figures, but nothing measures it any more:'
                : `${linked.length} roadmap items name it as the metric they should move; they keep their before and after figures, but nothing measures them any more:`}
            </Typography>
            <List
              dense
              aria-label={`Roadmap items that name ${slo.displayName}`}
            >
              {linked.map(item => (
                <ListItem key={item.id} disableGutters>
                  <ListItemText
                    primary={
                      roadmapPath ? (
                        <Link to={roadmapPath}>{item.title}</Link>
                      ) : (
                        item.title
                      )
                    }
                    secondary={item.status}
                  />
                </ListItem>
              ))}
            </List>
          </>
        )}
        {failure && (
          <FormProblem spaced>Could not remove the SLO: {failure}</FormProblem>
        )}
      </DialogContent>
      <FormDialogActions
        label="Remove SLO"
        onCancel={onClose}
        onConfirm={run}
        disabled={busy}
      />
    </Dialog>
  );
}
