import { ffmpegNote, isNpmBuild, type Binary } from './ffmpeg-binaries.js';

const NPM_PATH = '/srv/app/node_modules/@ffmpeg-installer/linux-x64/ffmpeg';
const NPM_VERSION = 'N-47683-g0e8eb07980-static';

describe('isNpmBuild', () => {
  it.each<[string, Binary]>([
    ['found through the npm package', { path: NPM_PATH, version: NPM_VERSION, source: 'npm' }],
    ['named by FFMPEG_PATH', { path: NPM_PATH, version: NPM_VERSION, source: 'env' }],
    ['copied elsewhere, known by its version', { path: '/opt/ffmpeg', version: NPM_VERSION, source: 'env' }],
    [
      'the npm ffprobe',
      { path: '/app/node_modules/@ffprobe-installer/linux-x64/ffprobe', version: 'N-1', source: 'env' },
    ],
  ])('recognises the npm build %s', (_name, binary) => {
    expect(isNpmBuild(binary)).toBe(true);
  });

  it.each<[string, Binary]>([
    ['the system ffmpeg', { path: 'ffmpeg', version: '5.1.9-0+deb12u1', source: 'system' }],
    ['a build named by FFMPEG_PATH', { path: '/usr/local/bin/ffmpeg', version: '7.1', source: 'env' }],
  ])('leaves %s alone', (_name, binary) => {
    expect(isNpmBuild(binary)).toBe(false);
  });
});

describe('ffmpegNote', () => {
  const system: Binary = { path: 'ffprobe', version: '5.1.9', source: 'system' };

  it('tells the administrator how to get the faster ffmpeg when the npm one encodes', () => {
    const note = ffmpegNote({
      ffmpeg: { path: NPM_PATH, version: NPM_VERSION, source: 'env' },
      ffprobe: system,
    });
    expect(note).toContain('apt-get install ffmpeg');
    expect(note).toContain('3 lần');
  });

  it('says nothing about the system ffmpeg', () => {
    expect(
      ffmpegNote({ ffmpeg: { path: 'ffmpeg', version: '5.1.9', source: 'system' }, ffprobe: system }),
    ).toBeUndefined();
  });
});
