import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import { useEffect, useRef, useState } from 'react';
import { MAX_MILESTONES, MilestoneRow } from './roadmapItemForm';

/**
 * The milestones as a checklist: a title and whether it is done, each
 * removable. Rows left without a title are not saved, and it says so.
 */
export function MilestonesField(props: {
  milestones: MilestoneRow[];
  onChange: (milestones: MilestoneRow[]) => void;
}) {
  const { milestones, onChange } = props;
  // Keys of rows added in this dialog continue after the item's own rows.
  const nextKey = useRef(milestones.length);
  const [added, setAdded] = useState<number>();
  // Typing goes on in the row just added (only ever on "Add milestone").
  const addedInput = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    if (added !== undefined) addedInput.current?.focus();
  }, [added]);
  const change = (key: number, patch: Partial<MilestoneRow>) =>
    onChange(milestones.map(m => (m.key === key ? { ...m, ...patch } : m)));
  const add = () => {
    const key = nextKey.current++;
    setAdded(key);
    onChange([...milestones, { key, title: '', done: false }]);
  };
  const full = milestones.length >= MAX_MILESTONES;
  const untitled = milestones.filter(m => !m.title.trim()).length;

  return (
    <>
      <Typography variant="subtitle2" component="h3">
        Milestones
      </Typography>
      {milestones.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No milestones yet.
        </Typography>
      )}
      {milestones.map((milestone, index) => (
        <Box key={milestone.key} display="flex" alignItems="center">
          <Checkbox
            color="primary"
            checked={milestone.done}
            onChange={e => change(milestone.key, { done: e.target.checked })}
            inputProps={{ 'aria-label': `Milestone ${index + 1} done` }}
          />
          <TextField
            id={`roadmap-milestone-${milestone.key}`}
            label={`Milestone ${index + 1}`}
            fullWidth
            inputRef={milestone.key === added ? addedInput : undefined}
            value={milestone.title}
            onChange={e => change(milestone.key, { title: e.target.value })}
            inputProps={{ maxLength: 200 }}
          />
          <IconButton
            aria-label={`Remove milestone ${index + 1}`}
            onClick={() =>
              onChange(milestones.filter(m => m.key !== milestone.key))
            }
          >
            <DeleteIcon />
          </IconButton>
        </Box>
      ))}
      <Box display="flex" alignItems="center" gridGap={8} mt={1}>
        <Button
          size="small"
          startIcon={<AddIcon />}
          onClick={add}
          disabled={full}
        >
          Add milestone
        </Button>
        {full && (
          <Typography variant="caption" color="textSecondary">
            An item has at most {MAX_MILESTONES} milestones.
          </Typography>
        )}
      </Box>
      {untitled > 0 && (
        <Typography variant="caption" color="textSecondary" display="block">
          {untitled === 1
            ? 'A milestone without a title is left out when you save.'
            : `${untitled} milestones without a title are left out when you save.`}
        </Typography>
      )}
    </>
  );
}
