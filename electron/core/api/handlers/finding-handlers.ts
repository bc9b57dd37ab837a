import { listFindings, recordFinding, withdrawFinding } from '../../domain/findings/finding-service';
import { summarizeFindings } from '../../domain/findings/finding-summary';
import type { HandlerMap } from './handler-types';

type FindingMethod = 'findings.record' | 'findings.list' | 'findings.summary' | 'findings.withdraw';

/** Structural findings; the dispatcher has checked the role against finding-domain.ts (FINDING_ROLES). */
export const findingHandlers: HandlerMap<FindingMethod> = {
  'findings.record': (i, ctx) => recordFinding(ctx, i),
  'findings.list': (i, ctx) => listFindings(ctx, i),
  'findings.summary': (i, ctx) => summarizeFindings(ctx, i),
  'findings.withdraw': (i, ctx) => withdrawFinding(ctx, i),
};
