import { ApiError, type api, type Res } from '../api.js';
import { lang } from '../i18n.js';

/** What the import answers (the route's own type). */
export type ImportResultDto = Res<(typeof api.api.tthc)['import']['$post']>;

/**
 * Sends the file list with XMLHttpRequest rather than the typed client: fetch cannot report an
 * upload's progress, and a list of 100 000 files takes a while on an office's connection.
 * `onProgress` gets the share sent (0–1), then null while the server checks and writes.
 */
export function uploadFileList(
  file: File,
  onProgress: (sent: number | null) => void,
): Promise<ImportResultDto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/tthc/import');
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept-language', lang.value);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress(null);
    xhr.onerror = () =>
      reject(new ApiError(0, 'network', 'Mất kết nối khi tải tệp lên. Vui lòng thử lại.'));
    xhr.onload = () => {
      const body = xhr.response as
        ImportResultDto | { error?: { code?: string; message?: string; details?: unknown } } | null;
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body as ImportResultDto);
      else {
        const err = (body as { error?: { code?: string; message?: string; details?: unknown } })
          ?.error;
        reject(
          new ApiError(
            xhr.status,
            err?.code ?? 'error',
            err?.message ?? `Lỗi ${xhr.status}`,
            err?.details,
          ),
        );
      }
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
