import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import Typography from '@material-ui/core/Typography';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { ReactNode, useId, useState } from 'react';
import { PostEventCommand } from './PostEventCommand';
import { exampleEvent } from './sloPresets';

/** The webhook modules of the backend, each with what it brings and the annotation it reads. */
const MODULES: { tool: string; name: string; brings: ReactNode }[] = [
  {
    tool: 'GitHub',
    name: '@system-product/backstage-plugin-backend-module-github',
    brings: (
      <>
        deployments, builds (workflow runs) and incidents (issues labelled
        incident) of the repository in <code>github.com/project-slug</code>
      </>
    ),
  },
  {
    tool: 'GitLab',
    name: '@system-product/backstage-plugin-backend-module-gitlab',
    brings: (
      <>
        deployments and builds (pipelines) of the project in{' '}
        <code>gitlab.com/project-slug</code>
      </>
    ),
  },
  {
    tool: 'PagerDuty',
    name: '@system-product/backstage-plugin-backend-module-pagerduty',
    brings: (
      <>
        incidents of the service in <code>pagerduty.com/service-id</code>
      </>
    ),
  },
];

/**
 * How deployments, builds and incidents reach System Product, folded under a
 * "How to send data" button so that an empty card stays short: the webhook
 * modules and the catalog annotations they read, and a command that posts
 * one deployment of the entity.
 */
export function ConnectData() {
  const { entity } = useEntity();
  const [open, setOpen] = useState(false);
  const id = useId();
  // The times of the example event are those of the card's first render.
  const [now] = useState(() => new Date());
  const deployment = exampleEvent(
    'deployment',
    stringifyEntityRef(entity),
    '',
    now,
  )!;
  return (
    <>
      <Button
        size="small"
        color="primary"
        aria-expanded={open}
        aria-controls={id}
        endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
        onClick={() => setOpen(!open)}
      >
        How to send data
      </Button>
      <Collapse in={open} unmountOnExit>
        <Box mt={1} id={id}>
          <Typography variant="body2">
            Add the webhook module of your tool to the Backstage backend. It
            gives the events to the system of each component whose catalog
            annotation names the repository or service:
          </Typography>
          <Box component="ul" mt={1} mb={1} pl={3}>
            {MODULES.map(module => (
              <Typography key={module.tool} component="li" variant="body2">
                {module.tool}: <code>{module.name}</code> brings the{' '}
                {module.brings}.
              </Typography>
            ))}
          </Box>
          <Typography variant="body2">
            Other pipelines post their events with a service token. This command
            posts one deployment (a real one: it counts in the figures):
          </Typography>
          <PostEventCommand event={deployment} />
        </Box>
      </Collapse>
    </>
  );
}
