import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons';
import { type MirrorTargetState, useUiText } from '@klarkonform/shared/ui';
import { useSectionStyles } from '../../shell/section-styles';
import { MirrorProblemBar } from './MirrorProblemBar';
import { useMirrorText } from './useMirrorText';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  mailbox: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  secondary: { color: tokens.colorNeutralForeground2 },
  ok: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

// Per target mailbox: its folder, whether the folder exists yet, when Outlook was last read,
// and its problem with what to do.
export function MirrorTargetList({ targets }: { targets: readonly MirrorTargetState[] }) {
  const styles = { ...useSectionStyles(), ...useStyles() };
  const text = useUiText();
  const { mt } = useMirrorText();
  if (targets.length === 0) return <Text>{mt('targets.none')}</Text>;
  return (
    <ul className={styles.list} aria-label={mt('targets.heading')}>
      {targets.map((target) => (
        <li key={target.mailbox} className={styles.item} data-testid="mirror-target">
          <Text className={styles.mailbox}>{target.mailbox}</Text>
          <Text size={200} className={styles.secondary}>
            {mt('targets.folder', { folder: target.folderName })} ·{' '}
            {mt(target.folderReady ? 'targets.folderReady' : 'targets.folderMissing')}
          </Text>
          {target.lastPulledAt && (
            <Text size={200} className={styles.secondary}>
              {mt('targets.lastPulled', { at: text.dateTime(target.lastPulledAt) })}
            </Text>
          )}
          {target.problem ? (
            <MirrorProblemBar problem={target.problem} />
          ) : (
            <Text size={200} className={styles.ok}>
              <CheckmarkCircleRegular aria-hidden="true" />
              {mt('targets.ok')}
            </Text>
          )}
        </li>
      ))}
    </ul>
  );
}
