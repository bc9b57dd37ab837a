/** The offices (Dienststellen) a KIM-Akte workstation can belong to. */
export const OFFICES = ['lunen', 'werne', 'selm', 'abh-lunen'] as const;
export type Office = (typeof OFFICES)[number];

/** Roles; the foundation knows the administrator, the access issue adds the rest of the matrix. */
export const ROLES = ['it-admin', 'fallmanagement', 'abh', 'koordination', 'verwaltung', 'datenschutz'] as const;
export type Role = (typeof ROLES)[number];
