import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { userRef } from '../../format';

/**
 * Who saved a version of the canvas: a link to the user, or the name of the
 * service that saved it (a service has no catalog page).
 */
export function ChangedBy(props: { principal: string }) {
  const user = userRef(props.principal);
  return user ? <EntityRefLink entityRef={user} /> : <>{props.principal}</>;
}
