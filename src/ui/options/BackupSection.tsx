// Export the settings to a file, import them back (validated; a bad file changes nothing), reset.
import { useRef, useState } from 'preact/hooks';
import { exportFileName, exportSettings, parseSettingsFile, SETTINGS_FILE_MAX_CHARS } from '../../core/settings-io.js';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings.js';
import { t } from '../../platform/i18n.js';
import { loadPersonalTerms, savePersonalTerms } from '../../platform/personal-terms-store.js';
import { downloadText } from './download.js';
import { importErrorMessage } from './import-messages.js';
import { ResetControl } from './ResetControl.js';
import { Section } from './Section.js';

type Status = { kind: 'ok' | 'error'; text: string } | null;

export function BackupSection({
  settings,
  replace,
}: {
  settings: Settings;
  replace: (settings: Settings) => Promise<boolean>;
}) {
  const [status, setStatus] = useState<Status>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const onExport = async (): Promise<void> => {
    const name = exportFileName();
    const { terms } = await loadPersonalTerms();
    downloadText(exportSettings(settings, new Date(), terms), name);
    setStatus({ kind: 'ok', text: t('optionsExportDone', name) });
  };

  const onFile = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    // Clear the input so that choosing the same file again fires another change.
    input.value = '';
    if (!file) return;
    const refuse = (reason: string): void =>
      setStatus({ kind: 'error', text: t('optionsImportFailed', [file.name, reason]) });
    // Checked before reading: a settings file is small, and reading a huge file would freeze the page.
    if (file.size > SETTINGS_FILE_MAX_CHARS * 4) {
      refuse(t('optionsImportTooLarge'));
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      refuse(t('optionsImportUnreadable'));
      return;
    }
    const result = parseSettingsFile(text);
    if (!result.ok) {
      refuse(importErrorMessage(result.error));
      return;
    }
    if (!(await replace(result.settings))) {
      refuse(t('optionsImportNotSaved'));
      return;
    }
    if (result.personalTerms) await savePersonalTerms(result.personalTerms);
    const done = t('optionsImportDone', file.name);
    setStatus({
      kind: 'ok',
      text: result.ignored.length > 0 ? `${done} ${t('optionsImportIgnored', result.ignored.join(', '))}` : done,
    });
  };

  const onReset = async (): Promise<void> => {
    const ok = await replace({
      ...DEFAULT_SETTINGS,
      disabledTerms: [],
      deniedSites: [],
      allowedSites: [],
    });
    setStatus(ok ? { kind: 'ok', text: t('optionsResetDone') } : { kind: 'error', text: t('optionsResetNotSaved') });
  };

  return (
    <Section id="backup" title={t('optionsBackupHeading')}>
      <p class="hint">{t('optionsBackupIntro')}</p>
      <div class="button-row">
        <button type="button" class="button" onClick={() => void onExport()}>
          {t('optionsExportButton')}
        </button>
        <button type="button" class="button" onClick={() => fileInput.current?.click()}>
          {t('optionsImportButton')}
        </button>
        {/* The native file input is hidden; the button above opens it and names it. */}
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => void onFile(e.currentTarget)}
        />
      </div>
      <p class={`field-message ${status?.kind ?? ''}`} role="status">
        {status?.text ?? ''}
      </p>
      <h3>{t('optionsResetHeading')}</h3>
      <ResetControl onReset={onReset} />
    </Section>
  );
}
