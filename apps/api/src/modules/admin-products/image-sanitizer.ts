import { crc32 } from 'node:zlib';

export type ImageKind = 'png' | 'jpeg' | 'webp';

export const IMAGE_CONTENT_TYPES: Record<ImageKind, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};
export const IMAGE_EXTENSIONS: Record<ImageKind, string> = { png: 'png', jpeg: 'jpg', webp: 'webp' };

export type SanitizeResult =
  | { ok: true; kind: ImageKind; bytes: Buffer }
  | { ok: false; reason: 'unsupported_type' | 'malformed_image' | 'active_content' };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Markup a browser or interpreter could run if the file were ever served or included as such.
const ACTIVE_CONTENT = /<script|<\?php|<html|<svg/i;
// Critical chunks plus palette transparency; every ancillary chunk (text, EXIF, ICC, time…) goes.
const PNG_KEPT = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND']);

class Malformed extends Error {}

/** The type from the first bytes, never from the file name or the declared Content-Type. */
export function sniffImage(bytes: Buffer): ImageKind | undefined {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'webp';
  return undefined;
}

/**
 * Accepts a PNG, JPEG or WebP only when its whole structure is consistent (nothing hidden before,
 * inside or after the image data) and no markup appears anywhere, then returns a copy without
 * metadata. See docs/decisions/007-image-uploads-without-a-decoder.md.
 */
export function sanitizeImage(bytes: Buffer): SanitizeResult {
  const kind = sniffImage(bytes);
  if (!kind) return { ok: false, reason: 'unsupported_type' };
  if (ACTIVE_CONTENT.test(bytes.toString('latin1'))) return { ok: false, reason: 'active_content' };
  try {
    const clean = kind === 'png' ? cleanPng(bytes) : kind === 'jpeg' ? cleanJpeg(bytes) : cleanWebp(bytes);
    return { ok: true, kind, bytes: clean };
  } catch (error) {
    if (error instanceof Malformed || error instanceof RangeError)
      return { ok: false, reason: 'malformed_image' };
    throw error;
  }
}

function cleanPng(bytes: Buffer): Buffer {
  const kept: Buffer[] = [PNG_SIGNATURE];
  let offset = PNG_SIGNATURE.length;
  let first = true;
  let sawData = false;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw new Malformed('truncated chunk');
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (!/^[A-Za-z]{4}$/.test(type) || end > bytes.length) throw new Malformed('bad chunk');
    const crc = bytes.readUInt32BE(end - 4);
    if (crc32(bytes.subarray(offset + 4, end - 4)) !== crc) throw new Malformed('bad crc');
    if (first && (type !== 'IHDR' || length !== 13)) throw new Malformed('IHDR must come first');
    first = false;
    if (type === 'IDAT') sawData = true;
    if (PNG_KEPT.has(type)) kept.push(bytes.subarray(offset, end));
    offset = end;
    if (type === 'IEND') {
      // Anything after IEND is how a PNG carries a second file: refuse, do not trim.
      if (offset !== bytes.length || length !== 0 || !sawData) throw new Malformed('data after IEND');
      return Buffer.concat(kept);
    }
  }
  throw new Malformed('no IEND');
}

function cleanJpeg(bytes: Buffer): Buffer {
  const n = bytes.length;
  if (n < 4 || bytes[n - 2] !== 0xff || bytes[n - 1] !== 0xd9) throw new Malformed('must end with EOI');
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let offset = 2;
  while (offset < n) {
    if (bytes[offset] !== 0xff) throw new Malformed('expected a marker');
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === 0xd9) throw new Malformed('EOI before image data');
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) throw new Malformed('stray marker');
    const length = bytes.readUInt16BE(offset + 2);
    const end = offset + 2 + length;
    if (length < 2 || end > n) throw new Malformed('bad segment');
    if (marker === 0xda) {
      // Start of scan: entropy-coded data (and any later tables or scans) up to the final EOI.
      kept.push(bytes.subarray(offset));
      return Buffer.concat(kept);
    }
    // APP1–APP15 (EXIF, XMP, ICC, Photoshop…) and COM carry metadata, never pixels.
    const metadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!metadata) kept.push(bytes.subarray(offset, end));
    offset = end;
  }
  throw new Malformed('no image data');
}

const WEBP_DROPPED = new Set(['EXIF', 'XMP ', 'ICCP']);
const VP8X_ICC = 0x20;
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function cleanWebp(bytes: Buffer): Buffer {
  if (bytes.readUInt32LE(4) + 8 !== bytes.length) throw new Malformed('RIFF size does not match');
  const kept: Buffer[] = [];
  let offset = 12;
  let sawImage = false;
  while (offset < bytes.length) {
    if (offset + 8 > bytes.length) throw new Malformed('truncated chunk');
    const type = bytes.toString('latin1', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const end = offset + 8 + size + (size % 2);
    if (!/^[A-Z0-9 ]{4}$/i.test(type) || end > bytes.length) throw new Malformed('bad chunk');
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') sawImage = true;
    if (type === 'VP8X') {
      if (size < 10) throw new Malformed('bad VP8X');
      const chunk = Buffer.from(bytes.subarray(offset, end));
      chunk[8] = chunk[8]! & ~(VP8X_ICC | VP8X_EXIF | VP8X_XMP);
      kept.push(chunk);
    } else if (!WEBP_DROPPED.has(type)) {
      kept.push(bytes.subarray(offset, end));
    }
    offset = end;
  }
  if (!sawImage) throw new Malformed('no image data');
  const body = Buffer.concat(kept);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}
