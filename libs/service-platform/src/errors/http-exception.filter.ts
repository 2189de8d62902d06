import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { CaseKeyDestroyed } from '@reprisals/identity-vault';

/**
 * Last line of defence: HTTP errors keep their status and body; malformed JSON is a 400; a case
 * whose key was destroyed is a 410, wherever its sealed data was about to be read; anything
 * unexpected is a 500 that says nothing about the data. Logs name the error class
 * and database codes only, because driver messages can quote the values that were written.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request & { id?: unknown }>();
    const parserStatus = bodyParserStatus(exception);
    if (parserStatus) {
      response.status(parserStatus).json({
        statusCode: parserStatus,
        error: parserStatus === 413 ? 'Payload Too Large' : 'Bad Request',
        message: parserStatus === 413 ? 'Request body too large' : 'Request body is not valid JSON',
        issues: parserStatus === 400 ? [{ field: '(body)', message: 'is not valid JSON' }] : [],
      });
      return;
    }
    if (exception instanceof CaseKeyDestroyed) {
      response.status(HttpStatus.GONE).json({
        statusCode: 410,
        error: 'Gone',
        message: 'The personal data of this case was erased',
      });
      return;
    }
    if (exception instanceof HttpException) {
      response.status(exception.getStatus()).json(withIssues(exception.getStatus(), exception.getResponse()));
      return;
    }
    this.logger.error({
      msg: 'unhandled error',
      error: exception instanceof Error ? exception.name : 'non-error',
      code: (exception as { code?: unknown } | undefined)?.code,
      route: request.route ? String((request.route as { path?: unknown }).path) : undefined,
    });
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Unexpected error',
    });
  }
}

/** A 400 always lists its offending fields, so clients read one shape of error. */
function withIssues(status: number, body: string | object): object {
  const payload = typeof body === 'string' ? { statusCode: status, message: body } : body;
  if (status !== 400 || 'issues' in payload) return payload;
  const message = (payload as { message?: unknown }).message;
  return {
    ...payload,
    issues: [{ field: '(request)', message: typeof message === 'string' ? message : 'is invalid' }],
  };
}

/**
 * Errors of the body parser, raw or as Nest wraps them. Their messages can quote the body
 * (JSON.parse does), so they are answered with a fixed text.
 */
function bodyParserStatus(exception: unknown): number | undefined {
  const cause = exception instanceof HttpException ? exception.cause : exception;
  if (cause instanceof SyntaxError && exception instanceof HttpException && exception.getStatus() === 400)
    return 400;
  const candidate = cause as { type?: unknown; status?: unknown } | undefined;
  if (candidate?.type === 'entity.parse.failed') return 400;
  if (candidate?.type === 'entity.too.large') return 413;
  if (candidate?.type === 'encoding.unsupported' || candidate?.type === 'charset.unsupported') return 415;
  return undefined;
}
