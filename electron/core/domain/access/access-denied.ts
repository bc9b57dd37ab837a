import { AppError } from '../../contract/errors';

/**
 * Why access was refused: the role sees no client data (or not this category), the file belongs to another office without a consent
 * for the caller, the consent does not cover the category, or the caller may only read.
 */
/** `directoryRole`: the role may not do this in the partner directory (partner-domain.ts). */
/** `restricted`: processing of the file is restricted (Art. 18); only Datenschutz can lift it. */
/** `keptElsewhere`: the Art. 15 report is written only by the office that keeps the file (data-subject area). */
export type DenialReason = 'role' | 'roleCategory' | 'scope' | 'category' | 'readOnly' | 'directoryRole' | 'keptElsewhere' | 'restricted';

/**
 * A refused call; the dispatcher writes it to the audit trail. `record` names the client file (so the data
 * protection officer finds it under the person) and what of it was asked for.
 */
export class AccessDenied extends AppError {
  constructor(
    reason: DenialReason,
    readonly record: { entity: 'client'; entityId: string; fields: string[] } | null = null,
  ) {
    super('permission.denied', { reason });
  }
}
