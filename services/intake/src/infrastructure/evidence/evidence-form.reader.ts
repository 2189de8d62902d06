import busboy, { type Busboy, type FieldInfo, type FileInfo } from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FieldIssue } from '@reprisals/service-platform';
import { isAllowedContentType } from './evidence-content.policy';
import { EvidenceInspector } from './evidence-content.inspector';
import {
  EvidenceFormInvalid,
  EvidenceRequestNotMultipart,
  EvidenceTypeRefused,
  EvidenceUploadAborted,
} from './evidence.errors';

export const FILE_PART = 'file';
export const DESCRIPTION_PART = 'description';
export const DESCRIPTION_MAX_CHARACTERS = 2000;
export const FILENAME_MAX_CHARACTERS = 255;
/** Parts a form may have before it is refused: the file, a description, and room for mistakes to be named. */
const MAX_PARTS = 8;
/**
 * What a form may weigh besides its file: boundaries, part headers and the description (at most
 * 4 bytes a character). A request announcing more than ATTACHMENT_MAX_BYTES plus this is refused
 * before a byte of it is read.
 */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

/** Where the file part goes. */
export interface EvidenceFormTarget {
  maxBytes: number;
  /** Canonical media types accepted. */
  contentTypes: readonly string[];
  /** The identity vault's sealing stream for this attachment: the plaintext goes nowhere else. */
  sealing: Transform;
  /** Where the sealed bytes are written; opened when the file part starts. */
  openDestination(): Writable;
}

/** What the form said, the file being written and flushed. */
export interface EvidenceForm {
  filename: string;
  description: string | undefined;
  /** Canonical media type, declared and borne out by the file's first bytes. */
  contentType: string;
  size: number;
  /** SHA-256 of the plaintext, hex. */
  sha256: string;
}

/**
 * Reads a `multipart/form-data` evidence upload as it arrives (busboy): one `file` part, streamed
 * through the EvidenceInspector (limit, type, checksum) and the sealing stream to its destination,
 * and an optional `description` text part. Rejects at the first fault, having stopped reading the
 * request and closed the destination (the caller removes what was written):
 *
 * - EvidenceRequestNotMultipart: not multipart/form-data;
 * - EvidenceTooLarge: the file went past `maxBytes`;
 * - EvidenceTypeRefused: a type outside the list, or one the file's first bytes contradict;
 * - EvidenceFormInvalid: no file part, an empty file, unknown or repeated parts (named), a
 *   description too long, a broken or truncated form;
 * - EvidenceUploadAborted: the client went away.
 *
 * Written over busboy rather than multer, whose storages either hold the file in memory or
 * write it in clear to disk.
 */
export function readEvidenceForm(
  request: IncomingMessage,
  target: EvidenceFormTarget,
): Promise<EvidenceForm> {
  return new EvidenceFormRead(request, target).read();
}

interface FilePart {
  filename: string;
  inspector: EvidenceInspector;
  destination: Writable;
  written: Promise<void>;
}

class EvidenceFormRead {
  private readonly issues: FieldIssue[] = [];
  private description: string | undefined;
  private descriptionSeen = false;
  private file: FilePart | undefined;
  private parser: Busboy | undefined;

  constructor(
    private readonly request: IncomingMessage,
    private readonly target: EvidenceFormTarget,
  ) {}

  async read(): Promise<EvidenceForm> {
    if (!/^multipart\/form-data\s*(;|$)/i.test(this.request.headers['content-type'] ?? '')) {
      throw new EvidenceRequestNotMultipart();
    }
    try {
      this.parser = busboy({
        headers: this.request.headers,
        // Browsers and fetch send file names in UTF-8 (RFC 7578), not Latin-1.
        defParamCharset: 'utf8',
        limits: {
          fieldNameSize: 100,
          fieldSize: DESCRIPTION_MAX_CHARACTERS * 4 + 1,
          parts: MAX_PARTS,
          headerPairs: 16,
        },
      });
    } catch {
      throw new EvidenceFormInvalid([{ field: '(body)', message: 'is not a multipart form (no boundary)' }]);
    }
    try {
      await this.parse(this.parser);
      await this.file?.written;
    } catch (error) {
      // Nothing may still be writing once the caller removes what was written.
      if (this.file) await closed(this.file.destination);
      throw error;
    }
    const file = this.file;
    if (!file) this.issues.push({ field: FILE_PART, message: 'is required' });
    else if (file.inspector.size === 0) this.issues.push({ field: FILE_PART, message: 'is empty' });
    if (!file || this.issues.length > 0) throw new EvidenceFormInvalid(this.issues);
    return {
      filename: file.filename,
      description: this.description,
      contentType: file.inspector.contentType,
      size: file.inspector.size,
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
      parser.on('field', (name: string, value: string, info: FieldInfo) => {
        this.onField(name, value, info);
        if (this.file && this.issues.length > 0) fail(new EvidenceFormInvalid(this.issues));
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
          new EvidenceFormInvalid([
            ...this.issues,
            { field: '(body)', message: `has more than ${MAX_PARTS} parts` },
          ]),
        ),
      );
      parser.on('error', () =>
        fail(new EvidenceFormInvalid([{ field: '(body)', message: 'is not a complete multipart form' }])),
      );
      parser.on('close', () => {
        if (settled) return;
        settled = true;
        resolve();
      });
      this.request.on('close', () => {
        if (!this.request.complete) fail(new EvidenceUploadAborted());
      });
      this.request.pipe(parser);
    });
  }

  private onField(name: string, value: string, info: FieldInfo): void {
    if (name === DESCRIPTION_PART) {
      if (this.descriptionSeen) {
        this.issues.push({ field: DESCRIPTION_PART, message: 'must be given once' });
        return;
      }
      this.descriptionSeen = true;
      const text = value.trim();
      if (info.valueTruncated || [...text].length > DESCRIPTION_MAX_CHARACTERS) {
        this.issues.push({
          field: DESCRIPTION_PART,
          message: `must be at most ${DESCRIPTION_MAX_CHARACTERS} characters`,
        });
        return;
      }
      this.description = text === '' ? undefined : text;
      return;
    }
    this.issues.push(
      name === FILE_PART
        ? { field: FILE_PART, message: 'must be a file (a part with a file name)' }
        : { field: partName(name), message: 'is not a known field' },
    );
  }

  /** Starts writing the file part; returns why the form is refused instead, if it is. */
  private onFile(name: string, stream: Readable, info: FileInfo): Error | undefined {
    if (name !== FILE_PART) {
      this.issues.push({ field: partName(name), message: 'is not a known field' });
      return new EvidenceFormInvalid(this.issues);
    }
    if (this.file) {
      this.issues.push({ field: FILE_PART, message: 'must be given once' });
      return new EvidenceFormInvalid(this.issues);
    }
    const filenameProblem = problemWithFilename(info.filename);
    if (filenameProblem) this.issues.push({ field: FILE_PART, message: filenameProblem });
    if (this.issues.length > 0) return new EvidenceFormInvalid(this.issues);
    if (!isAllowedContentType(info.mimeType, this.target.contentTypes)) {
      return new EvidenceTypeRefused('not-allowed', this.target.contentTypes);
    }
    const inspector = new EvidenceInspector({
      declaredType: info.mimeType,
      maxBytes: this.target.maxBytes,
      contentTypes: this.target.contentTypes,
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
