import { Button, makeStyles, Spinner, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { SectionHeader } from '../../shell/SectionHeader';
import { usePermissions } from '../../shell/usePermissions';
import { SendCheckSettingsView } from './SendCheckSettingsView';
import { TemplateEditor } from './TemplateEditor';
import { TemplateList } from './TemplateList';
import { useTemplates } from './useTemplates';
import type { EditorTarget } from './useTemplateEditor';
import { useTemplatesText } from './useTemplatesText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  views: { overflowX: 'auto' },
});

type View = 'list' | 'sendCheck';

// "Vorlagen": the tenant's templates, the editor in a drawer, and for admins the
// "Versandprüfung" settings of the send-time consent check.
export function TemplatesView({ compact }: { compact: boolean }) {
  const styles = useStyles();
  const { mt } = useTemplatesText();
  const can = usePermissions();
  const templates = useTemplates();
  const [view, setView] = useState<View>('list');
  const [editing, setEditing] = useState<EditorTarget | undefined>();
  const [notice, setNotice] = useState('');
  const admin = can('admin');
  const shown: View = admin ? view : 'list';

  const count = templates.items.length;
  return (
    <section className={styles.root} aria-labelledby="templates-heading">
      <SectionHeader
        id="templates-heading"
        title={mt('templates.heading')}
        intro={compact ? undefined : mt('templates.intro')}
      />
      {admin && (
        <TabList
          className={styles.views}
          aria-label={mt('templates.views')}
          size="small"
          selectedValue={shown}
          onTabSelect={(_event, data) => setView(data.value as View)}
        >
          <Tab value="list" id="templates-view-list">
            {mt('templates.all')}
          </Tab>
          <Tab value="sendCheck" id="templates-view-send-check">
            {mt('templates.sendCheck')}
          </Tab>
        </TabList>
      )}
      {shown === 'sendCheck' ? (
        <div role="tabpanel" aria-labelledby="templates-view-send-check">
          <SendCheckSettingsView onSaved={templates.reload} />
        </div>
      ) : (
        <div className={styles.root} {...(admin ? { role: 'tabpanel', 'aria-labelledby': 'templates-view-list' } : {})}>
          <div className={styles.toolbar}>
            <Text role="status">
              {templates.loading && count === 0
                ? mt('templates.loading')
                : notice || (count === 1 ? mt('templates.countOne') : mt('templates.count', { count }))}
            </Text>
            <Button appearance="primary" icon={<AddRegular />} onClick={() => setEditing({ kind: 'new' })}>
              {mt('templates.new')}
            </Button>
          </div>
          {templates.error !== undefined && <ProblemBar error={templates.error} onRetry={templates.reload} />}
          {templates.loading && count === 0 && <Spinner size="small" />}
          {!templates.loading && templates.error === undefined && count === 0 && <Text>{mt('templates.empty')}</Text>}
          <TemplateList
            items={templates.items}
            checkEnabled={templates.checkEnabled}
            onOpen={(template) => {
              setNotice('');
              setEditing({ kind: 'edit', id: template.id });
            }}
          />
        </div>
      )}
      <TemplateEditor
        target={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setNotice('');
          templates.reload();
        }}
        onDeleted={(name) => {
          setEditing(undefined);
          setNotice(mt('templates.deleted', { name }));
          templates.reload();
        }}
      />
    </section>
  );
}
