import { previewAccessReport, writeAccessReport } from '../../domain/data-subject/access-report';
import type { HandlerMap } from './handler-types';

type DataSubjectMethod = 'dataSubject.accessPreview' | 'dataSubject.accessReport';

/** The Art. 15 report; the role gate passed in the dispatcher, the file's office is checked by the service. */
export const dataSubjectHandlers: HandlerMap<DataSubjectMethod> = {
  'dataSubject.accessPreview': (i, ctx) => previewAccessReport(ctx, i.clientId),
  'dataSubject.accessReport': (i, ctx) => writeAccessReport(ctx, i),
};
