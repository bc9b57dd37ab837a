import { WireError } from './wire-error';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes canonical base64 only. Buffer.from(…, 'base64') skips junk silently, which would let many texts stand for
 * the same bytes; on the wire every field has exactly one spelling.
 */
export function decodeBase64(text: string, field: string, expectedBytes?: number): Buffer {
  if (!BASE64.test(text)) throw new WireError('malformed', `${field} is not base64`);
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) throw new WireError('malformed', `${field} is not canonical base64`);
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) {
    throw new WireError('malformed', `${field} must be ${expectedBytes} bytes`);
  }
  return bytes;
}

/** Decodes UTF-8 strictly: invalid sequences are refused instead of being replaced by U+FFFD. */
export function decodeUtf8(bytes: Uint8Array, field: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new WireError('malformed', `${field} is not UTF-8`);
  }
}
