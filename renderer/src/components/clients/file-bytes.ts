import { DOCUMENT_MIME_TYPES } from '../../api/core';

export type DocumentMime = (typeof DOCUMENT_MIME_TYPES)[number];

const BY_EXTENSION: Record<string, DocumentMime> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

/** The accepted type of a chosen file, by its declared type or, when the OS gives none, its extension. */
export function documentMime(file: File): DocumentMime | null {
  if ((DOCUMENT_MIME_TYPES as readonly string[]).includes(file.type)) return file.type as DocumentMime;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return BY_EXTENSION[ext] ?? null;
}

/** Base64 without data: prefix, in chunks (String.fromCharCode on megabytes at once overflows the stack). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBlob(base64: string, mime: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

/** 1,2 MB / 830 KB, German decimal comma. */
export function formatSize(bytes: number, language: string): string {
  const f = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${f.format(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${f.format(bytes / 1024)} KB`;
  return `${bytes} B`;
}
