import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Runs an upload's step; when it fails before the request was read to its end, the answer closes
 * the connection: the rest of the upload is not waited for.
 */
export async function closingUnreadUpload<T>(
  request: IncomingMessage,
  response: ServerResponse,
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!request.complete && !response.headersSent) response.setHeader('Connection', 'close');
    throw error;
  }
}
