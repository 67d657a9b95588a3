import type { Request } from 'express';
import { publicBaseUrl, validHost } from './public-url.js';

const request = (host: string | undefined, protocol = 'http') =>
  ({
    protocol,
    get: (name: string) => (name.toLowerCase() === 'host' ? host : undefined),
  }) as unknown as Request;

describe('validHost', () => {
  it.each([
    ['localhost', 'localhost'],
    ['localhost:3000', 'localhost:3000'],
    ['Radio.Example.VN', 'radio.example.vn'],
    ['192.168.1.20:8080', '192.168.1.20:8080'],
    ['[::1]', '[::1]'],
    ['[2001:db8::1]:443', '[2001:db8::1]:443'],
    ['dai-xa.local.', 'dai-xa.local.'],
  ])('takes %j', (host, expected) => {
    expect(validHost(host)).toBe(expected);
  });

  it.each([
    undefined,
    '',
    'a b',
    '[::1',
    '[::g]',
    'localhost:99999',
    'localhost:0',
    'localhost:',
    'ke-la.example/evil',
    'user@ke-la.example',
    '-bad.example',
    'ke_la.example',
    `${'a'.repeat(64)}.example`,
    'x'.repeat(300),
  ])('refuses %j', (host) => {
    expect(validHost(host)).toBeUndefined();
  });
});

describe('publicBaseUrl', () => {
  it('prefers PUBLIC_BASE_URL, whatever the Host says', () => {
    expect(publicBaseUrl('https://radio.example.vn', request('ke-la.example'))).toBe(
      'https://radio.example.vn',
    );
  });

  it('uses a valid Host, and localhost for anything else', () => {
    expect(publicBaseUrl(undefined, request('dai-xa.local:3000', 'https'))).toBe('https://dai-xa.local:3000');
    expect(publicBaseUrl(undefined, request('a b'))).toBe('http://localhost');
    expect(publicBaseUrl(undefined, request(undefined))).toBe('http://localhost');
  });
});
