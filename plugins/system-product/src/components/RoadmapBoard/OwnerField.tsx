import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { ownerName, ownerRef } from '../../format';
import { Owner } from './Owner';

/** An owner the field suggests: its ref, and how the catalog names it. */
interface OwnerOption {
  ref: string;
  title: string;
}

function toOption(entity: Entity): OwnerOption {
  const ref = stringifyEntityRef(entity);
  const profile = (entity.spec?.profile ?? {}) as { displayName?: string };
  return {
    ref,
    title: profile.displayName ?? entity.metadata.title ?? ownerName(ref),
  };
}

/**
 * Who owns an item: a group or user of the catalog, suggested as the owner
 * types (where the app has the catalog), the system's own owner first; or
 * any text. Shows what the board will link to.
 */
export function OwnerField(props: {
  value: string;
  onChange: (owner: string) => void;
  /** The system's owner (its `spec.owner`). */
  systemOwner?: string;
}) {
  const { value, onChange, systemOwner } = props;
  const catalogApi = useApiHolder().get(catalogApiRef);
  // The catalog is asked once typing pauses, by name: a full ref asks for its name.
  const [term, setTerm] = useState('');
  useDebounce(() => setTerm(ownerRef(value)?.name ?? value.trim()), 300, [
    value,
  ]);
  const found = useAsync(async (): Promise<OwnerOption[]> => {
    if (!catalogApi) return [];
    const response = await catalogApi.queryEntities({
      filter: { kind: ['Group', 'User'] },
      ...(term
        ? {
            fullTextFilter: {
              term,
              fields: [
                'metadata.name',
                'metadata.title',
                'spec.profile.displayName',
              ],
            },
          }
        : {}),
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
      orderFields: { field: 'metadata.name', order: 'asc' },
      limit: 20,
    });
    return response.items.map(toOption);
  }, [catalogApi, term]);
  const systemOption = systemOwner
    ? [
        {
          ref: systemOwner,
          title: `${ownerName(systemOwner)} (the system's owner)`,
        },
      ]
    : [];
  const options = [
    ...systemOption,
    ...(found.value ?? []).filter(
      o => ownerName(o.ref) !== ownerName(systemOwner),
    ),
  ];
  const byRef = new Map(options.map(o => [o.ref, o]));
  const shown = value.trim();
  let helper: JSX.Element | string;
  if (shown) {
    helper = (
      <>
        {ownerRef(shown) ? 'Links to ' : 'Shown as text: '}
        <Owner owner={shown} />
        {found.error && ' (the catalog could not be searched)'}
      </>
    );
  } else {
    helper = 'A user or group; empty when nobody owns it yet';
  }
  return (
    <Autocomplete
      id="roadmap-owner"
      freeSolo
      options={options.map(o => o.ref)}
      // The catalog filtered them already; the system's owner stays first.
      filterOptions={refs => refs}
      // The text is the value: a pick comes through onChange, and resets of
      // the text to the (empty) selection are ignored.
      value={null}
      onChange={(_, picked) => onChange(picked ?? '')}
      inputValue={value}
      onInputChange={(_, text, reason) => reason !== 'reset' && onChange(text)}
      loading={found.loading}
      renderOption={ref => (
        <Box>
          <Typography variant="body2">{byRef.get(ref)?.title}</Typography>
          <Typography variant="caption" color="textSecondary">
            {ref}
          </Typography>
        </Box>
      )}
      renderInput={params => (
        <TextField
          {...params}
          label="Owner"
          fullWidth
          inputProps={{ ...params.inputProps, maxLength: 255 }}
          helperText={helper}
        />
      )}
    />
  );
}
