/** Why the main process asks the UI to save drafts and lock: idle, OS suspend, screen lock, or the user. */
export type LockReason = 'idle' | 'suspend' | 'screen-lock' | 'user';

export const LOCK_REASONS: readonly LockReason[] = ['idle', 'suspend', 'screen-lock', 'user'];
