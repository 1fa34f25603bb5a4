import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Snackbar from '@material-ui/core/Snackbar';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  MomentPrompt,
  pagePathMatches,
} from '@system-product/backstage-plugin-common';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { useMomentPromptPath } from '../../hooks/useRoutePath';

/** How long a page stays open before its visit counts. */
const DWELL_MS = 2_000;

/**
 * Moments on portal pages: reports a visit to a page that an owner's page
 * trigger names (after the page stayed open a moment, once per path in a
 * session), and shows the prompt a visit made as a small, non-modal note
 * with a link to its form. Reads which pages have triggers once; nothing is
 * reported for any other page. Renders nothing otherwise, and stays quiet
 * when the backend is unreachable: a prompt is never worth an error.
 */
export function PagePrompts(props: { dwellMs?: number }) {
  const dwellMs = props.dwellMs ?? DWELL_MS;
  const api = useApi(systemProductApiRef);
  const { pathname } = useLocation();
  const promptPath = useMomentPromptPath();
  const [pages, setPages] = useState<string[]>();
  const [prompt, setPrompt] = useState<MomentPrompt>();
  const [open, setOpen] = useState(false);
  const reported = useRef(new Set<string>());

  useEffect(() => {
    let live = true;
    api.getPageMoments().then(
      found => live && setPages(found),
      () => live && setPages([]),
    );
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    if (!pages || open) return undefined;
    if (reported.current.has(pathname)) return undefined;
    if (!pages.some(page => pagePathMatches(page, pathname))) return undefined;
    const timer = setTimeout(() => {
      reported.current.add(pathname);
      api.reportPageVisit(pathname).then(
        made => {
          if (!made) return;
          setPrompt(made);
          setOpen(true);
        },
        () => undefined,
      );
    }, dwellMs);
    return () => clearTimeout(timer);
  }, [api, pages, pathname, open, dwellMs]);

  if (!prompt) return null;
  const close = () => setOpen(false);
  return (
    <Snackbar
      open={open}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
    >
      <Alert
        severity="info"
        role="status"
        aria-label="A quick question"
        action={
          <>
            <Link to={promptPath(prompt.id)} onClick={close}>
              Answer
            </Link>
            <Button size="small" onClick={close}>
              Not now
            </Button>
          </>
        }
      >
        <AlertTitle>{prompt.question}</AlertTitle>
        One question about your {prompt.eventSummary}, anonymous: answers are
        shown only in aggregate. It stays among your open prompts on the system
        products page for later.
      </Alert>
    </Snackbar>
  );
}
