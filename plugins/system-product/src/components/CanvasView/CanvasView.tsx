import { EmptyState } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import {
  CANVAS_SECTIONS,
  Canvas,
  CanvasSectionId,
  canvasCompleteness,
  systemProductCanvasUpdatePermission,
  getEntityOwner,
} from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import { useCanvas } from '../../hooks/useCanvas';
import { AsyncState } from '../AsyncState';
import { CanvasEditor } from '../CanvasEditor';
import { CanvasHistoryButton } from '../CanvasRevisions';
import { CanvasSectionCard } from '../CanvasSectionCard';
import { ResearchSummary } from '../ResearchSummary';

/**
 * Shows chosen sections of the entity's canvas with loading, error and empty
 * states. With `showCompleteness` it is the whole Canvas tab: how many focus
 * questions are answered, the revision history, the latest research inside
 * System Users and links from sections to the tabs that detail them (a section
 * shown inside another tab, like Metrics on the SLOs tab, does not link to
 * the tab it is on).
 */
export function CanvasView(props: {
  sections: CanvasSectionId[];
  showCompleteness?: boolean;
}) {
  const { sections, showCompleteness } = props;
  const { value: canvas, loading, error, retry } = useCanvas();
  return (
    <AsyncState loading={loading} error={error} retry={retry} what="canvas">
      {() => (
        <CanvasBody
          canvas={canvas}
          sections={sections}
          showCompleteness={showCompleteness}
          editable={showCompleteness}
          onSaved={retry}
        />
      )}
    </AsyncState>
  );
}

/** Whether the signed-in user may change the canvas of the entity on the page. */
function useCanEditCanvas(): boolean {
  const { entity } = useEntity();
  const { allowed } = usePermission({
    permission: systemProductCanvasUpdatePermission,
    resourceRef: stringifyEntityRef(entity),
  });
  return allowed;
}

function CanvasBody(props: {
  canvas?: Canvas;
  sections: CanvasSectionId[];
  showCompleteness?: boolean;
  editable?: boolean;
  onSaved: () => void;
}) {
  const { canvas, sections, showCompleteness, editable, onSaved } = props;
  const { entity } = useEntity();
  const canEdit = useCanEditCanvas();
  const [editing, setEditing] = useState(false);
  const owner = getEntityOwner(entity) ?? 'its owners';

  if (editing && canvas) {
    return (
      <CanvasEditor
        canvas={canvas}
        onCancel={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          onSaved();
        }}
      />
    );
  }
  const editButton =
    editable && canEdit ? (
      <Button
        variant="outlined"
        color="primary"
        onClick={() => setEditing(true)}
      >
        {canvas && canvas.version > 0 ? 'Edit canvas' : 'Start the canvas'}
      </Button>
    ) : null;

  if (!canvas || canvas.version === 0) {
    return (
      <EmptyState
        action={editButton ?? undefined}
        missing="data"
        title="No canvas yet"
        description={`${
          entity.metadata.title ?? entity.metadata.name
        } has no System Transformation Canvas. Its owner (${owner}) starts one by answering the focus questions: who the users are, what value the system delivers, where the journey hurts, how success is measured and what to improve first.`}
      />
    );
  }

  const completeness = canvasCompleteness(canvas.content);
  const shown = CANVAS_SECTIONS.filter(s => sections.includes(s.id));
  return (
    <Grid container spacing={3}>
      {showCompleteness && (
        <Grid item xs={12}>
          <Typography variant="subtitle1">
            {completeness.answered} of {completeness.total} focus questions
            answered
          </Typography>
          <LinearProgress
            variant="determinate"
            value={(100 * completeness.answered) / completeness.total}
            aria-label="Canvas completeness"
          />
          <Box display="flex" justifyContent="flex-end" mt={1}>
            {editButton ?? (
              <Typography variant="caption" color="textSecondary">
                Only the owners ({owner}) change the canvas; contact them with
                suggestions.
              </Typography>
            )}
          </Box>
          <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
            <Typography variant="caption" color="textSecondary">
              Version {canvas.version}
              {canvas.updatedBy && ` · last changed by ${canvas.updatedBy}`}
              {canvas.updatedAt &&
                ` on ${new Date(canvas.updatedAt).toLocaleString()}`}
            </Typography>
            <CanvasHistoryButton />
          </Box>
        </Grid>
      )}
      {shown.map(section => (
        <Grid item xs={12} md={shown.length > 1 ? 6 : 12} key={section.id}>
          <CanvasSectionCard
            section={section}
            content={canvas.content}
            linkToTab={showCompleteness}
          >
            {showCompleteness && section.id === 'users' && <ResearchSummary />}
          </CanvasSectionCard>
        </Grid>
      ))}
    </Grid>
  );
}
