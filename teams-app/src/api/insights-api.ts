import {
  ApiError,
  type Contact,
  type ContactSummary,
  type DuplicateCandidate,
  type Language,
  NetworkError,
  type QualityFinding,
} from '@klarkonform/shared/ui';

// The data-care endpoints the shared typed client does not cover yet (quality worklist,
// duplicate groups, merge, findings of one contact). Same conventions as the shared client:
// bearer token, Accept-Language, problem+json errors as `ApiError`, one retry on 401.
// TODO(shared): move these four calls into shared/src/http/api-client.ts.

export interface WorklistItem {
  contact: ContactSummary;
  findings: QualityFinding[];
}

export interface WorklistPage {
  items: WorklistItem[];
  nextCursor: string | null;
}

export interface DuplicateGroup {
  contacts: ContactSummary[];
  score: number;
  reasons: DuplicateCandidate['reasons'];
}

interface Options {
  getToken: (options: { forceRefresh: boolean }) => Promise<string>;
  language: () => Language;
}

export function createInsightsApi({ getToken, language }: Options) {
  async function call<T>(path: string, body?: unknown, forceRefresh = false): Promise<T> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'accept-language': language(),
      authorization: `Bearer ${await getToken({ forceRefresh })}`,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`/api/v1${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (err) {
      throw new NetworkError(err);
    }
    if (response.status === 401 && !forceRefresh) return call<T>(path, body, true);
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const problem = typeof parsed === 'object' && parsed !== null ? parsed : undefined;
      throw new ApiError(
        response.status,
        problem as ConstructorParameters<typeof ApiError>[1],
        `HTTP ${response.status}`,
      );
    }
    return parsed as T;
  }

  return {
    worklist(limit: number, cursor?: string | null): Promise<WorklistPage> {
      const query = new URLSearchParams({ limit: String(limit) });
      if (cursor) query.set('cursor', cursor);
      return call<WorklistPage>(`/quality/worklist?${query}`);
    },
    async duplicateGroups(): Promise<DuplicateGroup[]> {
      return (await call<{ groups: DuplicateGroup[] }>('/duplicates')).groups;
    },
    merge: (survivorId: string, duplicateId: string) => call<Contact>('/contacts/merge', { survivorId, duplicateId }),
    async contactQuality(contactId: string): Promise<QualityFinding[]> {
      return (await call<{ findings: QualityFinding[] }>(`/contacts/${encodeURIComponent(contactId)}/quality`))
        .findings;
    },
  };
}

export type InsightsApi = ReturnType<typeof createInsightsApi>;
