import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/**
 * The footer of every System Product form dialog: Cancel, then the primary
 * action, a submit button when the dialog is a form.
 */
export function FormDialogActions(props: {
  label: string;
  onCancel: () => void;
  /** Runs the action; omitted when the button submits the dialog's form. */
  onConfirm?: () => void;
  disabled?: boolean;
}) {
  const { label, onCancel, onConfirm, disabled } = props;
  return (
    <DialogActions>
      <Button onClick={onCancel}>Cancel</Button>
      <Button
        type={onConfirm ? 'button' : 'submit'}
        color="primary"
        variant="contained"
        onClick={onConfirm}
        disabled={disabled}
      >
        {label}
      </Button>
    </DialogActions>
  );
}

/** Why a dialog's action failed or cannot run yet, announced to screen readers. */
export function FormProblem(props: { children?: ReactNode; spaced?: boolean }) {
  const { children, spaced } = props;
  if (!children) return null;
  return (
    <Typography
      color="error"
      role="alert"
      style={spaced ? { marginTop: 16 } : undefined}
    >
      {children}
    </Typography>
  );
}
