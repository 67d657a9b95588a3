import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';

/**
 * The media folder: `originals/` (uploads, untouched, named by content), `renditions/` (broadcast
 * MP3s, named by content), `waveforms/` and `tmp/`. Everything is written under `tmp/` first and
 * renamed into place, so nothing ever points at a half-written file; the rename is atomic because
 * `tmp/` is on the same file system.
 */
@Injectable()
export class MediaStorage implements OnModuleInit {
  private readonly logger = new Logger(MediaStorage.name);
  readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = config.mediaDir;
  }

  async onModuleInit(): Promise<void> {
    for (const dir of ['originals', 'renditions', 'waveforms', 'tmp'])
      await mkdir(join(this.root, dir), { recursive: true });
  }

  abs(relative: string): string {
    return join(this.root, relative);
  }

  /** A fresh temporary path; `owner` (e.g. "asset-12") lets a retry sweep what a crashed attempt left. */
  tempPath(owner: string, suffix = ''): string {
    return join(this.root, 'tmp', `${owner}.${randomUUID()}${suffix}.part`);
  }

  originalPath(sha256: string): string {
    return `originals/${sha256.slice(0, 2)}/${sha256}`;
  }

  renditionPath(sha256: string): string {
    return `renditions/${sha256.slice(0, 2)}/${sha256}.mp3`;
  }

  waveformPath(assetId: number): string {
    return `waveforms/${assetId}.json`;
  }

  /** Moves a finished temporary file into place (a content-addressed target that exists is replaced by the same bytes). */
  async commit(tempFile: string, relative: string): Promise<void> {
    const target = this.abs(relative);
    await mkdir(dirname(target), { recursive: true });
    await rename(tempFile, target);
  }

  async remove(path: string): Promise<void> {
    await unlink(path).catch(() => undefined);
  }

  /** Deletes temporaries of one owner (a job attempt that crashed), or all older than `olderThanMs`. */
  async sweep(options: { owner?: string; olderThanMs?: number }): Promise<number> {
    const dir = join(this.root, 'tmp');
    let removed = 0;
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const path = join(dir, name);
      const byOwner = options.owner !== undefined && name.startsWith(`${options.owner}.`);
      let stale = false;
      if (options.olderThanMs !== undefined) {
        const info = await stat(path).catch(() => undefined);
        stale = !!info && Date.now() - info.mtimeMs > options.olderThanMs;
      }
      if (byOwner || stale) {
        await rm(path, { force: true, recursive: true });
        removed++;
      }
    }
    if (removed)
      this.logger.log(`swept ${removed} temporary file(s)${options.owner ? ` of ${options.owner}` : ''}`);
    return removed;
  }

  async sha256(path: string): Promise<{ sha256: string; size: number }> {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { sha256: hash.digest('hex'), size };
  }
}
