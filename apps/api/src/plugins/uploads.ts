import { mkdirSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export const uploadsDirOf = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, 'uploads');

/**
 * Serves uploaded product images from DATA_DIR/uploads at /uploads/. File names are random and
 * never reused, so they are cached for a year; the headers make sure a browser only ever treats
 * them as the image type their extension names (see ADR 007).
 */
export const uploadsPlugin = fp<{ config: Config }>(
  async (app, { config }) => {
    const root = uploadsDirOf(config);
    try {
      mkdirSync(root, { recursive: true });
    } catch (error) {
      app.log.warn({ err: error, dir: root }, 'uploads directory is not writable');
    }
    await app.register(fastifyStatic, {
      root,
      prefix: '/uploads/',
      decorateReply: false,
      // Files appear after start-up, so serve by wildcard rather than a list made at start.
      index: false,
      dotfiles: 'deny',
      cacheControl: false,
      // Only the three image extensions the upload route writes are ever served.
      allowedPath: (pathName) => /^\/[a-f0-9]{32}\.(png|jpg|webp)$/.test(pathName),
      setHeaders: (res) => {
        res.setHeader('x-content-type-options', 'nosniff');
        res.setHeader('content-disposition', 'inline');
        res.setHeader('content-security-policy', "default-src 'none'; sandbox");
        res.setHeader('cache-control', `public, max-age=${ONE_YEAR_SECONDS}, immutable`);
      },
    });
  },
  { name: 'uploads' },
);
