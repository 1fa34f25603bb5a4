export { FormDialogActions, FormProblem } from './FormDialog';
