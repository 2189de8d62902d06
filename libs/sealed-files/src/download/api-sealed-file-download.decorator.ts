import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/** A route answering with a file (sendSealedFile), for OpenAPI: `file` says what comes. */
export function ApiSealedFileDownload(file: string) {
  return applyDecorators(ApiProduces('application/octet-stream'), ApiOkResponse({ description: file }));
}
