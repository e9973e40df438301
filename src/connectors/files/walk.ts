import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { isNonDataFile } from './format.js';

/**
 * Lists the files under a root. Each directory tree is walked with readdir, without following
 * symbolic links; when links are to be followed, each linked directory is walked as a tree of its
 * own, at most once (by device and inode), so a link to a parent or to itself cannot loop.
 */

export interface WalkOptions {
  /** Absolute folder the relative paths start from. */
  readonly root: string;
  /** Globs over the relative path; default every file. */
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** The glob part of a glob source (`exports/*.csv` gives root `exports`, pattern `*.csv`). */
  readonly pattern?: string;
  readonly followSymlinks: boolean;
  readonly signal?: AbortSignal;
}

/** Relative paths (posix separators) of the matching files, sorted. */
export async function listFiles(options: WalkOptions): Promise<string[]> {
  const include = options.include && options.include.length > 0 ? options.include : undefined;
  // `s`: file names may hold a newline, and `*` must match it too.
  const isIncluded = include ? picomatch([...include], { dot: false, flags: 's' }) : () => true;
  const matchesPattern = options.pattern ? picomatch(options.pattern, { dot: false, flags: 's' }) : () => true;
  const excludeMatcher = options.exclude && options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true, flags: 's' }) : undefined;
  // Explicit dot-file includes (`.env`, `**/.history`) make the walk visit dot entries.
  const dot = [...(include ?? []), options.pattern ?? ''].some((p) => p.startsWith('.') || p.includes('/.'));
  // A chosen include says what to read; without one, media and compiled files are not worth a line.
  const skipNonData = include === undefined && options.pattern === undefined;

  const isExcluded = (rel: string): boolean => {
    if (!excludeMatcher) return false;
    // `archive` or `archive/` excludes everything below the folder, as users expect.
    for (let i = rel.indexOf('/'); i !== -1; i = rel.indexOf('/', i + 1)) if (excludeMatcher(rel.slice(0, i))) return true;
    return excludeMatcher(rel);
  };

  const files: string[] = [];
  const seenFiles = new Set<string>();
  const rootStat = await stat(options.root);
  const walkedDirs = new Set<string>([`${rootStat.dev}:${rootStat.ino}`]);
  const queue: { abs: string; rel: string }[] = [{ abs: options.root, rel: '' }];

  const accept = async (rel: string): Promise<void> => {
    if (isExcluded(rel) || !isIncluded(rel) || !matchesPattern(rel)) return;
    if (skipNonData && isNonDataFile(rel)) return;
    if (options.followSymlinks) {
      // The same file reached through two links is listed once.
      const s = await stat(join(options.root, rel)).catch(() => undefined);
      if (!s) return;
      const key = `${s.dev}:${s.ino}`;
      if (seenFiles.has(key)) return;
      seenFiles.add(key);
    }
    files.push(rel);
  };

  for (let walk = queue.shift(); walk; walk = queue.shift()) {
    // A plain readdir walk, not a glob library: glob matchers silently skip names with a newline.
    const dirs: { abs: string; rel: string }[] = [walk];
    for (let dir = dirs.pop(); dir; dir = dirs.pop()) {
      let entries: Dirent[];
      try {
        entries = await readdir(dir.abs, { withFileTypes: true });
      } catch {
        continue; // A folder that cannot be listed is passed over; discovery goes on.
      }
      for (const entry of entries) {
        options.signal?.throwIfAborted();
        if (!dot && entry.name.startsWith('.')) continue;
        const rel = dir.rel === '' ? entry.name : `${dir.rel}/${entry.name}`;
        const abs = join(dir.abs, entry.name);
        if (entry.isDirectory()) {
          if (!isExcluded(rel)) dirs.push({ abs, rel });
        } else if (entry.isFile()) {
          await accept(rel);
        } else if (entry.isSymbolicLink() && options.followSymlinks) {
          const target = await stat(abs).catch(() => undefined);
          if (!target) continue; // dangling link
          if (target.isFile()) await accept(rel);
          else if (target.isDirectory()) {
            const key = `${target.dev}:${target.ino}`;
            if (walkedDirs.has(key) || isExcluded(rel)) continue;
            walkedDirs.add(key);
            queue.push({ abs, rel });
          }
        }
      }
    }
  }
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
