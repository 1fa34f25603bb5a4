import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { AsyncState } from '../AsyncState';
import { PortfolioTable } from '../PortfolioTable';

/** For group pages: the system products the group owns, with their figures. */
export function TeamCard() {
  const { entity } = useEntity();
  const api = useApi(systemProductApiRef);
  const owner = stringifyEntityRef(entity);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getPortfolio({ owner }),
    [api, owner],
  );
  return (
    <AsyncState
      loading={loading}
      error={error}
      retry={retry}
      what="system products"
    >
      {() =>
        value && value.length > 0 ? (
          <PortfolioTable entries={value} title="System products owned" />
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
