import { EntitySchema } from 'typeorm';

/** A structural finding (migration 0015): no personal data, no link to a case or client. */
export interface StructuralFinding {
  id: string;
  office: string;
  area: string;
  barrier: string;
  partnerId: string | null;
  partnerKind: string | null;
  description: string;
  observedIn: string;
  recordedBy: string;
  withdrawnAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const StructuralFindingEntity = new EntitySchema<StructuralFinding>({
  name: 'StructuralFinding',
  tableName: 'structural_finding',
  columns: {
    id: { type: 'text', primary: true },
    office: { type: 'text' },
    area: { type: 'text' },
    barrier: { type: 'text' },
    partnerId: { type: 'text', name: 'partner_id', nullable: true },
    partnerKind: { type: 'text', name: 'partner_kind', nullable: true },
    description: { type: 'text' },
    observedIn: { type: 'text', name: 'observed_in' },
    recordedBy: { type: 'text', name: 'recorded_by' },
    withdrawnAt: { type: 'text', name: 'withdrawn_at', nullable: true },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
    version: { type: 'integer' },
  },
});
