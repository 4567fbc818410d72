import { Button, Field, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { Import } from '@klarkonform/shared';
import { ApiError } from '@klarkonform/shared/ui';
import { type FormEvent, useRef, useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { ACCEPTED_FILES, fileProblemOf, MAX_FILE_BYTES, MAX_FILE_ROWS } from './import-model';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  // The browser's own file input: reachable with Tab, opened with Enter or Space, read out with its label.
  input: {
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    maxWidth: '100%',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  formats: { color: tokens.colorNeutralForeground2, margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * Answers about the file itself: the upload's only input is the file, so a refusal (400 empty,
 * encrypted, .xls, no header, too many rows; 413 too large; 415 type) is shown at the file field.
 */
const FILE_STATUSES = new Set([400, 413, 415, 422]);

// Step "Datei": choose a CSV, Excel or vCard file; what can be told from its name and size is
// said at once, everything else (encrypted, no header row, too many rows) by the API, at the field.
export function FileStep({ onUploaded }: { onUploaded: (imp: Import) => void }) {
  const styles = useStyles();
  const { xt, count } = useImportExportText();
  const { api } = useServices();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [uploading, setUploading] = useState(false);
  const limits = { mb: count(MAX_FILE_BYTES / 1024 / 1024), rows: count(MAX_FILE_ROWS) };

  const check = (picked: File | undefined): string | undefined => {
    if (!picked) return xt('file.required');
    const problem = fileProblemOf(picked);
    return problem ? xt(`file.problem.${problem}`, limits) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = check(file);
    setMessage(problem);
    setFailure(undefined);
    if (problem || !file) {
      input.current?.focus();
      return;
    }
    setUploading(true);
    try {
      onUploaded(await api.uploadImport(file, file.name));
    } catch (error) {
      if (error instanceof ApiError && FILE_STATUSES.has(error.status)) {
        setMessage(
          error.problem?.detail ?? (error.status === 413 ? xt('file.problem.tooLarge', limits) : error.message),
        );
        input.current?.focus();
      } else {
        setFailure(error);
      }
    } finally {
      setUploading(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate aria-label={xt('file.form')}>
      <Text>{xt('file.intro')}</Text>
      <ul className={styles.formats}>
        <li>{xt('file.csv')}</li>
        <li>{xt('file.xlsx')}</li>
        <li>{xt('file.vcard')}</li>
      </ul>
      <Field label={xt('file.label')} hint={xt('file.hint', limits)} validationMessage={message} required>
        {(control) => (
          <input
            {...control}
            ref={input}
            type="file"
            accept={ACCEPTED_FILES}
            className={styles.input}
            disabled={uploading}
            onChange={(event) => {
              const picked = event.target.files?.[0];
              setFile(picked);
              setFailure(undefined);
              setMessage(picked ? check(picked) : undefined);
            }}
          />
        )}
      </Field>
      {failure !== undefined && <ProblemBar error={failure} onDismiss={() => setFailure(undefined)} />}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabledFocusable={uploading}>
          {xt('file.upload')}
        </Button>
        {uploading && <Spinner size="tiny" label={xt('file.uploading')} />}
      </div>
    </form>
  );
}
