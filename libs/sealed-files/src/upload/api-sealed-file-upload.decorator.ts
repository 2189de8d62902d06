import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiPayloadTooLargeResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { FILE_PART } from '../form/sealed-file-form.reader';

/** A text part of the form, as the API documents it. */
export interface DocumentedTextPart {
  maxLength: number;
  description: string;
}

/** What the API says of an upload route that reads its body with readSealedFileForm. */
export interface SealedFileUploadDocs {
  /** The file part. */
  file: string;
  textParts?: Readonly<Record<string, DocumentedTextPart>>;
  /** What the 201 holds. */
  created: string;
  /** When the answer is 413. */
  tooLarge: string;
  /** When the answer is 415. */
  unsupported: string;
}

/** The multipart body of an upload route, its answer (201) and its refusals (400, 413, 415), for OpenAPI. */
export function ApiSealedFileUpload(docs: SealedFileUploadDocs) {
  const texts = Object.fromEntries(
    Object.entries(docs.textParts ?? {}).map(([name, part]) => [name, { type: 'string', ...part }]),
  );
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: [FILE_PART],
        properties: { [FILE_PART]: { type: 'string', format: 'binary', description: docs.file }, ...texts },
      },
    }),
    ApiCreatedResponse({ description: docs.created }),
    ApiBadRequestResponse({ description: 'No file part, an empty file, or unknown parts (named)' }),
    ApiPayloadTooLargeResponse({ description: docs.tooLarge }),
    ApiUnsupportedMediaTypeResponse({ description: docs.unsupported }),
  );
}
