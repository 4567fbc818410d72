import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { DemoMailItem, DemoPerson } from '@klarkonform/shared/ui';
import { Fragment } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL },
  heading: { margin: 0 },
  meta: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  body: { whiteSpace: 'pre-wrap', margin: 0, paddingTop: tokens.spacingVerticalM, fontFamily: tokens.fontFamilyBase },
});

const people = (list: readonly DemoPerson[]) => list.map((p) => `${p.name} <${p.email}>`).join('; ');

export function ReadingPane({ item, texts }: { item: DemoMailItem; texts: Record<string, string> }) {
  const styles = useStyles();
  const rows: Array<[string, string]> =
    item.kind === 'message'
      ? [
          [texts.from ?? '', item.from ? people([item.from]) : ''],
          [texts.to ?? '', people(item.to)],
          [texts.cc ?? '', people(item.cc)],
        ]
      : [
          [texts.organizer ?? '', item.organizer ? people([item.organizer]) : ''],
          [texts.attendees ?? '', people([...item.requiredAttendees, ...item.optionalAttendees])],
        ];
  return (
    <article className={styles.root} aria-label={item.subject}>
      <Text as="h2" size={500} weight="semibold" className={styles.heading}>
        {item.subject}
      </Text>
      <dl className={styles.meta}>
        {rows
          .filter(([, value]) => value)
          .map(([term, value]) => (
            <Fragment key={term}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </Fragment>
          ))}
      </dl>
      <p className={styles.body}>{item.preview}</p>
    </article>
  );
}
