export { FormDialogActions, FormProblem } from './FormDialog';
export { AnswerTextField, ScaleField } from './AnswerFields';
export { useDialogAction } from './useDialogAction';
