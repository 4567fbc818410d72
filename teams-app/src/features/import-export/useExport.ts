import type { ExportRequest } from '@klarkonform/shared';
import { useState } from 'react';
import { useServices } from '../../shell/services';
import { saveBlob } from './download';

export interface ExportDone {
  /** Contacts in the file (x-export-count). */
  count: number;
  fileName: string;
}

/** Runs an export (POST /exports) and hands the file to the browser as a download. */
export function useExport() {
  const { api } = useServices();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [done, setDone] = useState<ExportDone | undefined>();

  async function run(request: ExportRequest): Promise<boolean> {
    setBusy(true);
    setFailure(undefined);
    setDone(undefined);
    try {
      const file = await api.exportContacts(request);
      saveBlob(file.blob, file.fileName);
      setDone({ count: file.count ?? 0, fileName: file.fileName });
      return true;
    } catch (error) {
      setFailure(error);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, failure, done, run, clear: () => setFailure(undefined) };
}
