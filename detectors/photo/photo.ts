import type { Detector } from '../../src/types.js';

/**
 * Photos of people: image bytes in a BLOB/bytea column, images inlined as data URLs or base64,
 * and links or paths to image files. An image says nothing about what it shows, so the field
 * name must say "a person's picture" (`photo`, `avatar`, `portrait`), and generic words
 * (`picture`, `image`) count only in a container about people: a category's picture is food.
 */

/** Does the head of a binary value start like an image file? */
export function isImageHead(head: Uint8Array): boolean {
  const n = head.length;
  if (n < 4) return false;
  const b = (i: number): number => head[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return true; // JPEG
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return true; // PNG
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return true; // GIF8
  if (b(0) === 0x42 && b(1) === 0x4d && n >= 14 && b(6) === 0 && b(7) === 0 && b(8) === 0 && b(9) === 0) return true; // BMP: reserved bytes are zero
  if (b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0x00) return true; // TIFF, little-endian
  if (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0x00 && b(3) === 0x2a) return true; // TIFF, big-endian
  if (n >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return true;
  if (n >= 12 && ascii(head, 4, 8) === 'ftyp' && /^(?:heic|heix|mif1|avif|heif)$/.test(ascii(head, 8, 12))) return true;
  // Access/Northwind OLE object wrapping a bitmap: header 0x15 0x1C, then the class names
  // "Bitmap Image" / "Paint.Picture"; the BMP itself starts after 78 bytes, beyond the head.
  if (b(0) === 0x15 && b(1) === 0x1c) return true;
  return false;
}

function ascii(head: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to && i < head.length; i++) s += String.fromCharCode(head[i] ?? 0);
  return s;
}

const DATA_URL = /^data:image\/[\w.+-]{2,20}[;,]/i;
/** Base64 text of JPEG (`/9j/`), PNG (`iVBORw0KGgo`), GIF (`R0lGOD`), BMP (`Qk`), WebP (`UklGR`). */
const BASE64_IMAGE = /^(?:\/9j\/|iVBORw0KGgo|R0lGOD[lh]|Qk[0-9A-Za-z+/]{2}AAAAAA|UklGR)[\w+/]{60}/;
/** A link or path to an image file: `http://accweb/employees/davolio.bmp`, `/img/u/42.jpg?v=3`, `photos\anna.png`. */
const IMAGE_FILE = /\.(?:jpe?g|png|gif|bmp|webp|tiff?|heic|avif|svg)$/i;
const PATH_LIKE = /^(?:https?:\/\/|s3:\/\/|gs:\/\/|\/|\.{0,2}[\\/]|[a-z]:\\|[\w-]{1,64}[\\/])/i;

/**
 * Value evidence for a text value: 1 for an inline image (data URL, base64 of an image), 0.9
 * for a link or path to an image file, 0.5 for a bare image file name (`anna.jpg`).
 */
export function photoValueScore(value: string): number {
  const n = value.length;
  if (n < 5) return 0;
  if (value.charCodeAt(0) === 100 /* d */ && DATA_URL.test(value)) return 1;
  if (n >= 64 && BASE64_IMAGE.test(value)) return 1;
  if (n > 2048 || /\s/.test(value.slice(0, 256))) return 0;
  const q = value.search(/[?#]/);
  const path = q >= 0 ? value.slice(0, q) : value;
  if (!IMAGE_FILE.test(path)) return 0;
  return PATH_LIKE.test(path) ? 0.9 : 0.5;
}

export const photo: Detector = {
  id: 'photo',
  category: 'photo',
  description: 'photos of people',
  requiresName: true,
  valueWeight: 0.6,
  match: photoValueScore,
  matchBinary: isImageHead,
  names: [
    { pattern: 'photo', weight: 0.9, lang: 'en', when: 'person-context' },
    { pattern: 'photo*', weight: 0.85, lang: 'en', when: 'person-context' },
    { pattern: '*photo', weight: 0.85, lang: 'en', when: 'person-context' },
    { pattern: 'picture', weight: 0.85, lang: 'en', when: 'person-context' },
    { pattern: 'pic', weight: 0.75, lang: 'en', when: 'person-context' },
    { pattern: 'image', weight: 0.8, lang: 'en', when: 'person-context' },
    { pattern: 'img', weight: 0.75, lang: 'en', when: 'person-context' },
    { pattern: 'thumbnail', weight: 0.7, lang: 'en', when: 'person-context' },
    { pattern: 'avatar', weight: 0.95, lang: 'en' },
    { pattern: 'avatar*', weight: 0.9, lang: 'en' },
    { pattern: 'portrait', weight: 0.9, lang: 'en' },
    { pattern: 'headshot', weight: 0.95, lang: 'en' },
    { pattern: 'mugshot', weight: 0.95, lang: 'en' },
    { pattern: 'selfie', weight: 0.95, lang: 'en' },
    { pattern: 'profile picture', weight: 0.95, lang: 'en' },
    { pattern: 'profile pic', weight: 0.95, lang: 'en' },
    { pattern: 'profile photo', weight: 0.95, lang: 'en' },
    { pattern: 'profile image', weight: 0.95, lang: 'en' },
    { pattern: 'gravatar', weight: 0.9, lang: 'en' },
    { pattern: 'billede', weight: 0.85, lang: 'da', when: 'person-context' },
    { pattern: 'profilbillede', weight: 0.95, lang: 'da' },
    { pattern: 'portraet*', weight: 0.9, lang: 'da' },
    { pattern: 'foto', weight: 0.85, lang: 'da', when: 'person-context' },
    { pattern: 'foto*', weight: 0.8, lang: 'da', when: 'person-context' },
    { pattern: 'bild', weight: 0.85, lang: 'de', when: 'person-context' },
    { pattern: 'profilbild', weight: 0.95, lang: 'de' },
    { pattern: 'lichtbild', weight: 0.9, lang: 'de' },
    { pattern: 'passbild', weight: 0.95, lang: 'de' },
    { pattern: 'bilde', weight: 0.85, lang: 'no', when: 'person-context' },
    { pattern: 'profilbilde', weight: 0.95, lang: 'no' },
    { pattern: 'afbeelding', weight: 0.8, lang: 'nl', when: 'person-context' },
    { pattern: 'pasfoto', weight: 0.95, lang: 'nl' },
    { pattern: 'profielfoto', weight: 0.95, lang: 'nl' },
    { pattern: 'photo de profil', weight: 0.95, lang: 'fr' },
    { pattern: 'imagen', weight: 0.8, lang: 'es', when: 'person-context' },
    { pattern: 'fotografia', weight: 0.85, lang: 'es', when: 'person-context' },
    { pattern: 'foto de perfil', weight: 0.95, lang: 'es' },
    // Facts about a picture are not the picture.
    { pattern: 'width', weight: -0.95 },
    { pattern: 'height', weight: -0.95 },
    { pattern: 'size', weight: -0.95 },
    { pattern: 'count', weight: -0.95 },
    { pattern: 'type', weight: -0.9 },
    { pattern: 'mime', weight: -0.95 },
    { pattern: 'format', weight: -0.9 },
    { pattern: 'alt', weight: -0.7 },
    { pattern: 'caption', weight: -0.8 },
    { pattern: 'credit', weight: -0.9 },
    { pattern: 'updated', weight: -0.9 },
    { pattern: 'uploaded at', weight: -0.9 },
    { pattern: 'date', weight: -0.9 },
    { pattern: 'consent', weight: -0.9 },
    { pattern: 'product', weight: -0.9 },
    { pattern: 'category', weight: -0.9 },
    { pattern: 'logo', weight: -0.9 },
    { pattern: 'banner', weight: -0.9 },
    { pattern: 'cover', weight: -0.9 },
  ],
};
