/** Why a file read from the sync share was refused. */
export type WireErrorReason = 'malformed' | 'tooLarge' | 'unsupportedVersion' | 'badSignature' | 'tampered';

/**
 * A refused sync file (bundle or signed record). Messages name the fault, never content, because the file may come
 * from anyone who can write to the share and end up in logs.
 */
export class WireError extends Error {
  constructor(
    readonly reason: WireErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'WireError';
  }
}
