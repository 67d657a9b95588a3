import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { checkedHash, insertUser } from '../accounts/accounts.service.js';
import { ROLES, type Role } from '../accounts/roles.js';
import { AppError } from '../common/errors.js';
import { ConfigError, loadConfig, readDotEnv } from '../config/config.js';
import { dataSourceOptions, openDataSource } from '../database/data-source-options.js';

/**
 * `npm run user:create -- --username quantri --role admin [--role editor] [--name "Nguyễn Văn A"]`
 * Creates an account in DATABASE_PATH. The password is asked for twice on a terminal, or read from
 * the first line of standard input when that is not a terminal (for scripts); never from an argument,
 * which would end up in the shell history and the process list.
 */
const USAGE =
  'Cách dùng: npm run user:create -- --username <tên> --role <vai trò> [--role …] [--name "Họ tên"]\n' +
  `Vai trò: ${ROLES.join(', ')}. Mật khẩu được hỏi khi chạy (hoặc đọc từ stdin).`;

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    throw new Error('stdin trống: không có mật khẩu.');
  }
  let muted = false;
  const output = new Writable({
    write: (chunk, _encoding, done) => {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      muted = false;
      process.stdout.write(question);
      muted = true;
      rl.question('', (answer) => {
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Mật khẩu: ');
  const second = await ask('Nhập lại mật khẩu: ');
  rl.close();
  if (first !== second) throw new Error('Hai lần nhập mật khẩu không khớp.');
  return first;
}

readDotEnv();
try {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      role: { type: 'string', multiple: true },
      name: { type: 'string' },
    },
  });
  const username = values.username?.trim().toLowerCase();
  const roles = (values.role ?? []).flatMap((r) => r.split(',')).map((r) => r.trim());
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (!username || !/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username) || roles.length === 0 || unknown.length) {
    console.error(unknown.length ? `Vai trò không có: ${unknown.join(', ')}\n${USAGE}` : USAGE);
    process.exit(64); // EX_USAGE
  }
  const config = loadConfig();
  const password = await readPassword();
  const dto = {
    username,
    displayName: values.name?.trim() || username,
    roles: roles as Role[],
    mustChangePassword: false,
  };
  const passwordHash = await checkedHash({ username, password });
  const dataSource = await openDataSource({ ...dataSourceOptions(config), logging: ['error'] });
  try {
    const user = await dataSource.transaction((m) =>
      insertUser(m, dto, passwordHash, { id: 0, username: 'command-line' }),
    );
    console.log(`Đã tạo tài khoản "${user.username}" (mã ${user.id}), vai trò: ${user.roles.join(', ')}.`);
  } finally {
    await dataSource.destroy();
  }
} catch (error) {
  console.error(
    error instanceof ConfigError || error instanceof AppError || error instanceof Error
      ? (error as Error).message
      : error,
  );
  process.exit(1);
}
