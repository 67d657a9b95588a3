import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** What a child process may take from the caller's environment: how to find programs and files. */
const SYSTEM_VARIABLES = [
  'PATH',
  'HOME',
  'TMPDIR',
  'TMP',
  'TEMP',
  'LANG',
  'LC_ALL',
  'LD_LIBRARY_PATH',
  'SystemRoot',
];

/**
 * The environment of a child process the tests start: the system's basics and exactly what the test
 * says, never the service's variables from the caller's shell (an ADMIN_USERNAME meant for a first
 * start would make the seed create that admin instead of the test's).
 */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const system = Object.fromEntries(
    SYSTEM_VARIABLES.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])),
  );
  return { ...system, TZ: 'UTC', ...env };
}

/**
 * The working directory of a child process the tests start: a folder of the tests' own, holding no
 * `.env`. The service and its command-line tools read `.env` from their working directory
 * (config.ts, readDotEnv), and a developer's `.env` in the checkout must not reach the tests.
 */
export function childCwd(): string {
  const dir = join(tmpdir(), 'truyenthanh-test-cwd');
  mkdirSync(dir, { recursive: true });
  if (existsSync(join(dir, '.env')))
    throw new Error(`${dir}/.env must not exist: the tests run the service there`);
  return dir;
}

/** Runs one of the built command-line tools (dist/src/cli/<name>.js) to its end; rejects on a non-zero exit. */
export function runCli(
  name: string,
  args: string[],
  env: Record<string, string>,
  stdin?: string,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(process.cwd(), `dist/src/cli/${name}.js`), ...args],
      { env: childEnv(env), cwd: childCwd() },
      (error, stdout, stderr) =>
        error
          ? reject(
              Object.assign(new Error(`${error.message}\n${stdout}\n${stderr}`), {
                code: error.code,
                stdout,
                stderr,
              }),
            )
          : resolve({ stdout, stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

/**
 * The built service (dist/, made by `npm run build`, which `npm test` runs first) as a separate
 * process, e.g. a worker that a test can kill. With `clock`, its clock is one the test moves
 * ({@link advanceServiceClock}; service-clock.ts says how).
 */
export function startServiceProcess(env: Record<string, string>, clock = false): ChildProcess {
  const preload = clock ? ['--import', join(process.cwd(), 'dist/test/helpers/service-clock.js')] : [];
  const child = spawn(process.execPath, [...preload, join(process.cwd(), 'dist/src/main.js')], {
    env: childEnv({ LOG_LEVEL: 'warn', ...env }),
    cwd: childCwd(),
    stdio: ['ignore', 'inherit', 'inherit', ...(clock ? (['ipc'] as const) : [])],
  });
  // A service that ends by itself says so: once one died mid-suite with nothing in the log.
  child.once('exit', (code, signal) => {
    if (!stopping.has(child))
      process.stderr.write(
        `service process ${child.pid} ended without stop(): exit code ${code}, signal ${signal}\n`,
      );
  });
  return child;
}

/** Service processes a test is stopping on purpose. */
const stopping = new WeakSet<ChildProcess>();

/** {@link startServiceProcess} with a clock the test moves. */
export const startServiceProcessWithClock = (env: Record<string, string>) => startServiceProcess(env, true);

let clockMessages = 0;

/** Moves the clock of a service started with `clock` `ms` ahead; resolves with its new time. */
export function advanceServiceClock(child: ChildProcess, ms: number): Promise<number> {
  const id = ++clockMessages;
  return new Promise((resolve, reject) => {
    const answer = (message: { id?: number; now?: number }) => {
      if (message?.id !== id) return;
      child.off('message', answer);
      resolve(message.now!);
    };
    child.on('message', answer);
    child.send({ id, advanceMs: ms }, (error) => error && reject(error));
  });
}

export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  stopping.add(child);
  child.kill(signal);
  await exited;
}

/** A Redis server of the test's own, on a free port, keeping nothing on disk. */
export async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 50; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = createServer().listen(port, '127.0.0.1');
      socket.once('error', () => resolve(true)); // port taken: redis is listening
      socket.once('listening', () => socket.close(() => resolve(false)));
    });
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('redis-server did not start');
}

export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}`);
}
