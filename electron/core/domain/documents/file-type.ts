import type { DOCUMENT_MIME_TYPES } from '../../contract/case-domain';

export type DocumentMimeType = (typeof DOCUMENT_MIME_TYPES)[number];

/** Magic bytes of the accepted formats; the declared type is never trusted (a renamed .exe must not pass as PDF). */
const SIGNATURES: readonly { mimeType: DocumentMimeType; magic: Buffer }[] = [
  { mimeType: 'application/pdf', magic: Buffer.from('%PDF-', 'latin1') },
  { mimeType: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
  { mimeType: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
];

/** The accepted type the content starts like, or null. */
export function sniffMimeType(bytes: Uint8Array): DocumentMimeType | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const s of SIGNATURES) {
    if (buf.length >= s.magic.length && buf.subarray(0, s.magic.length).equals(s.magic)) return s.mimeType;
  }
  return null;
}
