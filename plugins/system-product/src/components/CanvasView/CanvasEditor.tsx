import { getCompoundEntityRef } from '@backstage/catalog-model';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  CANVAS_SECTIONS,
  Canvas,
  CanvasContent,
  Persona,
  changedCanvasSections,
} from '@system-product/backstage-plugin-common';
import { useEffect, useRef, useState } from 'react';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { canvasSectionTitle } from '../../format';
import { useVersionedSave } from '../../hooks';
import { CANVAS_FIELDS, toLines } from './canvasFields';
import { ChangedBy } from './ChangedBy';

function emptyPersona(): Persona {
  return {
    name: '',
    description: '',
    needs: [],
    frustrations: [],
    successMeasures: [],
  };
}

/** "Persona 2: Release engineer", or "Persona 2" while it has no name. */
function personaName(persona: Persona, index: number): string {
  const name = persona.name.trim();
  return name ? `Persona ${index + 1}: ${name}` : `Persona ${index + 1}`;
}

/**
 * Edits the canvas in place. A save based on a stale version never loses the
 * draft: the editor shows who changed which sections meanwhile and lets the
 * owner apply their draft on top of the newer version, or drop it.
 */
export function CanvasEditor(props: {
  canvas: Canvas;
  onSaved: (canvas: Canvas) => void;
  onCancel: () => void;
}) {
  const { canvas, onSaved, onCancel } = props;
  const { entity } = useEntity();
  const api = useApi(systemProductApiRef);
  const alertApi = useApi(alertApiRef);
  const ref = getCompoundEntityRef(entity);
  const [draft, setDraft] = useState<CanvasContent>(canvas.content);
  const versioned = useVersionedSave({
    initial: canvas,
    what: 'canvas',
    loadCurrent: () => api.getCanvas(ref),
  });
  const { base, conflict, saving, error } = versioned;
  // List fields are edited as text, so blank lines survive while typing.
  const [listText, setListText] = useState<Record<string, string>>({});
  // Opening the editor puts the focus on its first field, not the page body.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current
      ?.querySelector<HTMLElement>('input:not([type="hidden"]), textarea')
      ?.focus();
  }, []);

  const fieldValue = (section: string, key: string, kind: 'text' | 'list') => {
    const value = (draft as any)[section][key];
    if (kind === 'text') return value as string;
    return listText[`${section}.${key}`] ?? (value as string[]).join('\n');
  };
  const setField = (
    section: string,
    key: string,
    kind: 'text' | 'list',
    text: string,
  ) => {
    if (kind === 'list')
      setListText(t => ({ ...t, [`${section}.${key}`]: text }));
    setDraft(d => ({
      ...d,
      [section]: {
        ...(d as any)[section],
        [key]: kind === 'list' ? toLines(text) : text,
      },
    }));
  };
  const setPersona = (index: number, persona: Persona) =>
    setDraft(d => ({
      ...d,
      users: {
        personas: d.users.personas.map((p, i) => (i === index ? persona : p)),
      },
    }));

  const save = () =>
    versioned.save(async over => {
      const saved = await api.updateCanvas(ref, {
        version: over.version,
        content: draft,
      });
      alertApi.post({
        message: `Canvas saved as version ${saved.version}`,
        severity: 'success',
        display: 'transient',
      });
      onSaved(saved);
    });

  return (
    <Box
      component="form"
      {...{ ref: form }}
      onSubmit={e => {
        e.preventDefault();
        save();
      }}
      aria-label="Edit canvas"
    >
      {conflict && (
        <Alert severity="warning" role="alert" style={{ marginBottom: 16 }}>
          <Typography variant="body2" paragraph>
            {conflict.updatedBy ? (
              <ChangedBy principal={conflict.updatedBy} />
            ) : (
              'Someone'
            )}{' '}
            saved version {conflict.version} while you were editing; it changed:{' '}
            {changedCanvasSections(base.content, conflict.content)
              .map(canvasSectionTitle)
              .join(', ') || 'nothing you can see'}
            . Your text is still here.
          </Typography>
          <Button
            size="small"
            variant="contained"
            color="primary"
            onClick={() => versioned.adopt(conflict)}
          >
            Keep my changes on top of version {conflict.version}
          </Button>{' '}
          <Button
            size="small"
            onClick={() => {
              setDraft(conflict.content);
              setListText({});
              versioned.adopt(conflict);
            }}
          >
            Discard my changes and load version {conflict.version}
          </Button>
        </Alert>
      )}
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <Paper variant="outlined" style={{ padding: 16 }}>
            <Typography variant="h6" component="h3">
              System Users
            </Typography>
            {draft.users.personas.map((persona, i) => {
              // Every field says whose it is: "Description" alone repeats
              // once per persona for a screen reader.
              const whose = personaName(persona, i);
              return (
                <Box key={i} mt={2} component="fieldset" border={0} p={0} m={0}>
                  <Typography variant="subtitle2" component="legend">
                    {whose}
                  </Typography>
                  <Grid container spacing={2}>
                    <Grid item xs={12} md={4}>
                      <TextField
                        id={`persona-${i}-name`}
                        label="Who are the primary users?"
                        fullWidth
                        inputProps={{
                          'aria-label': `Who are the primary users? (${whose})`,
                        }}
                        value={persona.name}
                        onChange={e =>
                          setPersona(i, { ...persona, name: e.target.value })
                        }
                      />
                      <TextField
                        id={`persona-${i}-description`}
                        label="Description"
                        fullWidth
                        multiline
                        inputProps={{ 'aria-label': `Description (${whose})` }}
                        value={persona.description}
                        onChange={e =>
                          setPersona(i, {
                            ...persona,
                            description: e.target.value,
                          })
                        }
                      />
                    </Grid>
                    {(
                      ['needs', 'frustrations', 'successMeasures'] as const
                    ).map(key => (
                      <Grid
                        item
                        xs={12}
                        md={key === 'successMeasures' ? 2 : 3}
                        key={key}
                      >
                        <TextField
                          id={`persona-${i}-${key}`}
                          label={
                            {
                              needs: 'Key needs',
                              frustrations: 'Frustrations',
                              successMeasures: 'Success measures',
                            }[key]
                          }
                          helperText="One per line"
                          fullWidth
                          multiline
                          minRows={2}
                          inputProps={{
                            'aria-label': `${
                              {
                                needs: 'Key needs',
                                frustrations: 'Frustrations',
                                successMeasures: 'Success measures',
                              }[key]
                            } (${whose})`,
                          }}
                          value={
                            listText[`persona-${i}.${key}`] ??
                            persona[key].join('\n')
                          }
                          onChange={e => {
                            setListText(t => ({
                              ...t,
                              [`persona-${i}.${key}`]: e.target.value,
                            }));
                            setPersona(i, {
                              ...persona,
                              [key]: toLines(e.target.value),
                            });
                          }}
                        />
                      </Grid>
                    ))}
                  </Grid>
                  <Button
                    size="small"
                    onClick={() =>
                      setDraft(d => ({
                        ...d,
                        users: {
                          personas: d.users.personas.filter((_, j) => j !== i),
                        },
                      }))
                    }
                    aria-label={`Remove ${whose}`}
                  >
                    Remove persona
                  </Button>
                </Box>
              );
            })}
            <Button
              size="small"
              onClick={() =>
                setDraft(d => ({
                  ...d,
                  users: { personas: [...d.users.personas, emptyPersona()] },
                }))
              }
            >
              Add persona
            </Button>
          </Paper>
        </Grid>
        {CANVAS_SECTIONS.filter(s => s.id !== 'users').map(section => (
          <Grid item xs={12} md={6} key={section.id}>
            <Paper variant="outlined" style={{ padding: 16 }}>
              <Typography variant="h6" component="h3">
                {section.title}
              </Typography>
              {CANVAS_FIELDS.filter(f => f.section === section.id).map(
                field => (
                  <TextField
                    key={field.key}
                    id={`canvas-${field.section}-${field.key}`}
                    label={field.label}
                    fullWidth
                    multiline
                    margin="dense"
                    inputProps={{ maxLength: 4000 }}
                    value={fieldValue(field.section, field.key, field.kind)}
                    onChange={e =>
                      setField(
                        field.section,
                        field.key,
                        field.kind,
                        e.target.value,
                      )
                    }
                  />
                ),
              )}
            </Paper>
          </Grid>
        ))}
      </Grid>
      {error && (
        <Typography color="error" role="alert">
          {error}
        </Typography>
      )}
      <Box mt={2} display="flex" gridGap={8}>
        <Button
          type="submit"
          color="primary"
          variant="contained"
          disabled={saving || Boolean(conflict)}
        >
          Save canvas
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </Box>
    </Box>
  );
}
