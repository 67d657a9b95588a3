import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults for every variable', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databasePath).toMatch(/data\/truyenthanh\.sqlite$/);
    expect(config.mediaDir).toMatch(/media$/);
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.planningTimeZone).toBe('Asia/Ho_Chi_Minh');
    expect(config.uploadMaxBytes).toBe(2 * 1024 ** 3);
    expect(config.uploadMaxDurationSeconds).toBe(3 * 3600);
  });

  it('uses SQLite unless DATABASE_URL names a PostgreSQL server', () => {
    expect(loadConfig({})).toMatchObject({ databaseUrl: undefined, databasePoolSize: 10 });
    const url = 'postgres://truyenthanh:bi-mat@db.tinh.local:5432/truyenthanh';
    expect(loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '25' })).toMatchObject({
      databaseUrl: url,
      databasePoolSize: 25,
    });
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/truyenthanh' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it.each([
    ['', ['api', 'audio', 'playout']],
    ['both', ['api', 'audio', 'playout']],
    ['api', ['api']],
    ['worker', ['audio', 'playout']],
    ['audio', ['audio']],
    [' API , playout ', ['api', 'playout']],
  ])('PROCESS_ROLE=%j gives the roles %j', (value, expected) => {
    expect([...loadConfig({ PROCESS_ROLE: value }).roles].sort()).toEqual(expected);
  });

  it('refuses an unknown process role, naming the ones it knows', () => {
    expect(() => loadConfig({ PROCESS_ROLE: 'api,radio' })).toThrow(
      /PROCESS_ROLE.*api, audio, playout.*"radio"/,
    );
  });

  it('reads no variable that .env.example does not list (the tests clear exactly those)', () => {
    const read = new Set<string>();
    const recording = new Proxy({} as Record<string, string | undefined>, {
      get: (_, name) => {
        if (typeof name === 'string') read.add(name);
        return undefined;
      },
    });
    loadConfig(recording);
    const listed = new Set(
      [...readFileSync('.env.example', 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]),
    );
    expect([...read].filter((name) => !listed.has(name))).toEqual([]);
    expect(read.size).toBeGreaterThan(30);
  });

  it.each([
    ['PORT', 'abc', /PORT.*số nguyên/],
    ['PORT', '70000', /PORT.*0–65535/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL/],
    ['PLANNING_TIME_ZONE', 'Asia/Hanoi_City', /PLANNING_TIME_ZONE.*IANA/],
    ['UPLOAD_MAX_MB', '0', /UPLOAD_MAX_MB/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['FFMPEG_PATH', '/no/such/ffmpeg', /FFMPEG_PATH.*không tồn tại/],
    ['PUBLIC_BASE_URL', 'radio.example.vn', /PUBLIC_BASE_URL/],
    ['PUBLIC_BASE_URL', 'https://radio.example.vn:99999', /PUBLIC_BASE_URL/],
    ['PUBLIC_BASE_URL', 'https://[::1', /PUBLIC_BASE_URL/],
    ['PUBLIC_BASE_URL', 'https://radio.example.vn/?a=1', /PUBLIC_BASE_URL/],
  ])('fails fast naming %s when it is %j', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
