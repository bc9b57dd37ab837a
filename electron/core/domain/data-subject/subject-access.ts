import { AppError } from '../../contract/errors';
import { AccessDenied } from '../access/access-denied';
import { ClientEntity, type Client } from '../clients/client-entities';
import type { ServiceContext } from '../service-context';

/**
 * The one access rule of the Art. 15 report, beyond the role gate (DATA_SUBJECT_ROLES, contract/data-subject-domain.ts):
 * the file must be kept by the caller's own office. The keeping office is the controller that answers the request;
 * a copy received from another office by consent is answered there. This is what lets Datenschutz, which sees no
 * client data otherwise, read one file for this one purpose; the refusal is audited under the person's file.
 */
export async function requireKeptFile(ctx: ServiceContext, clientId: string): Promise<Client> {
  const client = await ctx.tx.findOneBy(ClientEntity, { id: clientId });
  if (!client) throw new AppError('record.notFound', { entity: 'client' });
  if (client.office !== ctx.user.office) throw new AccessDenied('keptElsewhere', { entity: 'client', entityId: clientId, fields: ['art15-report'] });
  return client;
}
