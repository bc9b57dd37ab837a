import type { LifeArea } from '../case-domain';
import type { BarrierKind } from '../finding-domain';
import type { Office } from '../offices';
import type { PartnerKind } from '../partner-domain';

/** A structural finding as lists show it: no author for Koordination, only whether it is the caller's own. */
export interface FindingView {
  id: string;
  office: Office;
  area: LifeArea;
  barrier: BarrierKind;
  partnerId: string | null;
  /** The partner's name from the directory (null when no partner, or the partner is not in this vault's directory). */
  partnerName: string | null;
  partnerKind: PartnerKind | null;
  description: string;
  observedIn: string;
  mine: boolean;
  version: number;
}

export interface FindingCount<K extends string = string> {
  key: K;
  n: number;
}

/** Findings counted and grouped (withdrawn ones left out), for Koordination. */
export interface FindingSummary {
  total: number;
  byArea: FindingCount<LifeArea>[];
  byBarrier: FindingCount<BarrierKind>[];
  byPartnerKind: FindingCount<PartnerKind>[];
  byPartner: { partnerId: string; partnerName: string | null; n: number }[];
  byOffice: FindingCount<Office>[];
  /** YYYY-Qn */
  byQuarter: FindingCount[];
  areaByBarrier: { area: LifeArea; barrier: BarrierKind; n: number }[];
}
