import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesConnector } from '../../src/connectors/files.js';
import { PdmapError, describeError } from '../../src/errors.js';
import { discoverAll, fileContainer, openFds, sampleById, sampleContainer, tempTree, utf16be, utf16le } from './files-helpers.js';

let tree: ReturnType<typeof tempTree>;
beforeEach(() => {
  tree = tempTree();
});
afterEach(() => {
  tree.cleanup();
});

function codeOf(err: unknown): string | undefined {
  return err instanceof PdmapError ? err.code : undefined;
}

describe('files connector: discovery', () => {
  it('lists a folder tree with posix ids, sizes, mtimes, formats and CSV headers, sorted', async () => {
    tree.write('customers.csv', 'id,email,name\n1,a@b.dk,Ann\n');
    tree.write('exports/2024/orders.json', '[{"id":1}]');
    tree.write('exports/events.ndjson', '{"a":1}\n{"a":2}\n');
    tree.write('logs/app.log', 'started\n');
    tree.write('notes.txt', 'a,b,c\n1,2,3\n');
    tree.write('pics/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    tree.write('.hidden/secret.csv', 'a\n1\n');
    const c = filesConnector({ path: tree.dir });
    const found = await discoverAll(c);
    expect(found.map((f) => f.id)).toEqual(['customers.csv', 'exports/2024/orders.json', 'exports/events.ndjson', 'logs/app.log', 'notes.txt']);
    const csv = found[0];
    expect(csv).toMatchObject({ id: 'customers.csv', name: 'customers.csv', type: 'file', format: 'csv', sizeBytes: 27 });
    expect(csv?.fields.map((f) => f.name)).toEqual(['id', 'email', 'name']);
    expect(Number.isNaN(Date.parse(csv?.modifiedAt ?? ''))).toBe(false);
    expect(found.map((f) => f.format)).toEqual(['csv', 'json', 'ndjson', 'text', 'text']);
    expect(c.kind).toBe('files');
    expect(c.name).toBe(`files:${tree.dir}`);
    expect(c.target).toBe(tree.dir);
  });

  it('applies include and exclude globs relative to the root', async () => {
    tree.write('a.csv', 'x\n1\n');
    tree.write('sub/b.csv', 'x\n1\n');
    tree.write('sub/c.json', '{}');
    tree.write('archive/old.csv', 'x\n1\n');
    tree.write('sub/archive/keep.csv', 'x\n1\n');
    const only = filesConnector({ path: tree.dir, include: ['**/*.csv'], exclude: ['archive'] });
    expect((await discoverAll(only)).map((f) => f.id)).toEqual(['a.csv', 'sub/archive/keep.csv', 'sub/b.csv']);
    const deep = filesConnector({ path: tree.dir, exclude: ['**/archive/**', '*.csv'] });
    expect((await discoverAll(deep)).map((f) => f.id)).toEqual(['sub/b.csv', 'sub/c.json']);
    const explicitPng = filesConnector({ path: tree.dir, include: ['**/*.png', '*.csv'] });
    tree.write('x.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const listed = await discoverAll(explicitPng);
    expect(listed.map((f) => f.id)).toEqual(['a.csv', 'x.png']);
    expect(listed[1]?.meta).toMatchObject({ binary: 'png' });
  });

  it('lists dot files only when an include names them', async () => {
    tree.write('visible.txt', 'x\n');
    tree.write('.history', 'x\n');
    tree.write('app/.env.log', 'x\n');
    expect((await discoverAll(filesConnector({ path: tree.dir }))).map((f) => f.id)).toEqual(['visible.txt']);
    const c = filesConnector({ path: tree.dir, include: ['.history', '**/.env.log'] });
    expect((await discoverAll(c)).map((f) => f.id)).toEqual(['.history', 'app/.env.log']);
  });

  it('takes a single file or a glob as the source', async () => {
    tree.write('data/one.csv', 'email\na@b.dk\n');
    tree.write('data/two.csv', 'email\nc@d.dk\n');
    tree.write('data/three.json', '[]');
    const single = filesConnector({ path: join(tree.dir, 'data/one.csv') });
    const s = await discoverAll(single);
    expect(s.map((f) => f.id)).toEqual(['one.csv']);
    expect((await sampleById(single, 'one.csv')).rows).toEqual([{ email: 'a@b.dk' }]);
    const glob = filesConnector({ path: `${tree.dir}/data/*.csv` });
    expect((await discoverAll(glob)).map((f) => f.id)).toEqual(['one.csv', 'two.csv']);
    expect((await sampleById(glob, 'two.csv')).rows).toEqual([{ email: 'c@d.dk' }]);
  });

  it('reports a missing root as not-found', async () => {
    const c = filesConnector({ path: join(tree.dir, 'nope') });
    const err = await discoverAll(c).catch((e: unknown) => e);
    expect(codeOf(err)).toBe('not-found');
    expect(describeError(err).message).toContain('nope');
  });

  it('finishes on a symbolic link loop, with and without following links', async () => {
    tree.write('a/b/data.csv', 'email\na@b.dk\n');
    tree.write('a/x.txt', 'hello\n');
    symlinkSync('../..', join(tree.dir, 'a/b/loop'));
    symlinkSync('..', join(tree.dir, 'a/loop2'));
    symlinkSync(join(tree.dir, 'a'), join(tree.dir, 'a/b/self'));
    symlinkSync(join(tree.dir, 'missing'), join(tree.dir, 'dangling.csv'));
    const plain = await discoverAll(filesConnector({ path: tree.dir }));
    expect(plain.map((f) => f.id)).toEqual(['a/b/data.csv', 'a/x.txt']);
    const started = Date.now();
    const followed = await discoverAll(filesConnector({ path: tree.dir, followSymlinks: true }));
    expect(Date.now() - started).toBeLessThan(5000);
    // Each real file once, whatever the number of paths that reach it.
    expect(followed.map((f) => f.id)).toEqual(['a/b/data.csv', 'a/x.txt']);
  });

  it('follows a link to a folder outside the root when asked', async () => {
    const outside = tempTree('pdmap-files-outside-');
    try {
      outside.write('people.csv', 'email\na@b.dk\n');
      tree.write('local.txt', 'x\n');
      symlinkSync(outside.dir, join(tree.dir, 'shared'));
      expect((await discoverAll(filesConnector({ path: tree.dir }))).map((f) => f.id)).toEqual(['local.txt']);
      const c = filesConnector({ path: tree.dir, followSymlinks: true });
      expect((await discoverAll(c)).map((f) => f.id)).toEqual(['local.txt', 'shared/people.csv']);
      expect((await sampleById(c, 'shared/people.csv')).rows).toEqual([{ email: 'a@b.dk' }]);
    } finally {
      outside.cleanup();
    }
  });

  it('honours an aborted signal', async () => {
    tree.write('a.csv', 'x\n1\n');
    const ac = new AbortController();
    ac.abort();
    const c = filesConnector({ path: tree.dir });
    const err = await (async () => {
      for await (const _ of c.discover({ signal: ac.signal })) void _;
    })().catch((e: unknown) => e);
    expect(describeError(err).code).toBe('aborted');
  });
});

describe('files connector: CSV and TSV', () => {
  it('reads comma, semicolon, tab and pipe separated files', async () => {
    tree.write('comma.csv', 'name,email\nAnn,a@b.dk\n');
    tree.write('semi.csv', 'navn;e-mail;by\nSøren;s@x.dk;Århus\n');
    tree.write('tabs.tsv', 'name\temail\nAnn\ta@b.dk\n');
    tree.write('tabs-in.csv', 'name\temail\nAnn\ta@b.dk\n');
    tree.write('pipes.csv', 'name|email\nAnn|a@b.dk\n');
    const c = filesConnector({ path: tree.dir });
    expect((await sampleById(c, 'comma.csv')).rows).toEqual([{ name: 'Ann', email: 'a@b.dk' }]);
    expect((await sampleById(c, 'semi.csv')).rows).toEqual([{ navn: 'Søren', 'e-mail': 's@x.dk', by: 'Århus' }]);
    expect((await sampleById(c, 'tabs.tsv')).rows).toEqual([{ name: 'Ann', email: 'a@b.dk' }]);
    expect((await sampleById(c, 'tabs-in.csv')).rows).toEqual([{ name: 'Ann', email: 'a@b.dk' }]);
    expect((await sampleById(c, 'pipes.csv')).rows).toEqual([{ name: 'Ann', email: 'a@b.dk' }]);
    const found = await discoverAll(c);
    expect(found.find((f) => f.id === 'semi.csv')?.fields.map((f) => f.name)).toEqual(['navn', 'e-mail', 'by']);
    expect(found.find((f) => f.id === 'tabs.tsv')?.format).toBe('tsv');
  });

  it('keeps quoted fields with delimiters, quotes and newlines; CRLF; BOM', async () => {
    tree.write('q.csv', '\uFEFFname,note,email\r\n"Smith, Ann","said ""hi""\r\nand left",a@b.dk\r\nBo,,b@c.dk\r\n');
    const c = filesConnector({ path: tree.dir });
    const [container] = await discoverAll(c);
    expect(container?.fields.map((f) => f.name)).toEqual(['name', 'note', 'email']);
    const { rows, error } = await sampleById(c, 'q.csv');
    expect(error).toBeUndefined();
    expect(rows).toEqual([
      { name: 'Smith, Ann', note: 'said "hi"\r\nand left', email: 'a@b.dk' },
      { name: 'Bo', note: '', email: 'b@c.dk' },
    ]);
  });

  it('handles ragged rows: extra cells as column_N, missing ones absent', async () => {
    tree.write('r.csv', 'a,b,c\n1,2\n1,2,3,4,5\n\n1,2,3\n');
    const { rows } = await sampleById(filesConnector({ path: tree.dir }), 'r.csv');
    expect(rows).toEqual([
      { a: '1', b: '2' },
      { a: '1', b: '2', c: '3', column_4: '4', column_5: '5' },
      { a: '1', b: '2', c: '3' },
    ]);
  });

  it('names columns column_N when the first row is data, not a header, so no value becomes a field name', async () => {
    tree.write('nohead.csv', 'ann@example.com,Ann,12345678\nbo@example.com,Bo,23456789\n');
    tree.write('dups.csv', 'email,,email\na@b.dk,x,c@d.dk\n');
    const c = filesConnector({ path: tree.dir });
    const found = await discoverAll(c);
    expect(found.find((f) => f.id === 'nohead.csv')?.fields).toEqual([]);
    const { rows } = await sampleById(c, 'nohead.csv');
    expect(rows).toEqual([
      { column_1: 'ann@example.com', column_2: 'Ann', column_3: '12345678' },
      { column_1: 'bo@example.com', column_2: 'Bo', column_3: '23456789' },
    ]);
    expect((await sampleById(c, 'dups.csv')).rows).toEqual([{ email: 'a@b.dk', column_2: 'x', email_3: 'c@d.dk' }]);
  });

  it('stops at a quote that never closes without loading the rest of the file, and reports it', async () => {
    const good = Array.from({ length: 50 }, (_, i) => `${i},user${i}@example.com`).join('\n');
    const tail = 'x'.repeat(300_000);
    tree.write('open.csv', `id,email\n${good}\n51,"never closed ${tail}\n52,z@example.com\n`);
    const c = filesConnector({ path: tree.dir, maxLineBytes: 64 * 1024 });
    const { rows, error } = await sampleById(c, 'open.csv');
    expect(rows).toHaveLength(50);
    expect(rows[49]).toEqual({ id: '49', email: 'user49@example.com' });
    expect(codeOf(error)).toBe('parse');
    const message = describeError(error).message;
    expect(message).toContain('open.csv');
    expect(message).toContain('never closed');
    expect(message).not.toContain('xxxx');
    // Stopped after about maxLineBytes past the open quote, not at the end of the file.
    expect(c.stats.bytes).toBeLessThan(64 * 1024 * 4 + 200_000);
  });

  it('reports an unclosed quote near the end of a small file', async () => {
    tree.write('end.csv', 'a,b\n1,2\n3,"oops\n');
    const { rows, error } = await sampleById(filesConnector({ path: tree.dir }), 'end.csv');
    expect(rows).toEqual([{ a: '1', b: '2' }]);
    expect(codeOf(error)).toBe('parse');
  });

  it("honours Excel's sep= first line", async () => {
    tree.write('excel.csv', 'sep=;\r\nnavn;email\r\nAnn;a@b.dk\r\n');
    const c = filesConnector({ path: tree.dir });
    expect((await discoverAll(c))[0]?.fields.map((f) => f.name)).toEqual(['navn', 'email']);
    expect((await sampleById(c, 'excel.csv')).rows).toEqual([{ navn: 'Ann', email: 'a@b.dk' }]);
  });

  it('reads an empty CSV and a header-only CSV as no rows', async () => {
    tree.write('empty.csv', '');
    tree.write('header.csv', 'a,b\n');
    const c = filesConnector({ path: tree.dir });
    expect(await sampleById(c, 'empty.csv')).toEqual({ rows: [] });
    expect(await sampleById(c, 'header.csv')).toEqual({ rows: [] });
  });

  it('projects the requested fields', async () => {
    tree.write('p.csv', 'a,b,c\n1,2,3\n');
    const { rows } = await sampleById(filesConnector({ path: tree.dir }), 'p.csv', { fields: ['a', 'c'] });
    expect(rows).toEqual([{ a: '1', c: '3' }]);
  });

  it('keeps a __proto__ header as a plain field', async () => {
    tree.write('proto.csv', '__proto__,b\n1,2\n');
    const { rows } = await sampleById(filesConnector({ path: tree.dir }), 'proto.csv');
    expect(Object.keys(rows[0] ?? {})).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
  });
});

describe('files connector: NDJSON', () => {
  it('flattens nested records, expands arrays into extra rows, skips and counts bad lines', async () => {
    tree.write(
      'events.ndjson',
      [
        '{"customer":{"email":"a@b.dk","name":"Ann"},"items":[{"sku":"x1"},{"sku":"x2"}],"tags":["vip"]}',
        'this is not json',
        '',
        '{"customer":{"email":"c@d.dk"},"ok":true,"n":7,"none":null}',
        '{"broken": ',
        '["a","b"]',
        '"just a string"',
      ].join('\n'),
    );
    const c = filesConnector({ path: tree.dir });
    const { rows, error } = await sampleById(c, 'events.ndjson');
    expect(error).toBeUndefined();
    expect(rows).toEqual([
      { 'customer.email': 'a@b.dk', 'customer.name': 'Ann', 'items[].sku': 'x1', 'tags[]': 'vip' },
      { 'items[].sku': 'x2' },
      { 'customer.email': 'c@d.dk', ok: true, n: 7, none: null },
      { '[]': 'a' },
      { '[]': 'b' },
      { value: 'just a string' },
    ]);
    expect(c.issues.get('events.ndjson')).toMatchObject({ badRecords: 2 });
  });

  it('bounds the rows one record expands into', async () => {
    const many = Array.from({ length: 100 }, (_, i) => `"t${i}"`).join(',');
    tree.write('wide.jsonl', `{"id":1,"tags":[${many}]}\n{"id":2}\n`);
    const c = filesConnector({ path: tree.dir });
    const { rows } = await sampleById(c, 'wide.jsonl');
    expect(rows).toHaveLength(11);
    expect(rows[10]).toEqual({ id: 2 });
    expect(c.issues.get('wide.jsonl')?.droppedValues).toBe(90);
  });

  it('turns id-like keys into * so map keys (ids, e-mails) never become field names', async () => {
    tree.write('map.ndjson', '{"users":{"4711":{"email":"a@b.dk"},"ann@example.com":{"phone":"+4512345678"}}}\n');
    const { rows } = await sampleById(filesConnector({ path: tree.dir }), 'map.ndjson');
    expect(rows).toEqual([{ 'users.*.email': 'a@b.dk', 'users.*.phone': '+4512345678' }]);
  });

  it('fails with a parse error when no line is JSON', async () => {
    tree.write('bad.ndjson', '{nope\n{still not\n');
    const { rows, error } = await sampleById(filesConnector({ path: tree.dir }), 'bad.ndjson');
    expect(rows).toEqual([]);
    expect(codeOf(error)).toBe('parse');
    expect(describeError(error).message).toContain('bad.ndjson');
  });

  it('reads a .json file that holds one JSON value per line as NDJSON', async () => {
    tree.write('lines.json', '{"email":"a@b.dk"}\n{"email":"c@d.dk"}\nnot json\n');
    const c = filesConnector({ path: tree.dir });
    expect((await discoverAll(c))[0]?.format).toBe('ndjson');
    expect((await sampleById(c, 'lines.json')).rows).toEqual([{ email: 'a@b.dk' }, { email: 'c@d.dk' }]);
  });
});

describe('files connector: JSON documents', () => {
  it('streams a top-level array, one row per element', async () => {
    tree.write('people.json', JSON.stringify([{ name: 'Ann', contact: { email: 'a@b.dk' } }, { name: 'Bo', contact: { email: 'b@c.dk' }, id: 12345678901234567890n.toString() }], null, 2));
    const { rows } = await sampleById(filesConnector({ path: tree.dir }), 'people.json');
    expect(rows).toEqual([
      { name: 'Ann', 'contact.email': 'a@b.dk' },
      { name: 'Bo', 'contact.email': 'b@c.dk', id: '12345678901234567890' },
    ]);
  });

  it('streams the arrays of a top-level object with the key as prefix, and keeps other values in a document row', async () => {
    tree.write('export.json', '{"exported":"2024-01-01","data":[{"email":"a@b.dk"},{"email":"c@d.dk","phones":["1","2"]}],"meta":{"count":2}}');
    const { rows } = await sampleById(filesConnector({ path: tree.dir }), 'export.json');
    expect(rows).toEqual([
      { 'data[].email': 'a@b.dk' },
      { 'data[].email': 'c@d.dk', 'data[].phones[]': '1' },
      { 'data[].phones[]': '2' },
      { exported: '2024-01-01', 'meta.count': 2 },
    ]);
  });

  it('reads a plain object as one row of flattened paths, big numbers as text', async () => {
    tree.write('cfg.json', '{"owner":{"name":"Ann","email":"a@b.dk"},"big":12345678901234567890,"f":1.5,"t":true,"z":null}');
    const { rows } = await sampleById(filesConnector({ path: tree.dir }), 'cfg.json');
    expect(rows).toEqual([{ 'owner.name': 'Ann', 'owner.email': 'a@b.dk', big: '12345678901234567890', f: 1.5, t: true, z: null }]);
  });

  it('yields the rows before a truncation, then fails with a parse error naming the file', async () => {
    tree.write('cut.json', '[{"email":"a@b.dk"},{"email":"c@d.dk"},{"email":"e@');
    const { rows, error } = await sampleById(filesConnector({ path: tree.dir }), 'cut.json');
    expect(rows).toEqual([{ email: 'a@b.dk' }, { email: 'c@d.dk' }]);
    expect(codeOf(error)).toBe('parse');
    const message = describeError(error).message;
    expect(message).toContain('cut.json');
    expect(message).toContain('2 records');
    expect(message).not.toContain('e@');
  });

  it('reports invalid JSON after the valid part', async () => {
    tree.write('bad.json', '[{"a":"x"}, {"a": nope}]');
    const { rows, error } = await sampleById(filesConnector({ path: tree.dir }), 'bad.json');
    expect(rows).toEqual([{ a: 'x' }]);
    expect(codeOf(error)).toBe('parse');
  });

  it('cuts very long string values instead of holding them whole', async () => {
    tree.write('long.json', JSON.stringify([{ note: 'y'.repeat(200_000), email: 'a@b.dk' }]));
    const c = filesConnector({ path: tree.dir });
    const { rows } = await sampleById(c, 'long.json');
    expect((rows[0]?.note as string).length).toBe(64 * 1024);
    expect(rows[0]?.email).toBe('a@b.dk');
  });

  it('drops values nested past 64 levels and refuses nesting past 10 000 without growing memory', async () => {
    const deep = (n: number): string => `${'{"a":'.repeat(n)}"x"${'}'.repeat(n)}`;
    tree.write('ok.json', `[{"email":"a@b.dk","deep":${deep(100)}}]`);
    tree.write('hostile.json', '['.repeat(200_000));
    tree.write('deep.ndjson', `{"email":"a@b.dk","deep":${deep(100)}}\n`);
    const c = filesConnector({ path: tree.dir });
    expect((await sampleById(c, 'ok.json')).rows).toEqual([{ email: 'a@b.dk' }]);
    expect(c.issues.get('ok.json')?.droppedValues).toBe(1);
    expect((await sampleById(c, 'deep.ndjson')).rows).toEqual([{ email: 'a@b.dk' }]);
    const hostile = await sampleById(c, 'hostile.json');
    expect(hostile.rows).toEqual([]);
    expect(codeOf(hostile.error)).toBe('parse');
    expect(describeError(hostile.error).message).toContain('nested deeper');
  });

  it('reads concatenated JSON documents and scalars at the top level', async () => {
    tree.write('multi.json', '{"email":"a@b.dk"} {"email":"c@d.dk"}\n"plain"\n[1,2]');
    const { rows, error } = await sampleById(filesConnector({ path: tree.dir }), 'multi.json');
    expect(error).toBeUndefined();
    expect(rows).toEqual([{ email: 'a@b.dk' }, { email: 'c@d.dk' }, { value: 'plain' }, { value: 1 }, { value: 2 }]);
  });

  it('gives a map keyed by id one row per entry', async () => {
    tree.write('users.json', '{"users":{"4711":{"email":"a@b.dk","name":"Ann"},"4712":{"email":"c@d.dk","name":"Bo"}}}');
    const { rows } = await sampleById(filesConnector({ path: tree.dir }), 'users.json');
    expect(rows).toEqual([
      { 'users.*.email': 'a@b.dk', 'users.*.name': 'Ann' },
      { 'users.*.email': 'c@d.dk', 'users.*.name': 'Bo' },
    ]);
  });

  it('reads an empty or whitespace-only JSON file as no rows', async () => {
    tree.write('empty.json', '  \n');
    const { rows, error } = await sampleById(filesConnector({ path: tree.dir }), 'empty.json');
    expect(rows).toEqual([]);
    expect(error).toBeUndefined();
  });
});

describe('files connector: text and logs', () => {
  it('yields one { line } row per non-empty line, and flattens lines that are JSON objects', async () => {
    tree.write('app.log', '2024-01-01 login user=ann@example.com\r\n\n{"level":"info","user":{"email":"bo@example.com"}}\n{not json}\nlast line without newline');
    const { rows } = await sampleById(filesConnector({ path: tree.dir }), 'app.log');
    expect(rows).toEqual([
      { line: '2024-01-01 login user=ann@example.com' },
      { level: 'info', 'user.email': 'bo@example.com' },
      { line: '{not json}' },
      { line: 'last line without newline' },
    ]);
  });

  it('keeps a .txt that holds CSV as text', async () => {
    tree.write('list.txt', 'name,email\nAnn,a@b.dk\n');
    const c = filesConnector({ path: tree.dir });
    expect((await discoverAll(c))[0]?.format).toBe('text');
    expect((await sampleById(c, 'list.txt')).rows).toEqual([{ line: 'name,email' }, { line: 'Ann,a@b.dk' }]);
  });

  it('respects the limit and counts queries, rows and bytes', async () => {
    tree.write('many.log', Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n'));
    const c = filesConnector({ path: tree.dir });
    const [container] = await discoverAll(c);
    const before = { ...c.stats };
    const { rows } = await sampleContainer(c, container ?? fileContainer('many.log'), { limit: 10 });
    expect(rows).toHaveLength(10);
    expect(rows[9]).toEqual({ line: 'line 9' });
    expect(c.stats.queries - before.queries).toBe(1);
    expect(c.stats.rows - before.rows).toBe(10);
    expect(c.stats.bytes - before.bytes).toBeGreaterThan(0);
    expect((await sampleContainer(c, fileContainer('many.log'), { limit: 0 })).rows).toEqual([]);
  });

  it('samples a big log in runs spread over the file when a limit is given', async () => {
    // ~17 MiB: above the 16 MiB threshold for spread sampling.
    const lines: string[] = [];
    for (let i = 0; i < 1_000_000; i++) lines.push(`event ${String(i).padStart(7, '0')} ok`);
    tree.write('big.log', lines.join('\n'));
    const c = filesConnector({ path: tree.dir });
    const { rows } = await sampleById(c, 'big.log', { limit: 40 });
    expect(rows).toHaveLength(40);
    const numbers = rows.map((r) => Number(/event (\d+)/.exec(String(r.line))?.[1]));
    expect(numbers.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // Later rows come from all over the file, in order, each a whole line.
    const later = numbers.slice(20);
    expect(later.every((n) => Number.isInteger(n) && n > 20)).toBe(true);
    expect(Math.max(...later)).toBeGreaterThan(800_000);
    expect([...later].sort((a, b) => a - b)).toEqual(later);
    expect(new Set(numbers).size).toBe(40);
    for (const r of rows) expect(String(r.line)).toMatch(/^event \d{7} ok$/);
    expect(c.stats.bytes).toBeLessThan(4 * 1024 * 1024);
  });
});

describe('files connector: encodings', () => {
  it('reads UTF-16 LE and BE with a BOM, CSV and text', async () => {
    tree.write('le.csv', utf16le('navn;email\r\nSøren Ærø;s@x.dk\r\n'));
    tree.write('be.txt', utf16be('Zoë 😀\nline two\n'));
    const c = filesConnector({ path: tree.dir });
    const found = await discoverAll(c);
    expect(found.find((f) => f.id === 'le.csv')).toMatchObject({ format: 'csv', fields: [{ name: 'navn' }, { name: 'email' }] });
    expect((await sampleById(c, 'le.csv')).rows).toEqual([{ navn: 'Søren Ærø', email: 's@x.dk' }]);
    expect((await sampleById(c, 'be.txt')).rows).toEqual([{ line: 'Zoë 😀' }, { line: 'line two' }]);
  });

  it('reads UTF-16 LE without a BOM', async () => {
    tree.write('nobom.ndjson', utf16le('{"email":"a@b.dk"}\n', false));
    const { rows } = await sampleById(filesConnector({ path: tree.dir }), 'nobom.ndjson');
    expect(rows).toEqual([{ email: 'a@b.dk' }]);
  });

  it('turns invalid UTF-8 into U+FFFD and never crashes', async () => {
    tree.write('bad.csv', Buffer.concat([Buffer.from('name,city\nÆble,'), Buffer.from([0xc3, 0x28, 0x80]), Buffer.from('\n')]));
    tree.write('bad.log', Buffer.concat([Buffer.from('ok ø\n'), Buffer.from([0xe2, 0x82]), Buffer.from(' tail\n')]));
    const c = filesConnector({ path: tree.dir });
    expect((await sampleById(c, 'bad.csv')).rows).toEqual([{ name: 'Æble', city: '\uFFFD(\uFFFD' }]);
    expect((await sampleById(c, 'bad.log')).rows).toEqual([{ line: 'ok ø' }, { line: '\uFFFD tail' }]);
  });

  it('reads a Latin-1 export (no valid UTF-8 sequence, invalid bytes) as Windows-1252', async () => {
    tree.write('latin1.csv', Buffer.from('navn;by\nSøren;Århus\n', 'latin1'));
    const { rows } = await sampleById(filesConnector({ path: tree.dir }), 'latin1.csv');
    expect(rows).toEqual([{ navn: 'Søren', by: 'Århus' }]);
  });

  it('strips NUL bytes inside a text file', async () => {
    tree.write('nul.log', Buffer.concat([Buffer.from('before\n'), Buffer.alloc(200), Buffer.from('\nan\u0000email a@b.dk\n')]));
    tree.write('nul.csv', Buffer.from('a,b\nx\u0000y,z\n'));
    const c = filesConnector({ path: tree.dir });
    expect((await sampleById(c, 'nul.log')).rows).toEqual([{ line: 'before' }, { line: 'anemail a@b.dk' }]);
    expect((await sampleById(c, 'nul.csv')).rows).toEqual([{ a: 'xy', b: 'z' }]);
  });
});

describe('files connector: wrong extensions and binary files', () => {
  it('reads JSON content in a .csv as JSON, and text in a .json as text', async () => {
    tree.write('really-json.csv', '[{"email":"a@b.dk"}]');
    tree.write('really-ndjson.csv', '{"email":"a@b.dk"}\n{"email":"c@d.dk"}\n');
    tree.write('really-csv.json', 'name,email\nAnn,a@b.dk\n');
    const c = filesConnector({ path: tree.dir });
    const found = await discoverAll(c);
    expect(found.map((f) => [f.id, f.format])).toEqual([
      ['really-csv.json', 'text'],
      ['really-json.csv', 'json'],
      ['really-ndjson.csv', 'ndjson'],
    ]);
    expect((await sampleById(c, 'really-json.csv')).rows).toEqual([{ email: 'a@b.dk' }]);
    expect((await sampleById(c, 'really-ndjson.csv')).rows).toEqual([{ email: 'a@b.dk' }, { email: 'c@d.dk' }]);
    expect((await sampleById(c, 'really-csv.json')).rows).toEqual([{ line: 'name,email' }, { line: 'Ann,a@b.dk' }]);
  });

  it('lists binary files and fails their sample with a parse error and a hint', async () => {
    const random = Buffer.alloc(4096);
    let seed = 42;
    for (let i = 0; i < random.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      random[i] = seed >> 16;
    }
    tree.write('random.csv', random);
    tree.write('app.db', Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(100)]));
    tree.write('report.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'));
    tree.write('dump.csv.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0]));
    tree.write('photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    const c = filesConnector({ path: tree.dir });
    const found = await discoverAll(c);
    expect(found.map((f) => f.id)).toEqual(['app.db', 'dump.csv.gz', 'random.csv', 'report.pdf']);
    expect(found.map((f) => f.meta?.binary)).toEqual(['sqlite', 'gzip', 'binary', 'pdf']);
    for (const container of found) {
      const { rows, error } = await sampleContainer(c, container);
      expect(rows).toEqual([]);
      expect(codeOf(error)).toBe('parse');
      expect(describeError(error).message).toContain(container.id);
    }
    const sqlite = await sampleContainer(c, found[0] ?? fileContainer('app.db'));
    expect(describeError(sqlite.error).message).toContain('sqlite:');
  });
});

describe('files connector: bounds, errors and lifecycle', () => {
  it('cuts long lines at maxLineBytes on a character boundary and counts them', async () => {
    tree.write('wide.log', `${'å'.repeat(100)}\nshort\n${'b'.repeat(50)}`);
    const c = filesConnector({ path: tree.dir, maxLineBytes: 41 });
    const { rows } = await sampleById(c, 'wide.log');
    expect(rows).toEqual([{ line: 'å'.repeat(20) }, { line: 'short' }, { line: 'b'.repeat(41) }]);
    expect(c.issues.get('wide.log')?.cutLines).toBe(2);
  });

  // Root reads any file whatever its mode; files-permission.test.ts runs this case as `nobody`.
  it.skipIf(process.getuid?.() === 0)('fails with permission when a file cannot be read, and the other files still sample', async () => {
    tree.write('ok.csv', 'a\n1\n');
    const locked = tree.write('locked.csv', 'a\n1\n');
    chmodSync(locked, 0o000);
    const c = filesConnector({ path: tree.dir });
    const found = await discoverAll(c);
    expect(found.map((f) => f.id)).toEqual(['locked.csv', 'ok.csv']);
    expect(codeOf((await sampleContainer(c, found[0] ?? fileContainer('locked.csv'))).error)).toBe('permission');
    expect((await sampleContainer(c, found[1] ?? fileContainer('ok.csv'))).rows).toEqual([{ a: '1' }]);
  });

  it('fails with not-found for a file removed after discovery, and refuses ids outside the root', async () => {
    const c = filesConnector({ path: tree.dir });
    expect(codeOf((await sampleContainer(c, fileContainer('gone.csv'))).error)).toBe('not-found');
    expect(codeOf((await sampleContainer(c, fileContainer('../etc/passwd'))).error)).toBe('not-found');
    mkdirSync(join(tree.dir, 'folder.csv'));
    expect(codeOf((await sampleContainer(c, fileContainer('folder.csv'))).error)).toBe('parse');
  });

  it('samples a container built without discover (format sniffed from the file)', async () => {
    tree.write('x.dat', '{"email":"a@b.dk"}\n');
    tree.write('y.json', '[{"email":"a@b.dk"}]');
    const c = filesConnector({ path: tree.dir });
    expect((await sampleContainer(c, fileContainer('x.dat'))).rows).toEqual([{ email: 'a@b.dk' }]);
    expect((await sampleContainer(c, fileContainer('y.json'))).rows).toEqual([{ email: 'a@b.dk' }]);
  });

  it('closes the file when the consumer stops early', async () => {
    tree.write('big.csv', `a\n${'1\n'.repeat(100_000)}`);
    const c = filesConnector({ path: tree.dir });
    const [container] = await discoverAll(c);
    const before = openFds();
    for (let i = 0; i < 20; i++) {
      for await (const row of c.sample(container ?? fileContainer('big.csv'), {})) {
        void row;
        break;
      }
    }
    const after = openFds();
    if (before !== undefined && after !== undefined) expect(after).toBeLessThanOrEqual(before + 1);
    expect(c.stats.bytes).toBeLessThan(20 * 256 * 1024);
  });

  it('stops reading when the signal aborts mid-sample', async () => {
    tree.write('long.log', 'x\n'.repeat(2_000_000));
    const c = filesConnector({ path: tree.dir });
    const [container] = await discoverAll(c);
    const ac = new AbortController();
    let n = 0;
    const bytesBefore = c.stats.bytes;
    const err = await (async () => {
      for await (const _ of c.sample(container ?? fileContainer('long.log'), { signal: ac.signal })) {
        if (++n === 5) ac.abort();
      }
    })().catch((e: unknown) => e);
    expect(describeError(err).code).toBe('aborted');
    expect(n).toBeLessThan(100_000);
    expect(c.stats.bytes - bytesBefore).toBeLessThan(1024 * 1024);
  });

  it('refuses to work after close', async () => {
    tree.write('a.csv', 'a\n1\n');
    const c = filesConnector({ path: tree.dir });
    await c.close();
    expect(describeError(await discoverAll(c).catch((e: unknown) => e)).code).toBe('aborted');
  });
});
