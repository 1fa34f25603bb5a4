import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  AlertConditionState,
  SloAlertPolicy,
  SloNotificationTarget,
} from '@system-product/backstage-plugin-common';
import { Fragment } from 'react';
import { describeBurn } from './describeEvaluation';
import { describeAlertCondition } from './describeSlo';

/** A catalog user or group: the portal notifies those. */
function notifiedRef(target: string): string | undefined {
  try {
    const ref = parseEntityRef(target);
    return ['user', 'group'].includes(ref.kind.toLocaleLowerCase('en-US'))
      ? target
      : undefined;
  } catch {
    return undefined;
  }
}

function Targets(props: { targets: SloNotificationTarget[] }) {
  const { targets } = props;
  const notified = targets.filter(t => notifiedRef(t.target));
  return (
    <Typography variant="body2" component="div">
      →{' '}
      {targets.map((t, i) => (
        <Fragment key={`${t.name}-${i}`}>
          {i > 0 && ', '}
          {notifiedRef(t.target) ? (
            <EntityRefLink entityRef={t.target} />
          ) : (
            <span title={t.description}>{t.target}</span>
          )}
        </Fragment>
      ))}
      {notified.length === 0 &&
        `${
          targets.length > 0 ? ' (no catalog user or group: ' : '('
        }the entity's owner is notified)`}
    </Typography>
  );
}

function whenItAlerts(policy: SloAlertPolicy): string {
  const when = [
    policy.alertWhenBreaching && 'when a condition holds',
    policy.alertWhenResolved && 'when it is resolved',
    policy.alertWhenNoData && 'when there is no data',
  ].filter(Boolean);
  return when.length === 0
    ? 'Sends no alerts: alertWhenBreaching, alertWhenResolved and alertWhenNoData are all off'
    : `Alerts ${when.join(', ')}`;
}

function conditionNow(state: AlertConditionState | undefined): string {
  if (!state) return '';
  if (state.burn === null) return 'now: no data';
  return `now ${describeBurn(state.burn)}, ${
    state.holds ? 'holds' : 'does not hold'
  }`;
}

/**
 * The alert policy in force for an SLO: its OpenSLO alert policies by name
 * with their conditions (and each one's burn rate now) and targets, or the
 * default multiwindow alerts when it names none.
 */
export function AlertPolicyList(props: {
  policies: SloAlertPolicy[] | undefined;
  conditions: AlertConditionState[] | undefined;
}) {
  const { policies = [], conditions = [] } = props;
  if (policies.length === 0) {
    return (
      <Typography variant="body2">
        <strong>Default multiwindow alerts (SRE workbook)</strong>: the owner is
        notified when the SLO turns at risk or breached, from the alert windows
        above.
      </Typography>
    );
  }
  return (
    <>
      {policies.map(policy => (
        <Box key={policy.name} mb={1}>
          <Typography variant="body2">
            <strong>{policy.name}</strong>
            {policy.displayName && ` (${policy.displayName})`}:{' '}
            {whenItAlerts(policy)}
          </Typography>
          {policy.description && (
            <Typography variant="caption" color="textSecondary">
              {policy.description}
            </Typography>
          )}
          <List dense disablePadding>
            {policy.conditions.map((condition, i) => (
              <ListItem key={`${condition.name}-${i}`} disableGutters>
                <ListItemText
                  primary={`${
                    condition.name || `Condition ${i + 1}`
                  }: ${describeAlertCondition(condition)}${
                    condition.severity ? `, severity ${condition.severity}` : ''
                  }`}
                  secondary={conditionNow(
                    conditions.find(
                      c =>
                        c.policy === policy.name &&
                        c.condition === condition.name,
                    ),
                  )}
                />
              </ListItem>
            ))}
          </List>
          <Targets targets={policy.notificationTargets} />
        </Box>
      ))}
    </>
  );
}
