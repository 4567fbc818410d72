import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ImportDefaults, ImportSettingsPatch, ImportTarget } from '@klarkonform/shared';
import { useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { ColumnMapping } from './ColumnMapping';
import { DefaultsFields } from './DefaultsFields';
import { FileSettings } from './FileSettings';
import { doubleMapped, mapsAName, parseTags } from './import-model';
import type { ImportJob } from './useImportJob';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const TAG_MAX = 50;

export interface MappingStepProps {
  job: ImportJob;
  onBack: () => void;
  onNext: () => void;
}

// Step "Zuordnung": how the file was read (overridable), what each column becomes, and the values
// for all rows. "Weiter" stores the mapping and values (PATCH) when they changed; the checks the
// tab can make itself (a name column, no field twice) stand at their place first.
export function MappingStep({ job, onBack, onNext }: MappingStepProps) {
  const { imp } = job;
  // A re-read (encoding, delimiter, sheet, preset) brings new columns: the form starts from them.
  const shape = `${imp.encoding}|${imp.delimiter}|${imp.sheet}|${imp.preset}|${imp.columns.map((c) => c.header).join('\u0001')}`;
  return (
    <>
      {/* Outside the keyed form: a re-read keeps the focus on the select that asked for it. */}
      <FileSettings imp={imp} onChange={(patch) => !job.busy && void job.update(patch)} />
      <MappingForm key={shape} job={job} onBack={onBack} onNext={onNext} />
    </>
  );
}

function MappingForm({ job, onBack, onNext }: MappingStepProps) {
  const styles = useStyles();
  const { xt } = useImportExportText();
  const { imp } = job;
  const initialMapping = imp.columns.map((column) => column.target);
  const [mapping, setMapping] = useState<ImportTarget[]>(initialMapping);
  const [defaults, setDefaults] = useState<ImportDefaults>(imp.defaults);
  const [tagsText, setTagsText] = useState(imp.defaults.tags.join(', '));
  const [tried, setTried] = useState(false);

  const doubles = doubleMapped(mapping);
  const noName = !mapsAName(mapping);
  const tags = parseTags(tagsText);
  const tagsError = tags.some((tag) => tag.length > TAG_MAX) ? xt('defaults.tagTooLong', { max: TAG_MAX }) : undefined;
  const invalid = doubles.size > 0 || noName || tagsError !== undefined;

  const next = async () => {
    setTried(true);
    if (invalid) return;
    const patch: ImportSettingsPatch = {};
    if (mapping.some((target, index) => target !== initialMapping[index])) patch.mapping = mapping;
    const wanted: ImportDefaults = { ...defaults, tags };
    if (JSON.stringify(wanted) !== JSON.stringify(imp.defaults)) patch.defaults = wanted;
    if (Object.keys(patch).length === 0 || (await job.update(patch))) onNext();
  };

  return (
    <div className={styles.root}>
      <section className={styles.root} aria-labelledby="import-mapping-heading">
        <h4 id="import-mapping-heading" className={styles.heading}>
          {xt('mapping.heading')}
        </h4>
        <Text>{xt('mapping.intro')}</Text>
        {noName && (
          <MessageBar intent={tried ? 'error' : 'warning'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{xt('mapping.noNameTitle')}</MessageBarTitle>
              {xt('mapping.noName')}
            </MessageBarBody>
          </MessageBar>
        )}
        <ColumnMapping
          columns={imp.columns}
          mapping={mapping}
          doubles={doubles}
          onChange={(index, target) => setMapping((before) => before.map((t, i) => (i === index ? target : t)))}
        />
      </section>
      <DefaultsFields
        defaults={defaults}
        tagsText={tagsText}
        tagsError={tagsError}
        onChange={(change) => setDefaults((before) => ({ ...before, ...change }))}
        onTagsText={setTagsText}
      />
      {job.conflict && (
        <MessageBar intent="warning">
          <MessageBarBody>{xt('job.conflict')}</MessageBarBody>
        </MessageBar>
      )}
      {job.failure !== undefined && <ProblemBar error={job.failure} onDismiss={job.clearFailure} />}
      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={job.busy} onClick={() => void next()}>
          {xt('mapping.next')}
        </Button>
        <Button disabledFocusable={job.busy} onClick={onBack}>
          {xt('mapping.otherFile')}
        </Button>
        {job.busy && <Spinner size="tiny" label={xt('job.saving')} />}
        <Text role="status">{tried && invalid ? xt('mapping.fix') : ''}</Text>
      </div>
    </div>
  );
}
