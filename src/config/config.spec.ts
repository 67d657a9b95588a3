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

  it.each([
    ['PORT', 'abc', /PORT.*số nguyên/],
    ['PORT', '70000', /PORT.*0–65535/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL/],
    ['PLANNING_TIME_ZONE', 'Asia/Hanoi_City', /PLANNING_TIME_ZONE.*IANA/],
    ['UPLOAD_MAX_MB', '0', /UPLOAD_MAX_MB/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['FFMPEG_PATH', '/no/such/ffmpeg', /FFMPEG_PATH.*không tồn tại/],
  ])('fails fast naming %s when it is %j', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
