import type { IncomingMessage } from 'node:http';
import { SealedFileTooLarge } from '../errors/sealed-file.errors';
import { refuseAnnouncedOversize } from './announced-size.check';
import { FORM_OVERHEAD_BYTES } from './sealed-file-form.reader';

describe('refuseAnnouncedOversize (a Content-Length read before the body)', () => {
  const announcing = (length: number | undefined) =>
    ({ headers: length === undefined ? {} : { 'content-length': String(length) } }) as IncomingMessage;

  it('given a request announcing the limit plus the form overhead, when checked, then it may be read', () => {
    expect(() => refuseAnnouncedOversize(announcing(1000 + FORM_OVERHEAD_BYTES), 1000)).not.toThrow();
    expect(() => refuseAnnouncedOversize(announcing(undefined), 1000)).not.toThrow();
  });

  it('given a request announcing one byte more, when checked, then it is refused as too large', () => {
    expect(() => refuseAnnouncedOversize(announcing(1001 + FORM_OVERHEAD_BYTES), 1000)).toThrow(
      SealedFileTooLarge,
    );
  });
});
