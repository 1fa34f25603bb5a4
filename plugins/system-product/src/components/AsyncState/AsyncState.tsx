import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { adviceFor } from './adviceFor';

/**
 * The loading and error states every System Product view shares: a progress
 * bar, or the error with what to do about it and a retry button; otherwise
 * the view.
 */
export function AsyncState(props: {
  loading: boolean;
  error?: Error;
  retry: () => void;
  what: string;
  children: () => ReactNode;
}) {
  const { loading, error, retry, what, children } = props;
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <>
        <ResponseErrorPanel
          error={error}
          title={`Could not load the ${what}`}
        />
        <Box mt={1} display="flex" alignItems="center" gridGap={8}>
          <Typography variant="body2">{adviceFor(error, what)}</Typography>
          <Button size="small" variant="outlined" onClick={retry}>
            Try again
          </Button>
        </Box>
      </>
    );
  }
  return <>{children()}</>;
}
