import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import fg from 'fast-glob';
import picomatch from 'picomatch';
import { isNonDataFile } from './format.js';

/**
 * Lists the files under a root. fast-glob walks each directory tree without following symbolic
 * links; when links are to be followed, each linked directory is walked as a tree of its own,
 * at most once (by device and inode), so a link to a parent or to itself cannot loop.
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

interface Entry {
  readonly path: string;
  readonly dirent: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean };
}

/** Relative paths (posix separators) of the matching files, sorted. */
export async function listFiles(options: WalkOptions): Promise<string[]> {
  const include = options.include && options.include.length > 0 ? options.include : undefined;
  const isIncluded = include ? picomatch([...include], { dot: false }) : () => true;
  const matchesPattern = options.pattern ? picomatch(options.pattern, { dot: false }) : () => true;
  const excludeMatcher = options.exclude && options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : undefined;
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
    const stream = fg.stream('**', {
      cwd: walk.abs,
      dot,
      onlyFiles: false,
      followSymbolicLinks: false,
      objectMode: true,
      suppressErrors: true,
      // fast-glob prunes ignored folders; inside linked trees the filter below does the work.
      ...(walk.rel === '' && options.exclude ? { ignore: [...options.exclude] } : {}),
    });
    // Leaving the loop early (abort) destroys the stream: Readable's async iterator does that.
    for await (const raw of stream) {
      options.signal?.throwIfAborted();
      const entry = raw as unknown as Entry;
      const rel = walk.rel === '' ? entry.path : `${walk.rel}/${entry.path}`;
      if (entry.dirent.isFile()) {
        await accept(rel);
      } else if (entry.dirent.isSymbolicLink() && options.followSymlinks) {
        const abs = join(walk.abs, entry.path);
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
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
