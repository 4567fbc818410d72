import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled } from '@fluentui/react-icons';
import { IMPORT_STEPS, type ImportStep } from './import-steps';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
  },
  step: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
  },
  number: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '20px',
    height: '20px',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
  },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  currentNumber: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}`,
  },
  done: { color: tokens.colorNeutralForeground2 },
  doneIcon: { color: tokens.colorPaletteGreenForeground1, fontSize: '20px' },
  // Read by screen readers, not shown: the tick says it to the eye.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

// Where the assistant is: Datei → Zuordnung → Vorschau & Prüfung → Import → Ergebnis, the
// current step marked for screen readers (aria-current="step"), the done ones with a tick.
export function ImportSteps({ current }: { current: ImportStep }) {
  const styles = useStyles();
  const { xt } = useImportExportText();
  const at = IMPORT_STEPS.indexOf(current);
  return (
    <ol className={styles.list} aria-label={xt('steps.label')}>
      {IMPORT_STEPS.map((step, index) => {
        const state = index < at ? 'done' : index === at ? 'current' : 'next';
        return (
          <li
            key={step}
            className={mergeClasses(
              styles.step,
              state === 'current' && styles.current,
              state === 'done' && styles.done,
            )}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            {state === 'done' ? (
              <CheckmarkCircleFilled className={styles.doneIcon} aria-hidden />
            ) : (
              <span className={mergeClasses(styles.number, state === 'current' && styles.currentNumber)} aria-hidden>
                {index + 1}
              </span>
            )}
            <Text weight={state === 'current' ? 'semibold' : 'regular'}>
              {xt(`steps.${step}`)}
              {state === 'done' && <span className={styles.hidden}>{` (${xt('steps.done')})`}</span>}
            </Text>
          </li>
        );
      })}
    </ol>
  );
}
