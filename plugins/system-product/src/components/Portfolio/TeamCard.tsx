import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { ownerName } from '../../format';
import { usePortfolio, usePortfolioPath } from '../../hooks';
import { AsyncState } from '../AsyncState';
import { PortfolioTable } from './PortfolioTable';

/**
 * For group pages: the system products the group owns, with the figures that
 * fit a card, and a link to them on the portfolio page, filtered to the group.
 */
export function TeamCard() {
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity);
  const { value, loading, error, retry } = usePortfolio(ref);
  const portfolioPath = usePortfolioPath();
  return (
    <AsyncState
      loading={loading}
      error={error}
      retry={retry}
      what="system products"
    >
      {() =>
        value && value.length > 0 ? (
          <InfoCard
            title="System products owned"
            noPadding
            deepLink={
              portfolioPath
                ? {
                    title: 'Every figure in the portfolio',
                    link: `${portfolioPath}?owner=${encodeURIComponent(
                      ownerName(ref),
                    )}`,
                  }
                : undefined
            }
          >
            <PortfolioTable entries={value} compact />
          </InfoCard>
        ) : (
          <InfoCard title="System products owned">
            <Typography variant="body2">
              {entity.metadata.title ?? entity.metadata.name} owns no system
              product yet. Every System it owns is one; other entities opt in
              with a system-product/ annotation.
            </Typography>
          </InfoCard>
        )
      }
    </AsyncState>
  );
}
