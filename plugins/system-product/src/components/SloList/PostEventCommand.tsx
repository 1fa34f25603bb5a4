import { CopyTextButton } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { postEventCommand } from './sloPresets';

/**
 * The curl command that posts `event` to this Backstage's System Product
 * events API, with a button that copies it.
 */
export function PostEventCommand(props: { event: Record<string, unknown> }) {
  const { event } = props;
  // Where the backend answers, as the README's example posts to it.
  const backend =
    useApi(configApiRef).getOptionalString('backend.baseUrl') ??
    '$BACKSTAGE_URL';
  const command = postEventCommand(
    `${backend}/api/system-product/events`,
    event,
  );
  return (
    <Box display="flex" alignItems="flex-start" gridGap={4} mt={1}>
      <Box
        component="pre"
        m={0}
        p={1}
        flexGrow={1}
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
        aria-label={`Command that posts one ${event.type}`}
      >
        {command}
      </Box>
      <CopyTextButton
        text={command}
        aria-label="Copy the command"
        tooltipText="Command copied"
      />
    </Box>
  );
}
