import { Button, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { type DoubleOptInLink, useUiText } from '@klarkonform/shared/ui';
import { useState } from 'react';
import { usePrivacyText } from './usePrivacyText';

const useStyles = makeStyles({
  doi: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  link: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  linkInput: { flexGrow: 1, minWidth: 0 },
});

// The double opt-in link to put into the mail: shown read-only, with a copy button.
export function DoiLink({ link }: { link: DoubleOptInLink }) {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const { dateTime } = useUiText();
  const [copied, setCopied] = useState(false);
  const label = pt('contact.doiLink', { date: dateTime(link.expiresAt) });
  return (
    <div className={styles.doi}>
      <Text size={200}>{label}</Text>
      <div className={styles.link}>
        <Input className={styles.linkInput} readOnly value={link.url} aria-label={label} />
        <Button
          onClick={() =>
            void navigator.clipboard.writeText(link.url).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {pt('contact.doiCopy')}
        </Button>
      </div>
      <Text size={200} role="status">
        {copied ? pt('contact.doiCopied') : pt('contact.doiHint')}
      </Text>
    </div>
  );
}
