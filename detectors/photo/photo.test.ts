import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyField, type ClassifyOptions, type ContainerContext } from '../../src/engine/classify.js';
import type { FieldSample } from '../../src/engine/sampler.js';
import type { FieldVerdict, Location } from '../../src/types.js';
import { builtinDetectors } from '../index.js';
import { isImageHead, photo, photoValueScore } from './photo.js';

const at = (container: string, field: string): Location => ({ source: 't', sourceKind: 'sqlite', container, containerType: 'table', field });
const options: ClassifyOptions = { detectors: builtinDetectors, match: { defaultCountry: 'DK' }, minConfidence: 0.5, revealValues: false, maxExamples: 3 };
function classify(field: string, sample: FieldSample, personContext: boolean, container: string): FieldVerdict {
  const ctx: ContainerContext = { name: container, fieldNames: [field], personContext };
  return classifyField(at(container, field), 'bytea', sample, ctx, options);
}
const binary = (field: string, heads: Uint8Array[], personContext = true, container = 'employees'): FieldVerdict =>
  classify(field, { rows: heads.length, values: [], binaryHeads: heads }, personContext, container);
const text = (field: string, values: string[], personContext = true, container = 'employees'): FieldVerdict =>
  classify(field, { rows: values.length, values, binaryHeads: [] }, personContext, container);
const has = (v: FieldVerdict, category: string): boolean => v.categories.some((c) => c.category === category);

const ADVERSARIAL = ['0'.repeat(100_000), '@'.repeat(100_000), '.'.repeat(100_000), ' '.repeat(100_000), `data:image/${'a'.repeat(99_990)}`, `/9j/${'A'.repeat(99_990)}`, `${'a/'.repeat(50_000)}.jpg`, `http://${'a.'.repeat(50_000)}png`];

const head = (...bytes: number[]): Uint8Array => {
  const h = new Uint8Array(64);
  h.set(bytes);
  return h;
};
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const JPEG = head(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...ascii('JFIF'));
const PNG = head(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const GIF = head(...ascii('GIF89a'));
const BMP = head(0x42, 0x4d, 0x36, 0x10, 0x0e, 0x00, 0x00, 0x00, 0x00, 0x00, 0x36, 0x00);
const WEBP = head(...ascii('RIFF'), 0x24, 0x10, 0x00, 0x00, ...ascii('WEBP'));
const TIFF = head(0x49, 0x49, 0x2a, 0x00);
const HEIC = head(0x00, 0x00, 0x00, 0x18, ...ascii('ftypheic'));
/** An Access OLE object wrapping a bitmap, as in Northwind's original employee photos. */
const OLE_BITMAP = head(0x15, 0x1c, 0x2f, 0x00, 0x02, 0x00, 0x00, 0x00, 0x0d, 0x00, 0x0e, 0x00, 0x14, 0x00, 0x21, 0x00, 0xff, 0xff, 0xff, 0xff, ...ascii('Bitmap Image'), 0, ...ascii('Paint.Picture'), 0);

describe('isImageHead', () => {
  it.each([['JPEG', JPEG], ['PNG', PNG], ['GIF', GIF], ['BMP', BMP], ['WebP', WEBP], ['TIFF', TIFF], ['HEIC', HEIC], ['OLE-wrapped bitmap', OLE_BITMAP]])('%s', (_, h) => {
    expect(isImageHead(h)).toBe(true);
  });

  it('rejects other binaries', () => {
    expect(isImageHead(head(...ascii('%PDF-1.7')))).toBe(false);
    expect(isImageHead(head(0x50, 0x4b, 0x03, 0x04))).toBe(false); // zip
    expect(isImageHead(head(...ascii('BMW 320d')))).toBe(false); // "BM" followed by text, not a bitmap header
    expect(isImageHead(new Uint8Array([0xff, 0xd8]))).toBe(false);
  });

  it('never throws on any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => typeof isImageHead(b) === 'boolean'));
  });
});

describe('photoValueScore', () => {
  it('accepts inline images and links to image files', () => {
    expect(photoValueScore('data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==')).toBe(1);
    expect(photoValueScore(`/9j/4AAQSkZJRgABAQAAAQABAAD${'A'.repeat(80)}`)).toBe(1);
    expect(photoValueScore('http://accweb/emmployees/davolio.bmp')).toBeGreaterThan(0.8);
    expect(photoValueScore('https://cdn.example.com/u/42/avatar.jpg?v=3')).toBeGreaterThan(0.8);
    expect(photoValueScore('photos\\anna.png')).toBeGreaterThan(0.8);
    expect(photoValueScore('anna.jpg')).toBe(0.5);
  });

  it.each(['http://example.com/', 'report.pdf', 'hello world.jpg', 'Anna Hansen', 'iVBOR'])('rejects %s', (v) => {
    expect(photoValueScore(v)).toBe(0);
  });

  it('never throws and stays in [0, 1] on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 100 }), (s) => {
      const r = photoValueScore(s);
      return r >= 0 && r <= 1;
    }));
  });

  it('returns quickly on long adversarial strings', () => {
    // Warm up on short versions first: the first call into a library may compile its patterns.
    for (const w of ADVERSARIAL.map((a) => a.slice(0, 1000))) {
      photoValueScore(w);
    }
    for (const s of ADVERSARIAL) {
      const t0 = performance.now();
      photoValueScore(s);
      expect(performance.now() - t0).toBeLessThan(50);
    }
  });
});

describe('photo columns', () => {
  const jpegs = Array.from({ length: 9 }, () => JPEG);

  it.each(['photo', 'Photo', 'picture', 'image', 'avatar', 'portrait', 'billede', 'foto', 'Bild', 'bild', 'profile_picture'])('%s with JPEGs in a person table', (field) => {
    expect(binary(field, jpegs).category).toBe('photo');
  });

  it('finds OLE-wrapped Northwind bitmaps', () => {
    expect(binary('Photo', Array.from({ length: 9 }, () => OLE_BITMAP)).category).toBe('photo');
  });

  it('finds an empty photo column in a person table by its name (Northwind PG/MySQL)', () => {
    expect(binary('photo', []).category).toBe('photo');
  });

  it('finds photo paths (labelled photo)', () => {
    const paths = ['davolio', 'fuller', 'leverling', 'peacock', 'buchanan', 'suyama', 'king', 'callahan', 'dodsworth'].map((n) => `http://accweb/emmployees/${n}.bmp`);
    expect(text('photo_path', paths).category).toBe('photo');
    expect(text('PhotoPath', paths).category).toBe('photo');
  });

  it('does not report a picture of food or a product image', () => {
    expect(has(binary('picture', jpegs, false, 'categories'), 'photo')).toBe(false);
    expect(has(binary('Picture', Array.from({ length: 8 }, () => OLE_BITMAP), false, 'Categories'), 'photo')).toBe(false);
    expect(has(binary('image', jpegs, false, 'products'), 'photo')).toBe(false);
    expect(has(binary('product_image', jpegs, true), 'photo')).toBe(false);
  });

  it('needs a name: images alone are not photos of people', () => {
    expect(photo.requiresName).toBe(true);
    expect(has(binary('blob_data', jpegs), 'photo')).toBe(false);
  });

  it('does not report facts about a photo', () => {
    expect(has(text('photo_width', ['640', '800', '1024', '640', '800']), 'photo')).toBe(false);
    expect(has(text('photo_consent', ['true', 'false', 'true', 'true', 'false']), 'photo')).toBe(false);
  });
});
