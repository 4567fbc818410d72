import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ContactSummary, RenderedTemplate, TemplatePreviewRequest } from '@klarkonform/shared/ui';
import { useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { ContactPicker } from '../pipeline/ContactPicker';
import type { TemplateDraft } from './template-form';
import { useTemplatesText } from './useTemplatesText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  mail: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  label: { color: tokens.colorNeutralForeground2 },
  body: { '& p': { margin: `0 0 ${tokens.spacingVerticalS}` }, '& a': { color: tokens.colorBrandForegroundLink } },
  secondary: { color: tokens.colorNeutralForeground2 },
});

interface Shown {
  rendered: RenderedTemplate;
  /** The request it answered: a later change of the draft makes it stale. */
  request: string;
  contactName: string | undefined;
}

// "Vorschau": the unsaved draft filled for a chosen contact (the opportunities' contact picker)
// or the sample person (POST /templates/preview), as the recipient will see it, and which
// placeholders had no value for that contact.
export function TemplatePreview({ draft }: { draft: TemplateDraft }) {
  const styles = useStyles();
  const { mt } = useTemplatesText();
  const { api } = useServices();
  const [contact, setContact] = useState<ContactSummary | undefined>();
  const [shown, setShown] = useState<Shown | undefined>();
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  const body: TemplatePreviewRequest = {
    subject: draft.subject,
    bodyHtml: draft.bodyHtml,
    language: draft.language,
    ...(draft.purpose ? { purpose: draft.purpose } : {}),
    ...(contact ? { contactId: contact.id } : {}),
  };
  const request = JSON.stringify(body);

  const show = async () => {
    setLoading(true);
    setFailure(undefined);
    try {
      const rendered = await api.previewTemplate(body);
      setShown({ rendered, request, contactName: contact?.displayName });
    } catch (error) {
      setShown(undefined);
      setFailure(error);
    } finally {
      setLoading(false);
    }
  };

  const empty = shown?.rendered.emptyPlaceholders ?? [];
  return (
    <section className={styles.root} aria-labelledby="template-preview-heading">
      <h3 id="template-preview-heading" className={styles.heading}>
        {mt('preview.heading')}
      </h3>
      <ContactPicker
        picked={contact}
        onPick={setContact}
        label={mt('preview.contact')}
        hint={mt('preview.contactHint')}
        required={false}
      />
      <div className={styles.actions}>
        <Button onClick={() => void show()} disabled={loading}>
          {mt('preview.show')}
        </Button>
        <Text role="status" className={styles.secondary}>
          {loading ? mt('preview.loading') : shown && shown.request !== request ? mt('preview.stale') : ''}
        </Text>
      </div>
      {failure !== undefined && <ProblemBar error={failure} onDismiss={() => setFailure(undefined)} />}
      {shown && (
        <div className={styles.mail} data-testid="template-preview">
          <Text>{shown.contactName ? mt('preview.for', { name: shown.contactName }) : mt('preview.sample')}</Text>
          <Text size={200} className={styles.label}>
            {mt('preview.subject')}
          </Text>
          <Text weight="semibold">{shown.rendered.subject}</Text>
          <Text size={200} className={styles.label}>
            {mt('preview.body')}
          </Text>
          {/* The API's answer only: it sanitised the template and escaped every filled-in value. */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised HTML (template.schema.ts RenderedTemplate) */}
          <div className={styles.body} dangerouslySetInnerHTML={{ __html: shown.rendered.bodyHtml }} />
          {empty.length > 0 && (
            <Text className={styles.secondary}>
              {mt('preview.empty', { names: empty.map((name) => mt(`short.${name}`)).join(', ') })}
            </Text>
          )}
        </div>
      )}
    </section>
  );
}
