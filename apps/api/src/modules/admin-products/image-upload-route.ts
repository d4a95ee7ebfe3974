import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import multipart from '@fastify/multipart';
import { adminProductSchema, idParamsSchema, problemSchema } from '@securecart/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import { actorOf } from '../../lib/actor.ts';
import { AppError, badRequest } from '../../lib/errors.ts';
import { uploadsDirOf } from '../../plugins/uploads.ts';
import type { AdminProductsService } from './admin-products-service.ts';
import { IMAGE_EXTENSIONS, sanitizeImage } from './image-sanitizer.ts';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
// Room for the multipart boundaries and part headers around a 5 MB file.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const tooLarge = () =>
  new AppError(413, 'Content Too Large', 'Images are limited to 5 MB.', 'file_too_large');
const unsupported = () =>
  new AppError(
    415,
    'Unsupported Media Type',
    'Only PNG, JPEG and WebP images are accepted.',
    'unsupported_image_type',
  );

export interface ImageUploadOptions {
  config: Config;
  products: AdminProductsService;
  guard: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** The seller's own products only; absent for admins. */
  scopeOf?: (request: FastifyRequest) => { sellerId?: string };
  path?: string;
  operationId?: string;
  tags?: string[];
}

/**
 * POST …/:id/image — its own plugin so multipart parsing exists on this route only: every other
 * route keeps refusing multipart bodies.
 */
export const imageUploadRoute: FastifyPluginAsyncZod<ImageUploadOptions> = async (app, options) => {
  const { config, products, guard } = options;
  await app.register(multipart, {
    limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 0, parts: 1, headerPairs: 100 },
  });
  const uploadsDir = uploadsDirOf(config);

  app.post(
    options.path ?? '/admin/products/:id/image',
    {
      onRequest: guard,
      bodyLimit: MAX_IMAGE_BYTES + MULTIPART_OVERHEAD_BYTES,
      schema: {
        tags: options.tags ?? ['admin'],
        security: [{ bearerAuth: [] }],
        operationId: options.operationId ?? 'adminUploadProductImage',
        summary: 'Upload a product image (multipart field `file`: PNG, JPEG or WebP, ≤ 5 MB)',
        description:
          'The type is sniffed from the content (the file name and declared type are ignored); ' +
          'files with trailing data, markup or an inconsistent structure are refused, and ' +
          'metadata is stripped before the image is stored.',
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: {
          200: adminProductSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          413: problemSchema,
          415: problemSchema,
        },
      },
    },
    async (request) => {
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > MAX_IMAGE_BYTES + MULTIPART_OVERHEAD_BYTES) throw tooLarge();
      if (!request.isMultipart()) throw unsupported();
      const scope = options.scopeOf?.(request) ?? {};
      await products.assertExists(request.params.id, scope);

      const part = await request.file();
      if (part?.fieldname !== 'file') throw badRequest('Send the image in the multipart field `file`.');
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 413) throw tooLarge();
        throw error;
      }
      if (bytes.length === 0) throw badRequest('The file is empty.', 'empty_file');

      const result = sanitizeImage(bytes);
      if (!result.ok) {
        if (result.reason === 'unsupported_type') throw unsupported();
        throw badRequest(
          result.reason === 'active_content'
            ? 'The file contains markup or script and was refused.'
            : 'The file is not a well-formed image (or carries extra data).',
          result.reason === 'active_content' ? 'active_content' : 'malformed_image',
        );
      }

      const name = `${randomBytes(16).toString('hex')}.${IMAGE_EXTENSIONS[result.kind]}`;
      await mkdir(uploadsDir, { recursive: true });
      await writeFile(path.join(uploadsDir, name), result.bytes, { flag: 'wx', mode: 0o644 });
      return products.setImage(request.params.id, `/uploads/${name}`, scope, actorOf(app, request));
    },
  );
};
