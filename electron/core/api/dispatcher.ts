import type { z } from 'zod';
import { appendAudit } from '../platform/audit/audit-log';
import { forgetAuditHead, syncAuditHead } from '../platform/audit/audit-head';
import { checkpointWal, IDLE_CHECKPOINT_MS, IdleCheckpoint } from '../platform/vault/idle-checkpoint';
import { sqliteReason } from '../platform/vault/sqlcipher';
import { runSessionCall, type CallBasics, type PolicyOrigin, type CaseWorkContext, type LifecycleContext, type ReleasedContext, type UnlockedSession } from './call-context';
import type { VaultLocation } from '../platform/vault/vault';
import { AccessDenied } from '../domain/access/access-denied';
import { enforce } from './method-guards';
import { AUDIT_ROLES, CASE_WORK_ROLES, contract, type Access, type CaseWorkMethod, type DirectoryAccess, type FindingAccess, type MethodName, type StatisticsAccess, type Result, type RetentionAccess } from '../contract/methods';
import { findingAllows, type FindingPermission } from '../contract/finding-domain';
import { dataSubjectAllows } from '../contract/data-subject-domain';
import { statisticsAllows, type StatisticsPermission } from '../contract/statistics-domain';
import { directoryAllows, type DirectoryPermission } from '../contract/partner-domain';
import { retentionAllows, type RetentionPermission } from '../contract/retention-domain';
import { AppError, type ErrorPayload, type ValidationIssue } from '../contract/errors';
import { handlers } from './handlers';
import { APP_VERSION } from '../contract/app-version';
import type { MachinePolicy } from '../contract/machine-policy';
import { policyFilePath, readMachinePolicy } from '../platform/policy/machine-policy';
import { machineRegistrySource } from '../platform/policy/policy-registry';
import type { PolicySources } from '../contract/machine-policy-keys';
import { exportKindOf } from '../contract/export-methods';
import { loadKeyring, vaultState } from '../platform/vault/vault';
import type { SyncIo } from '../domain/sync/sync-context';
import { runScheduledBackup } from './session/scheduled-backup-run';

export interface CoreLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface CoreOptions extends VaultLocation {
  now?: () => Date;
  appVersion?: string;
  logger?: CoreLogger;
  /** The machine policy; read from policy.json (see platform/policy) when not given. */
  policy?: MachinePolicy;
  /** With `policy`: which keys IT set (file or registry), so the UI locks them; none when not given. */
  policySources?: PolicySources;
  /** Quiet time before the WAL is checkpointed (IDLE_CHECKPOINT_MS by default; tests shorten it). */
  idleCheckpointMs?: number;
  /** How the shared sync folder is reached; node:fs by default (tests inject file-system faults). */
  syncIo?: SyncIo;
  /**
   * Runs a sync round in the background while a user is signed in, every `sync.intervalSeconds` of the policy (or
   * `syncIntervalMs`). The app's core worker sets it; the CLI and tests run rounds on demand.
   */
  backgroundSync?: boolean;
  syncIntervalMs?: number;
  /**
   * Writes the scheduled backup to `backup.folder` of the policy while a user is signed in (the keys exist only
   * then), checked every `backupCheckMs` (15 minutes by default). The app's core worker sets it.
   */
  scheduledBackup?: boolean;
  backupCheckMs?: number;
}

const BACKUP_CHECK_MS = 15 * 60_000;

/** What the gate of a queue-releasing method hands back: the call itself, started once the queue is free again. */
class DeferredCall {
  constructor(readonly start: () => Promise<unknown>) {}
}

/** The only method a session with a one-time passphrase (set by IT) may call besides the public ones. */
const ONE_TIME_SESSION_METHODS: ReadonlySet<MethodName> = new Set(['session.changePassphrase']);

/** The directory's access levels and the permission of partner-domain.ts each one needs. */
const DIRECTORY_PERMISSION: Record<DirectoryAccess, DirectoryPermission> = {
  directory: 'read',
  directoryEdit: 'edit',
  directoryPropose: 'propose',
  directoryProposals: 'proposals',
};

/** The access levels of structural findings and the permission of finding-domain.ts each one needs. */
const FINDING_PERMISSION: Record<FindingAccess, FindingPermission> = {
  findingsRecord: 'record',
  findings: 'list',
  findingsOverview: 'overview',
};

/** The access levels of the statistics and the permission of statistics-domain.ts each one needs. */
const STATISTICS_PERMISSION: Record<StatisticsAccess, StatisticsPermission> = {
  statistics: 'view',
  statisticsExport: 'export',
  statisticsPublish: 'publish',
  statisticsCombine: 'combine',
};

/** The access levels of deletion and the permission of retention-domain.ts each one needs. */
const RETENTION_PERMISSION: Record<RetentionAccess, RetentionPermission> = {
  retentionRequest: 'request',
  retentionDecide: 'decide',
};

const silentLogger: CoreLogger = { info: () => undefined, error: () => undefined };

function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => {
    const issue: ValidationIssue = { path: i.path.map(String).join('.'), code: i.code };
    if ('minimum' in i && typeof i.minimum === 'number') issue.minimum = i.minimum;
    if ('maximum' in i && typeof i.maximum === 'number') issue.maximum = i.maximum;
    return issue;
  });
}

function isMethod(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * The one entry point of the core, shared by IPC, the loopback harness and the CLI: validates input against the
 * contract, checks access, runs the handler in a transaction together with its audit entry, and turns every
 * failure into an `{ code, params }` payload. Calls run one at a time (SQLite has one writer, and a lock must not
 * interleave with a write).
 */
export class CoreDispatcher {
  private session: UnlockedSession | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;
  private readonly logger: CoreLogger;
  private readonly location: VaultLocation;
  private readonly policy: MachinePolicy | AppError;
  private policySources: PolicySources = {};
  /** Where the policy was looked for at start (the file also when absent; the registry key on Windows). */
  private policyOrigin: PolicyOrigin = { file: policyFilePath(), registry: machineRegistrySource()?.location ?? null };
  private readonly idle: IdleCheckpoint;
  private syncTimer: ReturnType<typeof setInterval> | null = null;
  private releasing: Promise<Result<unknown>> | null = null;
  private syncWaiting = false;
  private backupTimer: ReturnType<typeof setInterval> | null = null;
  private backupRunning: Promise<void> | null = null;

  constructor(private readonly options: CoreOptions) {
    this.idle = new IdleCheckpoint(options.idleCheckpointMs ?? IDLE_CHECKPOINT_MS, () => {
      this.queue = this.queue.then(() => this.checkpointWhileIdle());
    });
    this.now = options.now ?? (() => new Date());
    this.logger = options.logger ?? silentLogger;
    this.location = { dataDir: options.dataDir, nativeBinding: options.nativeBinding };
    this.policy = options.policy ?? this.loadPolicy();
    if (options.policy) this.policySources = options.policySources ?? {};
  }

  /** An invalid policy is logged once and then answers every call: no vault is opened under a policy IT did not mean. */
  private loadPolicy(): MachinePolicy | AppError {
    try {
      const loaded = readMachinePolicy(this.policyOrigin.file);
      const set = Object.keys(loaded.sources);
      this.logger.info(
        loaded.file || set.length
          ? `machine policy read from ${[loaded.file, set.some((k) => loaded.sources[k as keyof PolicySources] === 'registry') ? loaded.registry : null].filter(Boolean).join(' and ')}; sets ${set.join(', ') || 'nothing'}`
          : 'no machine policy file; defaults apply',
      );
      this.policySources = loaded.sources;
      return loaded.policy;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      this.logger.error(error.message, { code: error.code });
      return error;
    }
  }

  get isUnlocked(): boolean {
    return this.session !== null;
  }

  dispatch(method: unknown, input: unknown): Promise<Result<unknown>> {
    if (isMethod(method) && contract[method].releasesQueue) return this.dispatchReleasing(method, input);
    return this.enqueue(() => this.run(method, input));
  }

  /** Runs `fn` after every call queued before it; SQLite has one writer, and a lock must not interleave with a write. */
  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run
      .catch(() => undefined)
      .then(() => (this.session ? this.idle.touch() : this.idle.cancel()));
    return run;
  }

  /**
   * A long method (the sync round) passes its gate (policy, role, input) in the queue like any call, then runs
   * outside it: each of its chunks queues on its own (ctx.enqueue), so the UI's calls go in between. One runs at a
   * time; a second request while it runs gets the same answer.
   */
  private dispatchReleasing(method: MethodName, input: unknown): Promise<Result<unknown>> {
    if (this.releasing) return this.releasing;
    const running = (async (): Promise<Result<unknown>> => {
      const gate = await this.enqueue(() => this.run(method, input));
      if (!gate.ok || !(gate.value instanceof DeferredCall)) return gate;
      try {
        const value = await gate.value.start();
        this.logEvent(method, value);
        return { ok: true, value };
      } catch (error) {
        return this.fail(method, error);
      }
    })();
    this.releasing = running;
    void running.finally(() => {
      this.releasing = null;
    });
    return running;
  }

  /** Queued by the idle timer: the WAL goes into the file while nobody waits for an answer. */
  private async checkpointWhileIdle(): Promise<void> {
    const dataSource = this.session?.vault.dataSource;
    if (!dataSource) return;
    await checkpointWal(dataSource).catch((error: unknown) =>
      this.logger.error('idle WAL checkpoint failed', { reason: sqliteReason(error) }),
    );
  }

  /** Locks and releases the database; for shutdown. */
  async close(): Promise<void> {
    this.stopBackgroundSync();
    this.stopBackupSchedule();
    await this.backupRunning;
    await this.dispatch('session.lock', {});
  }

  /** While a session is open: a round every interval, queued like any call, never two waiting at once. */
  private startBackgroundSync(): void {
    if (!this.options.backgroundSync || this.syncTimer || this.policy instanceof AppError) return;
    const everyMs = this.options.syncIntervalMs ?? this.policy.sync.intervalSeconds * 1000;
    this.syncTimer = setInterval(() => {
      if (!this.session || this.syncWaiting) return;
      this.syncWaiting = true;
      void this.dispatch('sync.run', {})
        .then((r) => {
          // Not in a network, or revoked: nothing to do; offline and errors are recorded by the round itself.
          if (!r.ok && r.error.code !== 'network.notJoined') this.logger.info('background sync failed', { event: 'sync', code: r.error.code });
        })
        .finally(() => {
          this.syncWaiting = false;
        });
    }, everyMs);
    this.syncTimer.unref?.();
  }

  private startBackupSchedule(): void {
    if (!this.options.scheduledBackup || this.backupTimer || this.policy instanceof AppError || !this.policy.backup.folder) return;
    const tick = () => {
      if (!this.session || this.backupRunning) return;
      this.backupRunning = this.runScheduledBackup().finally(() => {
        this.backupRunning = null;
      });
    };
    this.backupTimer = setInterval(tick, this.options.backupCheckMs ?? BACKUP_CHECK_MS);
    this.backupTimer.unref?.();
    // The first check right after sign-in: a PC that was off for days backs up as soon as someone works on it.
    setImmediate(tick);
  }

  private stopBackupSchedule(): void {
    if (this.backupTimer) clearInterval(this.backupTimer);
    this.backupTimer = null;
  }

  /** Runs a scheduled backup on the current session; exposed for tests, which call it instead of waiting. */
  runScheduledBackup(): Promise<void> {
    const policy = this.policy;
    const session = this.session;
    if (!session || policy instanceof AppError) return Promise.resolve();
    return runScheduledBackup({
      session,
      policy,
      location: this.location,
      appVersion: this.options.appVersion ?? APP_VERSION,
      now: this.now,
      enqueue: (fn) => this.enqueue(() => (this.session === session ? fn() : Promise.resolve())),
      logger: this.logger,
    });
  }

  private stopBackgroundSync(): void {
    if (this.syncTimer) clearInterval(this.syncTimer);
    this.syncTimer = null;
  }

  private async run(method: unknown, input: unknown): Promise<Result<unknown>> {
    if (!isMethod(method)) {
      // Only a string is echoed: String() on caller data can throw (toString, Symbol.toPrimitive), rejecting the call.
      const echoed = typeof method === 'string' ? method.slice(0, 80) : `(${typeof method})`;
      const error = new AppError('request.unknownMethod', { method: echoed });
      // The name is caller data: the log gets the code only.
      this.logger.info('request refused', { code: error.code });
      return { ok: false, error: error.toPayload() };
    }
    const spec = contract[method];
    try {
      if (this.policy instanceof AppError) throw this.policy;
      this.assertPolicyOffice(this.policy);
      // Access before validation: an unauthorised caller learns nothing about the input rules.
      if (spec.access !== 'public') await this.authorise(method, spec.access);
      const exportKind = exportKindOf(method);
      if (exportKind && !this.policy.exports.allowed.includes(exportKind)) throw new AppError('policy.exportNotAllowed', { kind: exportKind });
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) throw new AppError('validation.invalid', { issues: toIssues(parsed.error) });
      const value = await this.execute(method, parsed.data);
      this.logEvent(method, value);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AccessDenied) await this.auditDenial(method, error);
      else if (error instanceof AppError && error.code === 'session.passphraseChangeRequired') await this.auditDenial(method, null);
      return this.fail(method, error);
    } finally {
      if (this.session) await syncAuditHead(this.session.vault.dataSource).catch(() => this.logger.error('audit head not written'));
    }
  }

  /**
   * A vault of another office than the policy's is never opened (a copied vault, a wrong dataFolder): every call is
   * refused, like under an invalid policy. Unlocked, the open keyring says; locked, the keyring file (a damaged one is
   * reported when unlocking).
   */
  private assertPolicyOffice(policy: MachinePolicy): void {
    if (!policy.office) return;
    let vaultOffice: string | null = this.session?.vault.keyring.office ?? null;
    if (!this.session && vaultState(this.location.dataDir) !== 'uninitialised') {
      try {
        vaultOffice = loadKeyring(this.location.dataDir).office;
      } catch {
        vaultOffice = null;
      }
    }
    if (vaultOffice && vaultOffice !== policy.office) throw new AppError('policy.officeMismatch', { vaultOffice, policyOffice: policy.office });
  }

  /** Requires an unlocked session whose role may call; a refusal is audited (see auditDenial). */
  private async authorise(method: MethodName, access: Exclude<Access, 'public'>): Promise<void> {
    const session = this.session;
    if (!session) throw new AppError('session.locked');
    // Whoever signs in with a passphrase IT set (IT itself, perhaps) sees nothing until the owner's own is set.
    if (session.user.passphraseChange && !ONE_TIME_SESSION_METHODS.has(method)) throw new AppError('session.passphraseChangeRequired');
    if (!this.permits(access, session)) throw new AccessDenied(access in DIRECTORY_PERMISSION ? 'directoryRole' : 'role');
  }

  /** A refused call leaves an entry of its own, outside the call's rolled-back transaction. */
  private async auditDenial(method: MethodName, denial: AccessDenied | null): Promise<void> {
    const session = this.session;
    if (!session) return;
    const actor = { id: session.user.id, role: session.user.role, office: session.user.office };
    const record = denial?.record ?? { entity: null, entityId: null, fields: denial ? undefined : ['oneTimePassphrase'] };
    await session.vault.dataSource
      .transaction((tx) => appendAudit(tx, { at: this.now(), actor, action: method, ...record, outcome: 'denied' }))
      .catch(() => this.logger.error('audit entry of a denial not written'));
  }

  private async execute(method: MethodName, input: unknown): Promise<unknown> {
    const spec = contract[method];
    const basics: CallBasics = {
      location: this.location,
      now: this.now(),
      clock: this.now,
      appVersion: this.options.appVersion ?? APP_VERSION,
      machinePolicy: this.policy as MachinePolicy,
      policySources: this.policySources,
      policyOrigin: this.policyOrigin,
      syncIo: this.options.syncIo,
    };
    if (spec.releasesQueue) {
      const handler = handlers[method] as (i: unknown, c: ReleasedContext) => Promise<unknown>;
      // The gate let only an unlocked caller through.
      const session = this.session!;
      // Each chunk runs in the queue on the session the call began with; after a lock it is refused.
      const enqueue = <T>(fn: (s: UnlockedSession) => Promise<T>): Promise<T> =>
        this.enqueue(async () => {
          if (this.session !== session) throw new AppError('session.locked');
          try {
            return await fn(session);
          } finally {
            await syncAuditHead(session.vault.dataSource).catch(() => this.logger.error('audit head not written'));
          }
        });
      return new DeferredCall(() => handler(input, { ...basics, session, setSession: () => Promise.reject(new Error('not allowed')), enqueue }));
    }
    if (spec.access === 'public' || spec.outsideTransaction) {
      const handler = handlers[method] as (i: unknown, c: LifecycleContext) => Promise<unknown>;
      return handler(input, { ...basics, session: this.session, setSession: (next) => this.replaceSession(next) });
    }
    const session = this.session!;
    const handler = handlers[method] as (i: unknown, c: CaseWorkContext) => Promise<unknown>;
    const actor = { id: session.user.id, role: session.user.role, office: session.user.office };
    const onHookError = (error: unknown) =>
      this.logger.error(`${method}: follow-up file operation failed`, { errorName: (error as Error)?.name ?? 'unknown' });
    return runSessionCall(
      session,
      basics,
      async (ctx) => {
        // Client data: scope, consent and category are checked before the handler touches anything.
        if (spec.access === 'caseWork') ctx.clientAccess = await enforce(method as CaseWorkMethod, input as never, ctx.policy, ctx.tx);
        const value = await handler(input, ctx);
        if (spec.audit.kind !== 'none') {
          // One entry per record touched, so "who saw this person" is a simple query later.
          const ids = ctx.audit.entityIds.length ? ctx.audit.entityIds : [null];
          const fields = ctx.audit.fields.length ? [...new Set(ctx.audit.fields)] : undefined;
          for (const entityId of ids) {
            await appendAudit(ctx.tx, { at: ctx.now, actor, action: method, entity: spec.audit.entity, entityId, fields });
          }
        }
        return value;
      },
      onHookError,
    );
  }

  /** Unlock, setup and lock replace the session; the previous vault's head is written and its key forgotten. */
  private async replaceSession(next: UnlockedSession | null): Promise<void> {
    if (this.session && this.session !== next) {
      await syncAuditHead(this.session.vault.dataSource);
      forgetAuditHead(this.session.vault.dataSource);
      this.session.vault.forgetKey();
      if (this.session.vault.dataSource.isInitialized) await this.session.vault.dataSource.destroy();
    }
    this.session = next;
    if (next) {
      this.startBackgroundSync();
      this.startBackupSchedule();
    } else {
      this.stopBackgroundSync();
      this.stopBackupSchedule();
    }
  }

  /** The first gate, by role; client-data methods then pass their guard (scope × consent × category). */
  private permits(access: Exclude<Access, 'public'>, session: UnlockedSession): boolean {
    if (access === 'session') return true;
    if (access === 'admin') return session.user.role === 'it-admin';
    if (access === 'audit') return AUDIT_ROLES.includes(session.user.role);
    if (access === 'privacy') return session.user.role === 'datenschutz';
    // The file's office is checked by the data-subject area (subject-access.ts), audited under the file if refused.
    if (access === 'dataSubject') return dataSubjectAllows(session.user.role);
    if (access in DIRECTORY_PERMISSION) return directoryAllows(session.user.role, DIRECTORY_PERMISSION[access as DirectoryAccess]);
    if (access in FINDING_PERMISSION) return findingAllows(session.user.role, FINDING_PERMISSION[access as FindingAccess]);
    if (access in STATISTICS_PERMISSION) return statisticsAllows(session.user.role, STATISTICS_PERMISSION[access as StatisticsAccess]);
    if (access in RETENTION_PERMISSION) return retentionAllows(session.user.role, RETENTION_PERMISSION[access as RetentionAccess]);
    return CASE_WORK_ROLES.includes(session.user.role);
  }

  /**
   * The events IT reads in the log besides errors: sign-in and lock (with office and role, never the login) and each
   * sync round's counts. Values only of the workstation, never of a person.
   */
  private logEvent(method: MethodName, value: unknown): void {
    if (method === 'session.unlock' && this.session) {
      this.logger.info('session unlocked', { event: 'unlock', office: this.session.vault.keyring.office, role: this.session.user.role });
    } else if (method === 'session.lock') {
      this.logger.info('session locked', { event: 'lock' });
    } else if (method === 'sync.run') {
      const r = value as Partial<Record<'sent' | 'received' | 'applied' | 'conflicts' | 'rejected', number>>;
      this.logger.info('sync round', { event: 'sync', sent: r.sent, received: r.received, applied: r.applied, conflicts: r.conflicts, rejected: r.rejected });
    }
  }

  private fail(method: MethodName, error: unknown): Result<never> {
    if (error instanceof AppError) {
      const payload: ErrorPayload = error.toPayload();
      // Code and method only: an error's parameters may quote what the caller sent.
      this.logger.info(`${method} refused`, { code: payload.code });
      return { ok: false, error: payload };
    }
    // Unexpected: log the kind of error only; messages may quote SQL values (personal data).
    this.logger.error(`${method} failed unexpectedly`, { errorName: (error as Error)?.name ?? typeof error });
    return { ok: false, error: { code: 'internal', params: {} } };
  }
}
