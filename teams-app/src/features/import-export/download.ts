// Saving a file the API answered (an export, an import's report): the requests carry the
// bearer token, so a plain link cannot fetch them; the bytes come through the typed client
// and are handed to the browser as a download of a temporary object URL.

/** Offers `blob` as a download named `fileName`; the object URL is released after the click. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium reads the URL asynchronously after the click; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
