import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, type SignedIn, signIn } from '../../../test/auth.ts';
import { createCategory, createProduct } from '../../../test/factories.ts';
import {
  JPEG_COMMENT,
  JPEG_EXIF,
  multipartFile,
  PNG_COMMENT,
  tinyJpeg,
  tinyPng,
  tinyWebp,
  WEBP_EXIF,
} from '../../../test/images.ts';
import { sanitizeImage } from './image-sanitizer.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'securecart-uploads-'));
const ctx = await useTestApp({ dataDir });
const db = ctx.database.handle.db;

let admin: SignedIn;
let productId: string;

beforeAll(async () => {
  const category = await createCategory(db);
  productId = (await createProduct(db, { categoryId: category.id })).id;
  const a = await createUser(db, { role: 'admin' });
  admin = await signIn(ctx.app, a.user.email, a.password);
});

const upload = (bytes: Buffer, options: Parameters<typeof multipartFile>[1] = {}, id = productId) => {
  const { payload, headers } = multipartFile(bytes, options);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/v1/admin/products/${id}/image`,
    headers: { ...admin.auth, ...headers },
    payload,
  });
};

const storedFiles = () => readdirSync(path.join(dataDir, 'uploads'));

describe('product image upload', () => {
  it.each([
    ['png', tinyPng, 'image/png', PNG_COMMENT],
    ['jpg', tinyJpeg, 'image/jpeg', JPEG_COMMENT],
    ['webp', tinyWebp, 'image/webp', WEBP_EXIF],
  ])(
    'accepts a %s, strips its metadata, stores it and serves it safely',
    async (ext, build, type, secret) => {
      // The declared type and file name lie; only the content counts.
      const res = await upload(build(), { filename: 'photo.gif', contentType: 'text/html' });
      expect(res.statusCode, res.body).toBe(200);
      const product = res.json();
      expect(product.id).toBe(productId);
      expect(product.imageUrl).toMatch(new RegExp(`^/uploads/[0-9a-f]{32}\\.${ext}$`));

      const stored = readFileSync(path.join(dataDir, product.imageUrl));
      expect(stored.toString('latin1')).not.toContain(secret.replace(/\0/g, '').slice(-12));
      expect(sanitizeImage(stored).ok).toBe(true);

      const served = await ctx.app.inject({ method: 'GET', url: product.imageUrl });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe(type);
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.headers['content-disposition']).toBe('inline');
      expect(served.headers['content-security-policy']).toContain("default-src 'none'");
      expect(served.headers['cache-control']).toContain('max-age=31536000');
      expect(served.rawPayload.equals(stored)).toBe(true);

      const after = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/admin/products/${productId}`,
        headers: admin.auth,
      });
      expect(after.json().imageUrl).toBe(product.imageUrl);
    },
  );

  it('keeps the JPEG APP0 header but drops EXIF and comments', () => {
    const result = sanitizeImage(tinyJpeg());
    expect(result.ok).toBe(true);
    const text = result.ok ? result.bytes.toString('latin1') : '';
    expect(text).toContain('JFIF');
    expect(text).not.toContain(JPEG_EXIF.slice(6));
    expect(text).not.toContain(JPEG_COMMENT);
  });

  it('refuses polyglots, other types and markup, and stores nothing', async () => {
    const before = storedFiles().length;
    const html = Buffer.from('<html><body><script>alert(1)</script></body></html>');
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(30)]);
    const cases: [string, Buffer, number][] = [
      ['png + appended html', Buffer.concat([tinyPng(), html]), 400],
      ['png + appended bytes', Buffer.concat([tinyPng(), Buffer.from('PK\x03\x04zipzip')]), 400],
      ['jpeg + appended html', Buffer.concat([tinyJpeg(), html]), 400],
      [
        'jpeg + html ending in EOI',
        Buffer.concat([tinyJpeg(), Buffer.from('<svg onload=alert(1)>'), Buffer.from([0xff, 0xd9])]),
        400,
      ],
      ['webp with wrong RIFF size', Buffer.concat([tinyWebp(), Buffer.alloc(4)]), 400],
      [
        'png with a <?php comment',
        Buffer.from(tinyPng().toString('latin1').replace('secret-png-metadata', '<?PHP system();'), 'latin1'),
        400,
      ],
      ['gif', gif, 415],
      ['html named .png', html, 415],
      ['svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 415],
      ['truncated png', tinyPng().subarray(0, 40), 400],
    ];
    for (const [name, bytes, status] of cases) {
      const res = await upload(bytes, { filename: 'image.png', contentType: 'image/png' });
      expect(res.statusCode, name).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(storedFiles().length).toBe(before);
  });

  it('refuses a 6 MB file with 413', async () => {
    const big = Buffer.concat([tinyPng(), Buffer.alloc(6 * 1024 * 1024)]);
    const res = await upload(big);
    expect(res.statusCode).toBe(413);
  });

  it('refuses a body that is not multipart, a wrong field name, and an unknown product', async () => {
    const json = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/products/${productId}/image`,
      headers: admin.auth,
      payload: { file: 'x' },
    });
    expect([400, 415]).toContain(json.statusCode);
    expect((await upload(tinyPng(), { field: 'image' })).statusCode).toBe(400);
    expect((await upload(tinyPng(), {}, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('does not serve files outside the upload naming scheme', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/uploads/../secrets.json' })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/uploads/x.html' })).statusCode).toBe(404);
  });
});
