import { EmptyState } from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
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
import { useEffect, useRef, useState } from 'react';
import { ownerRef } from '../../format';
import { useCanvas, useEntityPermission, useEntityTabPaths } from '../../hooks';
import { AsyncState } from '../AsyncState';
import { CanvasEditor } from './CanvasEditor';
import { ChangedBy } from './ChangedBy';
import { CanvasHistoryButton } from './CanvasHistoryButton';
import { CanvasSectionCard } from './CanvasSectionCard';
import { canvasTabLink } from './canvasTabLinks';
import { ResearchSummary } from './ResearchSummary';
import { GettingStartedCard } from '../GettingStarted';
import { ReviewCard } from './ReviewCard';

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

/** Who owns the entity on the page: a link to the owner, or "its owners". */
function EntityOwner() {
  const { entity } = useEntity();
  const owner = getEntityOwner(entity);
  const ref = ownerRef(owner);
  if (ref) return <EntityRefLink entityRef={ref} defaultKind="group" />;
  return <>{owner ?? 'its owners'}</>;
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
  const canEdit = useEntityPermission(systemProductCanvasUpdatePermission);
  const tabPaths = useEntityTabPaths();
  const [editing, setEditing] = useState(false);
  // Closing the editor gives the focus back to the button that opened it,
  // not to the page's body.
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (!editing && wasEditing.current) editButtonRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

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
        ref={editButtonRef}
        onClick={() => setEditing(true)}
      >
        {canvas && canvas.version > 0 ? 'Edit canvas' : 'Start the canvas'}
      </Button>
    ) : null;

  if (!canvas || canvas.version === 0) {
    return (
      <>
        <EmptyState
          action={editButton ?? undefined}
          missing="data"
          title="No canvas yet"
          description={
            <>
              {entity.metadata.title ?? entity.metadata.name} has no System
              Transformation Canvas. Its owner (<EntityOwner />) starts one by
              answering the focus questions: who the users are, what value the
              system delivers, where the journey hurts, how success is measured
              and what to improve first.
            </>
          }
        />
        {showCompleteness && (
          <>
            <Box mt={3}>
              <GettingStartedCard />
            </Box>
            <Box mt={3}>
              <ReviewCard />
            </Box>
          </>
        )}
      </>
    );
  }

  const completeness = canvasCompleteness(canvas.content);
  const shown = CANVAS_SECTIONS.filter(s => sections.includes(s.id));
  return (
    <Grid container spacing={3}>
      {showCompleteness && (
        <Grid item xs={12}>
          <Box mb={2}>
            <GettingStartedCard />
          </Box>
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
                Only the owners (<EntityOwner />) change the canvas; contact
                them with suggestions.
              </Typography>
            )}
          </Box>
          <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
            <Typography variant="caption" color="textSecondary">
              Version {canvas.version}
              {canvas.updatedBy && (
                <>
                  {' · last changed by '}
                  <ChangedBy principal={canvas.updatedBy} />
                </>
              )}
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
            tabLink={
              showCompleteness ? canvasTabLink(section.id, tabPaths) : undefined
            }
          >
            {showCompleteness && section.id === 'users' && <ResearchSummary />}
          </CanvasSectionCard>
        </Grid>
      ))}
      {showCompleteness && (
        <Grid item xs={12}>
          <ReviewCard />
        </Grid>
      )}
    </Grid>
  );
}
