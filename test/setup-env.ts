import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Fixed, and deliberately not Vietnam's: code must never rely on the machine's time zone.
process.env.TZ = 'UTC';

/**
 * Tests never depend on the caller's environment: every variable the service reads (`.env.example`
 * lists them all; src/config/config.spec.ts keeps it so) is cleared here, so an `ADMIN_USERNAME`
 * exported for a first start, or a `LOGIN_MAX_FAILURES` tried by hand, changes nothing. Test apps get
 * their configuration explicitly (test/helpers/test-app.ts), and child processes an environment and a
 * working directory of their own (test/helpers/processes.ts), out of reach of the checkout's `.env`.
 */
const SERVICE_VARIABLES = [
  ...readFileSync(join(process.cwd(), '.env.example'), 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm),
].map((match) => match[1]);

for (const name of SERVICE_VARIABLES) delete process.env[name];
