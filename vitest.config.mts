import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Closes every dispatcher a test opened (tests/helpers/close-cores.ts).
    setupFiles: ['tests/helpers/close-cores.ts'],
    // scrypt at OWASP strength takes ~0.5 s per unlock on these machines; give integration tests room.
    testTimeout: 60_000,
    // Enrolling an account as IT does (one-time passphrase, approval, first login) costs five KDF runs.
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
