import { Field, Input, makeStyles, Radio, RadioGroup, Spinner, Text, tokens } from '@fluentui/react-components';
import type { TemplatePlaceholder } from '@klarkonform/shared/ui';
import { lazy, Suspense, useRef, useState } from 'react';
import { PlaceholderMenu } from './PlaceholderMenu';
import type { RichTextHandle } from './RichTextEditor';
import { type DraftErrors, insertAt, LANGUAGES, PURPOSES, placeholderToken, type TemplateDraft } from './template-form';
import { useTemplatesText } from './useTemplatesText';

// TipTap and ProseMirror load when an editor opens, not with the section.
const RichTextEditor = lazy(() => import('./RichTextEditor').then((m) => ({ default: m.RichTextEditor })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  radioLabel: { display: 'flex', flexDirection: 'column' },
  hint: { color: tokens.colorNeutralForeground2 },
  languages: { display: 'flex', flexWrap: 'wrap' },
  placeholders: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface TemplateFieldsProps {
  draft: TemplateDraft;
  errors: DraftErrors;
  resetKey: string;
  disabled: boolean;
  onChange: (change: Partial<TemplateDraft>) => void;
}

type Target = 'subject' | 'body';

// Name, Zweck (with what each purpose means), Sprache, Betreff and the rich-text body; "Platzhalter
// einfügen" puts `{{…}}` at the cursor of the subject or the body, whichever had the focus last.
export function TemplateFields({ draft, errors, resetKey, disabled, onChange }: TemplateFieldsProps) {
  const styles = useStyles();
  const { mt, purposeName, languageName } = useTemplatesText();
  const [target, setTarget] = useState<Target>('body');
  const subject = useRef<HTMLInputElement>(null);
  const body = useRef<RichTextHandle>(null);

  const insert = (placeholder: TemplatePlaceholder) => {
    const token = placeholderToken(placeholder);
    if (target === 'body') {
      // After the menu has handed the focus back to its button.
      setTimeout(() => body.current?.insertText(token), 0);
      return;
    }
    const input = subject.current;
    const start = input?.selectionStart ?? draft.subject.length;
    const end = input?.selectionEnd ?? start;
    const next = insertAt(draft.subject, start, end, token);
    onChange({ subject: next.text });
    setTimeout(() => {
      input?.focus();
      input?.setSelectionRange(next.caret, next.caret);
    }, 0);
  };

  return (
    <div className={styles.root}>
      <Field label={mt('field.name')} required validationMessage={errors.name}>
        <Input value={draft.name} disabled={disabled} onChange={(_event, data) => onChange({ name: data.value })} />
      </Field>
      <Field label={mt('field.purpose')} required validationMessage={errors.purpose}>
        <RadioGroup
          value={draft.purpose}
          disabled={disabled}
          onChange={(_event, data) => onChange({ purpose: data.value as TemplateDraft['purpose'] })}
        >
          {PURPOSES.map((purpose) => (
            <Radio
              key={purpose}
              value={purpose}
              label={
                <span className={styles.radioLabel}>
                  <span>{purposeName(purpose)}</span>
                  <Text size={200} className={styles.hint}>
                    {mt(`purpose.${purpose}Hint`)}
                  </Text>
                </span>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <Field label={mt('field.language')} hint={mt('field.languageHint')} validationMessage={errors.language}>
        <RadioGroup
          layout="horizontal"
          className={styles.languages}
          value={draft.language}
          disabled={disabled}
          onChange={(_event, data) => onChange({ language: data.value as TemplateDraft['language'] })}
        >
          {LANGUAGES.map((value) => (
            <Radio key={value} value={value} label={languageName(value)} lang={value} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.placeholders}>
        <PlaceholderMenu
          targetLabel={target === 'body' ? mt('field.body') : mt('field.subject')}
          disabled={disabled}
          onInsert={insert}
        />
      </div>
      <Field label={mt('field.subject')} validationMessage={errors.subject}>
        <Input
          ref={subject}
          value={draft.subject}
          disabled={disabled}
          onFocus={() => setTarget('subject')}
          onChange={(_event, data) => onChange({ subject: data.value })}
        />
      </Field>
      <Field label={mt('field.body')} validationMessage={errors.bodyHtml}>
        {(fieldProps) => (
          <Suspense fallback={<Spinner size="tiny" label={mt('editor.loadingEditor')} />}>
            <RichTextEditor
              value={draft.bodyHtml}
              resetKey={resetKey}
              fieldProps={fieldProps}
              invalid={errors.bodyHtml !== undefined}
              disabled={disabled}
              onChange={(html) => onChange({ bodyHtml: html })}
              onFocus={() => setTarget('body')}
              handleRef={body}
            />
          </Suspense>
        )}
      </Field>
    </div>
  );
}
