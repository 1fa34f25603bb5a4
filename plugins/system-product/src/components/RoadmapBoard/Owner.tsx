import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ownerRef } from '../../format';

/** An owner: a link to the group or user, or the text as typed. */
export function Owner(props: { owner: string }) {
  const ref = ownerRef(props.owner);
  return ref ? (
    <EntityRefLink entityRef={ref} defaultKind="group" />
  ) : (
    <>{props.owner}</>
  );
}
