import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import HistoryIcon from '@material-ui/icons/History';
import { useState } from 'react';
import { CanvasRevisions } from './CanvasRevisions';

/**
 * A "History" button that opens the canvas's revision history. The history
 * loads each time the dialog opens, so it includes the latest save.
 */
export function CanvasHistoryButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        startIcon={<HistoryIcon />}
        onClick={() => setOpen(true)}
      >
        History
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby="canvas-history-title"
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle id="canvas-history-title">Canvas history</DialogTitle>
        <DialogContent>
          <CanvasRevisions />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
