import {
  Content,
  ContentHeader,
  EmptyState,
  InfoCard,
  Page,
  Header,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { PortfolioEntry } from '@system-product/backstage-plugin-common';
import { useSearchParams } from 'react-router-dom';
import { ownerName } from '../../format';
import { usePortfolio } from '../../hooks';
import { AsyncState } from '../AsyncState';
import { OpenPrompts } from './OpenPrompts';
import { PortfolioTable } from './PortfolioTable';
import { PriorityChart } from './PriorityChart';

/**
 * `/system-products`: the user's open moment prompts, if any; every system
 * product the user can see, and where to invest first.
 */
export function PortfolioPage() {
  const { value, loading, error, retry } = usePortfolio();
  return (
    <Page themeId="home">
      <Header
        title="System products"
        subtitle="Delivery systems run as products for the engineers who use them"
      />
      <Content>
        <OpenPrompts />
        <ContentHeader title="Portfolio" />
        <AsyncState
          loading={loading}
          error={error}
          retry={retry}
          what="portfolio"
        >
          {() =>
            !value || value.length === 0 ? (
              <EmptyState
                missing="data"
                title="No system products yet"
                description="Every System in the catalog is one, and any entity opts in with a system-product/ annotation (for example system-product/enabled: 'true'). Start a canvas on one to see it here."
              />
            ) : (
              <Portfolio entries={value} />
            )
          }
        </AsyncState>
      </Content>
    </Page>
  );
}

const NO_OWNER = 'no owner';

/**
 * The table and the chart of the system products the owner filter (kept in
 * the URL, `?owner=`, so that a filtered page can be shared) lets through,
 * and how the ranking works.
 */
function Portfolio(props: { entries: PortfolioEntry[] }) {
  const { entries } = props;
  const [params, setParams] = useSearchParams();
  const nameOf = (entry: PortfolioEntry) =>
    entry.owner ? ownerName(entry.owner) : NO_OWNER;
  const owners = [...new Set(entries.map(nameOf))].sort();
  const wanted = params.get('owner');
  const owner = wanted && owners.includes(wanted) ? wanted : '';
  const shown = owner ? entries.filter(e => nameOf(e) === owner) : entries;
  const setOwner = (next: string) => {
    const changed = new URLSearchParams(params);
    if (next) changed.set('owner', next);
    else changed.delete('owner');
    setParams(changed, { replace: true });
  };
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <TextField
          select
          id="portfolio-owner"
          label="Owner"
          variant="outlined"
          size="small"
          style={{ minWidth: 240 }}
          value={owner}
          onChange={e => setOwner(e.target.value)}
          helperText={
            owner
              ? `${shown.length} of ${entries.length} system products`
              : undefined
          }
        >
          <MenuItem value="">All owners</MenuItem>
          {owners.map(name => (
            <MenuItem key={name} value={name}>
              {name}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12}>
        <PortfolioTable entries={shown} title="System products" />
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard title="Where to invest first">
          <PriorityChart entries={shown} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="How the ranking works">
          <Typography variant="body2" paragraph>
            The ranking puts first the system products where improving pays off
            most: many teams depend on them, the figures say they hurt, and
            their owners are ready to act. Each part is a share from 0 to 100%
            on a fixed scale, so a system has the same score on every page; the
            score multiplies them, so only a system high on all three ranks
            high:
          </Typography>
          <Typography variant="body2" component="ul">
            <li>Impact: its user groups, full at 5 or more.</li>
            <li>
              Need: the mean of what is known of friction (mean severity),
              dissatisfaction (NPS and CSAT) and SLOs (breached, or half for at
              risk); none known counts as no need.
            </li>
            <li>
              Support: 50%, rising to 100% as owners plan and work on roadmap
              items.
            </li>
          </Typography>
          <Typography variant="body2">
            Each row says what its score stands on.
          </Typography>
        </InfoCard>
      </Grid>
    </Grid>
  );
}
