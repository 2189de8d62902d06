import { InternalServerErrorException, NotFoundException } from '@nestjs/common';
import { SealedFileMissing } from '../errors/sealed-file.errors';

/** How a download route answers for a file it cannot give. */
export interface DownloadAnswers {
  /** The 404's message: the route has no such file. */
  notFound: string;
  /** The 500's message: a row lists the file, the store has lost it. */
  unreadable: string;
  /** Hears the id of a file the store has lost, before the 500 leaves. */
  missing: (fileId: string) => void;
}

/** The file `open` finds (nothing of it read yet), or the answer given instead (404, 500). */
export async function openForDownload<T>(
  open: () => Promise<T | undefined>,
  answers: DownloadAnswers,
): Promise<T> {
  let opened: T | undefined;
  try {
    opened = await open();
  } catch (error) {
    if (error instanceof SealedFileMissing) {
      answers.missing(error.fileId);
      throw new InternalServerErrorException(answers.unreadable);
    }
    throw error;
  }
  if (opened === undefined) throw new NotFoundException(answers.notFound);
  return opened;
}
