import path from 'node:path';
import { allowedDocumentExtensions } from './documents.schemas.js';

/**
 * File and folder names as SharePoint accepts them: `/ \ : * ? " < > |` and control characters
 * become "_", leading dots and trailing dots or spaces go, and the name keeps its extension
 * within SharePoint's length limits.
 */
export function safeName(raw: string, fallback = 'file'): string {
  let name = raw
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .replace(/\s+/g, ' ');
  if (!name.replace(/_/g, '')) name = fallback;
  if (name.length > 200) {
    const ext = path.extname(name).slice(0, 20);
    name = name.slice(0, 200 - ext.length).trimEnd() + ext;
  }
  return name || fallback;
}

/** `<client name> (<short id>)`: the last 8 hex digits of the UUIDv7, its random part. */
export function folderName(name: string, id: string): string {
  return `${safeName(name, 'client').slice(0, 180)} (${id.replace(/-/g, '').slice(-8)})`;
}

/** "offer.pdf" → "offer (2).pdf", "offer (3).pdf" … */
export function numberedName(name: string, n: number): string {
  if (n < 2) return name;
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)} (${n})${ext}`;
}

export const extensionOf = (name: string) => path.extname(name).slice(1).toLowerCase();

const allowedExtensions = new Set<string>(allowedDocumentExtensions);
export const isAllowedExtension = (name: string) => allowedExtensions.has(extensionOf(name));

/** Content types a browser may send for allowed files; anything naming a program is refused. */
const executableTypes = /(x-msdownload|x-msdos-program|x-executable|x-dosexec|x-sh|x-csh|x-bat|x-msi|x-ms-installer|java-archive|x-elf|vnd\.microsoft\.portable-executable|x-apple-diskimage|javascript|ecmascript|x-powershell|hta)/i;
export const isExecutableType = (contentType: string) => executableTypes.test(contentType);

/** Windows PE ("MZ"), ELF and Mach-O headers: programs renamed to look like documents. */
export function looksExecutable(head: Buffer): boolean {
  if (head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a) return true;
  if (head.length >= 4 && head.readUInt32BE(0) === 0x7f454c46) return true;
  if (head.length >= 4 && [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(head.readUInt32BE(0))) return true;
  return head.length >= 2 && head[0] === 0x23 && head[1] === 0x21; // "#!" scripts
}
