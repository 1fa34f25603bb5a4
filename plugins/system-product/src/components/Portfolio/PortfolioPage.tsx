import {
  Content,
  ContentHeader,
  EmptyState,
  InfoCard,
  Page,
  Header,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
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
              <Grid container spacing={3}>
                <Grid item xs={12}>
                  <PortfolioTable
                    entries={value}
                    title="All system products"
                    filterByOwner
                  />
                </Grid>
                <Grid item xs={12} md={8}>
                  <InfoCard title="Where to invest first">
                    <PriorityChart entries={value} />
                  </InfoCard>
                </Grid>
                <Grid item xs={12} md={4}>
                  <InfoCard title="How the ranking works">
                    <Typography variant="body2" paragraph>
                      The ranking puts first the system products where improving
                      pays off most: many teams depend on them, their users keep
                      running into friction, and their owners are ready to act.
                      Each of the three is a share from 0 to 100%; the score
                      multiplies them, so only a system high on all three ranks
                      high:
                    </Typography>
                    <Typography variant="body2" component="ul">
                      <li>
                        Impact: how many user groups depend on it, against the
                        widest-reaching system.
                      </li>
                      <li>
                        Friction: mean severity of friction reports; without
                        reports, dissatisfaction from the NPS.
                      </li>
                      <li>
                        Support: 50%, rising to 100% as owners plan and work on
                        roadmap items.
                      </li>
                    </Typography>
                  </InfoCard>
                </Grid>
              </Grid>
            )
          }
        </AsyncState>
      </Content>
    </Page>
  );
}
