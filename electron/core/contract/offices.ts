/** The offices (Dienststellen) a KIM-Akte workstation can belong to. */
export const OFFICES = ['lunen', 'werne', 'selm', 'abh-lunen'] as const;
export type Office = (typeof OFFICES)[number];

/** Roles; the foundation knows the administrator, the access issue adds the rest of the matrix. */
export const ROLES = ['it-admin', 'fallmanagement', 'abh', 'koordination', 'verwaltung', 'datenschutz'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Postal data of the offices, printed on forms (e.g. where a consent can be revoked). Data, not logic: checked by
 * each office's Datenschutz and changed here when an office moves.
 */
export interface OfficePostal {
  /** The office as printed: the municipality and the unit. */
  name: string;
  unit: string;
  street: string;
  postalCode: string;
  city: string;
}

export const OFFICE_POSTAL: Record<Office, OfficePostal> = {
  lunen: { name: 'Stadt Lünen', unit: 'Kommunales Integrationsmanagement', street: 'Willy-Brandt-Platz 1', postalCode: '44532', city: 'Lünen' },
  werne: { name: 'Stadt Werne', unit: 'Kommunales Integrationsmanagement', street: 'Konrad-Adenauer-Platz 1', postalCode: '59368', city: 'Werne' },
  selm: { name: 'Stadt Selm', unit: 'Kommunales Integrationsmanagement', street: 'Adenauerplatz 2', postalCode: '59379', city: 'Selm' },
  'abh-lunen': { name: 'Stadt Lünen', unit: 'Ausländerbehörde', street: 'Willy-Brandt-Platz 1', postalCode: '44532', city: 'Lünen' },
};
