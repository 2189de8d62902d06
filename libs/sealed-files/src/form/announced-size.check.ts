import type { IncomingMessage } from 'node:http';
import { SealedFileTooLarge } from '../errors/sealed-file.errors';
import { FORM_OVERHEAD_BYTES } from './sealed-file-form.reader';

/**
 * A request announcing, in its Content-Length, a form heavier than `maxBytes` plus the form's
 * overhead is refused (SealedFileTooLarge) before a byte of it is read.
 */
export function refuseAnnouncedOversize(request: IncomingMessage, maxBytes: number): void {
  const announced = Number(request.headers['content-length']);
  if (announced > maxBytes + FORM_OVERHEAD_BYTES) throw new SealedFileTooLarge(maxBytes);
}
