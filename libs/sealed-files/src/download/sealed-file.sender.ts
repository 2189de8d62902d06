import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { SealedFileStages } from '../store/sealed-file.store';

/** A stored file opened for a reader, nothing of it read yet. */
export interface SealedFileDownload {
  /** The name it was given, unsealed. */
  filename: string;
  /** The type it was accepted under. */
  contentType: string;
  size: number;
  stages: SealedFileStages;
}

/**
 * Answers 200 with the file as an attachment under its name (Content-Disposition), its type and
 * size, never sniffed nor cached, streamed through its stages. Once the headers are gone a
 * failure can only cut the answer short (its Content-Length unmet): `failed` hears why (the
 * error's name), unless the reader went away, which is no failure on this side.
 */
export async function sendSealedFile(
  response: Response,
  file: SealedFileDownload,
  failed: (error: string) => void,
): Promise<void> {
  response.status(200);
  // Express encodes the name (RFC 6266, with an ASCII fallback) and guesses a type from it:
  // the type the file was accepted under replaces that guess.
  response.attachment(file.filename);
  response.setHeader(
    'Content-Type',
    file.contentType.startsWith('text/') ? `${file.contentType}; charset=utf-8` : file.contentType,
  );
  response.setHeader('Content-Length', String(file.size));
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', 'no-store');
  try {
    await pipeline(...file.stages, response);
  } catch (error) {
    response.destroy();
    if ((error as { code?: unknown }).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    failed(error instanceof Error ? error.name : 'non-error');
  }
}
