import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useOpenSection } from '../../shell/navigation';
import { ProblemBar } from '../../shell/ProblemBar';
import { ContactDrawer } from '../contact/ContactDrawer';
import type { ContactTarget } from '../contact/load-card';
import { MirrorCountTiles } from './MirrorCountTiles';
import { MirrorErrorList } from './MirrorErrorList';
import { MirrorProblemBar } from './MirrorProblemBar';
import { MirrorRunPanel } from './MirrorRunPanel';
import { MirrorTargetList } from './MirrorTargetList';
import type { MirrorStatusState } from './useMirrorStatus';
import { useMirrorText } from './useMirrorText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
});

export interface MirrorOverviewProps {
  state: MirrorStatusState;
  onOpenSettings: () => void;
}

// "Übersicht": what stops the sync (server not set up, switched off, the tenant's problem), the
// counts per status, the last and next run with "Jetzt synchronisieren", every target mailbox
// with its problem, and the contacts in error (each opens in the drawer).
export function MirrorOverview({ state, onOpenSettings }: MirrorOverviewProps) {
  const styles = useStyles();
  const { mt } = useMirrorText();
  const openSection = useOpenSection();
  const [open, setOpen] = useState<ContactTarget | undefined>();
  const { status, error, refresh } = state;

  if (!status) {
    return error !== undefined ? (
      <ProblemBar error={error} onRetry={() => void refresh()} />
    ) : (
      <Spinner size="small" label={mt('mirror.loading')} />
    );
  }
  // The tenant's own "not configured" problem says what the bar below already says.
  const problem = status.problem && !(status.problem.code === 'notConfigured' && !status.configured);

  return (
    <div className={styles.root}>
      {error !== undefined && <ProblemBar error={error} onRetry={() => void refresh()} />}
      {!status.configured && (
        <MessageBar intent="warning" layout="multiline" data-testid="mirror-not-configured">
          <MessageBarBody>
            <MessageBarTitle>{mt('notConfigured.title')}</MessageBarTitle>
            {mt('notConfigured.text')}
          </MessageBarBody>
        </MessageBar>
      )}
      {status.configured && !status.enabled && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{mt('disabled.title')}</MessageBarTitle>
            {mt('disabled.text')}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onOpenSettings}>{mt('disabled.open')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {problem && status.problem && <MirrorProblemBar problem={status.problem} />}
      <MirrorCountTiles counts={status.counts} />
      <MirrorRunPanel
        status={status}
        phase={state.phase}
        busy={state.busy}
        runError={state.runError}
        fetchedAt={state.fetchedAt}
        onRun={() => void state.runNow()}
        onRefresh={() => void refresh()}
      />
      <section className={styles.part} aria-labelledby="mirror-targets-heading">
        <Text as="h3" id="mirror-targets-heading" size={400} weight="semibold" className={styles.heading}>
          {mt('targets.heading')}
        </Text>
        <MirrorTargetList targets={status.targets} />
      </section>
      <section className={styles.part} aria-labelledby="mirror-errors-heading">
        <Text as="h3" id="mirror-errors-heading" size={400} weight="semibold" className={styles.heading}>
          {mt('errors.heading')}
        </Text>
        <MirrorErrorList errors={status.errors} count={status.counts.error} onOpen={(id) => setOpen({ id })} />
        {status.reviewCount > 0 && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              {status.reviewCount === 1 ? mt('review.pendingOne') : mt('review.pending', { count: status.reviewCount })}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => openSection('dataCare')}>{mt('review.open')}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </section>
      <ContactDrawer target={open} onClose={() => setOpen(undefined)} onChanged={() => void refresh()} />
    </div>
  );
}
