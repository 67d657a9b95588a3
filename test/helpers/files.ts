import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below a folder (absolute paths); none when the folder does not exist. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}
