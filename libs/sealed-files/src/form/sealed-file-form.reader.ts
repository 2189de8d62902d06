import busboy, { type Busboy, type FieldInfo, type FileInfo } from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ContentInspector } from '../content/content.inspector';
import type { ContentPolicy } from '../content/content.policy';
import {
  SealedFileFormInvalid,
  SealedFileRequestNotMultipart,
  SealedFileTypeRefused,
  SealedFileUploadAborted,
  type FormFieldIssue,
} from '../errors/sealed-file.errors';

export const FILE_PART = 'file';
export const FILENAME_MAX_CHARACTERS = 255;
/** Parts a form may have before it is refused: the file, its text parts, and room for mistakes to be named. */
const MAX_PARTS = 8;
/** Bytes read of a part that is not a known text part: it is named as unknown, whatever it holds. */
const UNKNOWN_FIELD_BYTES = 1024;
/**
 * What a form may weigh besides its file: boundaries, part headers and its text parts (at most
 * 4 bytes a character). A request announcing more than the size limit plus this is refused
 * before a byte of it is read.
 */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

/** A text part a form may have besides its file: optional, given once, trimmed. */
export interface TextPart {
  maxCharacters: number;
}

/** What a form may hold. */
export interface SealedFileFormRules {
  maxBytes: number;
  content: ContentPolicy;
  /** The text parts accepted besides the file, by name. */
  textParts?: Readonly<Record<string, TextPart>>;
}

/** What a form may hold and where its file part goes. */
export interface SealedFileFormTarget extends SealedFileFormRules {
  /** The identity vault's sealing stream for this file: the plaintext goes nowhere else. */
  sealing: Transform;
  /** Where the sealed bytes are written; opened when the file part starts. */
  openDestination: () => Writable;
}

/** What the form said, the file being written and flushed. */
export interface SealedFileForm {
  filename: string;
  /** The text parts given, trimmed; an empty one is not given. */
  texts: Readonly<Record<string, string>>;
  /** The type the content policy keeps the file under. */
  contentType: string;
  size: number;
  /** SHA-256 of the plaintext, hex. */
  sha256: string;
}

/**
 * Reads a `multipart/form-data` upload as it arrives (busboy): one `file` part, streamed through
 * the ContentInspector (limit, type, checksum) and the sealing stream to its destination, and the
 * optional text parts of the target. Rejects at the first fault, having stopped reading the
 * request and closed the destination (the caller removes what was written):
 *
 * - SealedFileRequestNotMultipart: not multipart/form-data;
 * - SealedFileTooLarge: the file went past `maxBytes`;
 * - SealedFileTypeRefused: a type the content policy refuses;
 * - SealedFileFormInvalid: no file part, an empty file, unknown or repeated parts (named), a
 *   text part too long, a broken or truncated form;
 * - SealedFileUploadAborted: the client went away.
 *
 * Written over busboy rather than multer, whose storages either hold the file in memory or
 * write it in clear to disk.
 */
export function readSealedFileForm(
  request: IncomingMessage,
  target: SealedFileFormTarget,
): Promise<SealedFileForm> {
  return new SealedFileFormRead(request, target).read();
}

interface FilePart {
  filename: string;
  inspector: ContentInspector;
  destination: Writable;
  written: Promise<void>;
}

class SealedFileFormRead {
  private readonly issues: FormFieldIssue[] = [];
  private readonly texts: Record<string, string> = {};
  private readonly textsSeen = new Set<string>();
  private readonly textParts: Readonly<Record<string, TextPart>>;
  private file: FilePart | undefined;

  constructor(
    private readonly request: IncomingMessage,
    private readonly target: SealedFileFormTarget,
  ) {
    this.textParts = target.textParts ?? {};
  }

  async read(): Promise<SealedFileForm> {
    if (!/^multipart\/form-data\s*(;|$)/i.test(this.request.headers['content-type'] ?? '')) {
      throw new SealedFileRequestNotMultipart();
    }
    let parser: Busboy;
    try {
      parser = busboy({
        headers: this.request.headers,
        // Browsers and fetch send file names in UTF-8 (RFC 7578), not Latin-1.
        defParamCharset: 'utf8',
        limits: { fieldNameSize: 100, fieldSize: this.fieldBytes(), parts: MAX_PARTS, headerPairs: 16 },
      });
    } catch {
      throw new SealedFileFormInvalid([
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
    if (!file || this.issues.length > 0) throw new SealedFileFormInvalid(this.issues);
    return {
      filename: file.filename,
      texts: this.texts,
      contentType: file.inspector.contentType,
      size: file.inspector.size,
      sha256: file.inspector.sha256,
    };
  }

  /** Bytes read of a text part: its longest text (at most 4 bytes a character), one more to see it is too long. */
  private fieldBytes(): number {
    const longest = Object.values(this.textParts).map((part) => part.maxCharacters * 4 + 1);
    return Math.max(UNKNOWN_FIELD_BYTES, ...longest);
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
        if (this.file && this.issues.length > 0) fail(new SealedFileFormInvalid(this.issues));
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
          new SealedFileFormInvalid([
            ...this.issues,
            { field: '(body)', message: `has more than ${MAX_PARTS} parts` },
          ]),
        ),
      );
      parser.on('error', () =>
        fail(new SealedFileFormInvalid([{ field: '(body)', message: 'is not a complete multipart form' }])),
      );
      parser.on('close', () => {
        if (settled) return;
        settled = true;
        resolve();
      });
      this.request.on('close', () => {
        if (!this.request.complete) fail(new SealedFileUploadAborted());
      });
      this.request.pipe(parser);
    });
  }

  private onField(name: string, value: string, info: FieldInfo): void {
    const part = Object.hasOwn(this.textParts, name) ? this.textParts[name] : undefined;
    if (part) {
      this.onText(name, part, value, info);
      return;
    }
    this.issues.push(
      name === FILE_PART
        ? { field: FILE_PART, message: 'must be a file (a part with a file name)' }
        : { field: partName(name), message: 'is not a known field' },
    );
  }

  private onText(name: string, part: TextPart, value: string, info: FieldInfo): void {
    if (this.textsSeen.has(name)) {
      this.issues.push({ field: name, message: 'must be given once' });
      return;
    }
    this.textsSeen.add(name);
    const text = value.trim();
    if (info.valueTruncated || [...text].length > part.maxCharacters) {
      this.issues.push({ field: name, message: `must be at most ${part.maxCharacters} characters` });
      return;
    }
    if (text !== '') this.texts[name] = text;
  }

  /** Starts writing the file part; returns why the form is refused instead, if it is. */
  private onFile(name: string, stream: Readable, info: FileInfo): Error | undefined {
    if (name !== FILE_PART) {
      this.issues.push({ field: partName(name), message: 'is not a known field' });
      return new SealedFileFormInvalid(this.issues);
    }
    if (this.file) {
      this.issues.push({ field: FILE_PART, message: 'must be given once' });
      return new SealedFileFormInvalid(this.issues);
    }
    const filenameProblem = problemWithFilename(info.filename);
    if (filenameProblem) this.issues.push({ field: FILE_PART, message: filenameProblem });
    if (this.issues.length > 0) return new SealedFileFormInvalid(this.issues);
    const { content, maxBytes } = this.target;
    const refusedType = content.refuseDeclared(info.mimeType);
    if (refusedType) return new SealedFileTypeRefused(refusedType, content.accepted);
    const inspector = new ContentInspector({ declaredType: info.mimeType, maxBytes, content });
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
