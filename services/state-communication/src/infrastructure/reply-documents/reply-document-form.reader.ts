import busboy, { type Busboy, type FieldInfo, type FileInfo } from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FieldIssue } from '@reprisals/service-platform';
import { ReplyDocumentInspector } from './reply-document-content.inspector';
import {
  ReplyDocumentFormInvalid,
  ReplyDocumentRequestNotMultipart,
  ReplyDocumentUploadAborted,
} from './reply-document.errors';

export const FILE_PART = 'file';
export const FILENAME_MAX_CHARACTERS = 255;
/** Parts a form may have before it is refused: the file, and room for mistakes to be named. */
const MAX_PARTS = 8;
/**
 * What a form may weigh besides its file (boundaries, part headers): a request announcing more
 * than the size limit plus this is refused before a byte of it is read.
 */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

/** Where the file part goes. */
export interface ReplyDocumentFormTarget {
  maxBytes: number;
  mediaTypes: readonly string[];
  /** The identity vault's sealing stream for this document: the plaintext goes nowhere else. */
  sealing: Transform;
  /** Where the sealed bytes are written; opened when the file part starts. */
  openDestination(): Writable;
}

/** What the form held, the file being written and flushed. */
export interface ReplyDocumentForm {
  filename: string;
  /** Detected from the file's first bytes. */
  mediaType: string;
  sizeBytes: number;
  /** SHA-256 of the plaintext, hex. */
  sha256: string;
}

/**
 * Reads a `multipart/form-data` upload of one reply document as it arrives (busboy): one `file`
 * part, streamed through the ReplyDocumentInspector (limit, type, checksum) and the sealing
 * stream to its destination. Rejects at the first fault, having stopped reading the request and
 * closed the destination (the caller removes what was written):
 *
 * - ReplyDocumentRequestNotMultipart: not multipart/form-data;
 * - ReplyDocumentTooLarge: the file went past `maxBytes`;
 * - ReplyDocumentTypeRefused: content of a type outside `mediaTypes`;
 * - ReplyDocumentFormInvalid: no file part, an empty file, unknown or repeated parts (named), a
 *   broken or truncated form;
 * - ReplyDocumentUploadAborted: the client went away.
 */
export function readReplyDocumentForm(
  request: IncomingMessage,
  target: ReplyDocumentFormTarget,
): Promise<ReplyDocumentForm> {
  return new ReplyDocumentFormRead(request, target).read();
}

interface FilePart {
  filename: string;
  inspector: ReplyDocumentInspector;
  destination: Writable;
  written: Promise<void>;
}

class ReplyDocumentFormRead {
  private readonly issues: FieldIssue[] = [];
  private file: FilePart | undefined;

  constructor(
    private readonly request: IncomingMessage,
    private readonly target: ReplyDocumentFormTarget,
  ) {}

  async read(): Promise<ReplyDocumentForm> {
    if (!/^multipart\/form-data\s*(;|$)/i.test(this.request.headers['content-type'] ?? '')) {
      throw new ReplyDocumentRequestNotMultipart();
    }
    let parser: Busboy;
    try {
      parser = busboy({
        headers: this.request.headers,
        // Browsers and fetch send file names in UTF-8 (RFC 7578), not Latin-1.
        defParamCharset: 'utf8',
        limits: { fieldNameSize: 100, fieldSize: 1024, parts: MAX_PARTS, headerPairs: 16 },
      });
    } catch {
      throw new ReplyDocumentFormInvalid([
        { field: '(body)', message: 'is not a multipart form (no boundary)' },
      ]);
    }
    try {
      await this.parse(parser);
      await this.file?.written;
    } catch (error) {
      // Nothing may still be writing once the caller removes what was written.
      if (this.file) await closed(this.file.destination);
      throw error;
    }
    const file = this.file;
    if (!file) this.issues.push({ field: FILE_PART, message: 'is required' });
    else if (file.inspector.size === 0) this.issues.push({ field: FILE_PART, message: 'is empty' });
    if (!file || this.issues.length > 0) throw new ReplyDocumentFormInvalid(this.issues);
    return {
      filename: file.filename,
      mediaType: file.inspector.mediaType,
      sizeBytes: file.inspector.size,
      sha256: file.inspector.sha256,
    };
  }

  private parse(parser: Busboy): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        // Stop reading: the rest of the request is not looked at (the answer closes the connection).
        this.request.unpipe(parser);
        this.request.pause();
        parser.destroy();
        reject(error);
      };
      parser.on('field', (name: string, _value: string, _info: FieldInfo) => {
        this.issues.push(
          name === FILE_PART
            ? { field: FILE_PART, message: 'must be a file (a part with a file name)' }
            : { field: partName(name), message: 'is not a known field' },
        );
        if (this.file) fail(new ReplyDocumentFormInvalid(this.issues));
      });
      parser.on('file', (name: string, stream: Readable, info: FileInfo) => {
        const refusal = this.onFile(name, stream, info);
        if (refusal) {
          // Its data is not wanted, nor the error the parser's end gives it.
          stream.on('error', () => undefined).resume();
          fail(refusal);
          return;
        }
        this.file?.written.catch((error: Error) => fail(error));
      });
      parser.on('partsLimit', () =>
        fail(
          new ReplyDocumentFormInvalid([
            ...this.issues,
            { field: '(body)', message: `has more than ${MAX_PARTS} parts` },
          ]),
        ),
      );
      parser.on('error', () =>
        fail(
          new ReplyDocumentFormInvalid([{ field: '(body)', message: 'is not a complete multipart form' }]),
        ),
      );
      parser.on('close', () => {
        if (settled) return;
        settled = true;
        resolve();
      });
      this.request.on('close', () => {
        if (!this.request.complete) fail(new ReplyDocumentUploadAborted());
      });
      this.request.pipe(parser);
    });
  }

  /** Starts writing the file part; returns why the form is refused instead, if it is. */
  private onFile(name: string, stream: Readable, info: FileInfo): Error | undefined {
    if (name !== FILE_PART) {
      this.issues.push({ field: partName(name), message: 'is not a known field' });
      return new ReplyDocumentFormInvalid(this.issues);
    }
    if (this.file) {
      this.issues.push({ field: FILE_PART, message: 'must be given once' });
      return new ReplyDocumentFormInvalid(this.issues);
    }
    const filenameProblem = problemWithFilename(info.filename);
    if (filenameProblem) this.issues.push({ field: FILE_PART, message: filenameProblem });
    if (this.issues.length > 0) return new ReplyDocumentFormInvalid(this.issues);
    const inspector = new ReplyDocumentInspector({
      maxBytes: this.target.maxBytes,
      mediaTypes: this.target.mediaTypes,
    });
    const destination = this.target.openDestination();
    this.file = {
      filename: info.filename!,
      inspector,
      destination,
      written: pipeline(stream, inspector, this.target.sealing, destination),
    };
    return undefined;
  }
}

/** Why a file name is refused, or undefined. The name itself is never repeated. */
function problemWithFilename(filename: string | undefined): string | undefined {
  if (filename === undefined || filename.trim() === '') return 'must have a file name';
  if ([...filename].length > FILENAME_MAX_CHARACTERS) {
    return `must have a file name of at most ${FILENAME_MAX_CHARACTERS} characters`;
  }
  if (/[\u0000-\u001f\u007f]/.test(filename)) return 'must have a file name without control characters';
  return undefined;
}

function partName(name: string | undefined): string {
  return name && name.length > 0 ? name : '(unnamed part)';
}

/** Resolves once the stream has released its file (closed or destroyed). */
function closed(stream: Writable): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => stream.once('close', () => resolve()));
}
