import { vi } from 'vitest';

/** jsdom's Blob has no text(); FileReader it does have. */
const readText = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });

/**
 * Catches what `downloadFile` saves (jsdom cannot navigate to a blob: URL): the file names and
 * contents, in order. Call `restore()` after the test.
 */
export function captureDownloads() {
  const { createObjectURL, revokeObjectURL } = URL;
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:download-${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return {
    count: () => click.mock.calls.length,
    fileName: (index: number) => (click.mock.contexts[index] as HTMLAnchorElement).download,
    text: (index: number) => readText(blobs[index]!),
    restore: () => {
      click.mockRestore();
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
    },
  };
}
