import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/** A file of evidence as a test gives it. */
export interface EvidenceFile {
  data: Uint8Array;
  name: string;
  type: string;
}

/** The upload form as a browser or fetch sends it (FormData and Blob of Node's fetch). */
export function evidenceForm(file: EvidenceFile | undefined, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  return form;
}

/** A PDF (by its magic number) of `size` bytes, `marker` written all through it. */
export function pdfWith(marker: string, size: number): Buffer {
  const file = Buffer.alloc(size, `\n${marker} `, 'utf8');
  Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1').copy(file);
  return file;
}

/** A download, its bytes as they came, or the error that cut it short. */
export async function download(
  url: string,
  token: string,
): Promise<{ status: number; headers: Headers; bytes: Buffer; cutShort?: unknown }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of response.body ?? []) chunks.push(chunk as Uint8Array);
  } catch (error) {
    return {
      status: response.status,
      headers: response.headers,
      bytes: Buffer.concat(chunks),
      cutShort: error,
    };
  }
  return { status: response.status, headers: response.headers, bytes: Buffer.concat(chunks) };
}

/**
 * A multipart upload sent as its file is produced (chunked, no Content-Length), with
 * backpressure: neither side ever holds the file. Stops sending as soon as an answer comes, and
 * tells how much of the file had been handed to the connection by then.
 */
export async function uploadStreamed(
  url: string,
  token: string,
  file: { name: string; type: string; chunks: AsyncIterable<Buffer> | Iterable<Buffer> },
): Promise<{ status: number; body: any; headers: IncomingHttpHeaders; sent: number }> {
  const boundary = `----evidence-${randomUUID()}`;
  const request = httpRequest(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'transfer-encoding': 'chunked',
    },
  });
  let sent = 0;
  let answered = false;
  const answer = new Promise<{ status: number; body: any; headers: IncomingHttpHeaders }>(
    (resolve, reject) => {
      request.on('response', (response) => {
        answered = true;
        const parts: Buffer[] = [];
        response.on('data', (chunk: Buffer) => parts.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            body: text ? JSON.parse(text) : undefined,
            headers: response.headers,
          });
        });
      });
      // A connection the server closes while the file is still being sent, after its answer.
      request.on('error', (error) => {
        if (!answered) reject(error);
      });
    },
  );
  const write = async (chunk: Buffer): Promise<void> => {
    if (request.write(chunk)) return;
    // Until the connection takes more, or is over, or the answer came.
    await new Promise<void>((resolve) => {
      const done = () => {
        request.off('drain', done).off('close', done).off('response', done);
        resolve();
      };
      request.on('drain', done).on('close', done).on('response', done);
    });
  };
  const sending = (async () => {
    const name = file.name.replace(/"/g, '%22');
    await write(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
          `Content-Type: ${file.type}\r\n\r\n`,
        'utf8',
      ),
    );
    for await (const chunk of file.chunks) {
      if (answered || request.destroyed) return;
      sent += chunk.length;
      await write(chunk);
    }
    if (answered || request.destroyed) return;
    request.end(Buffer.from(`\r\n--${boundary}--\r\n`));
  })();
  const result = await answer;
  await sending.catch(() => undefined);
  request.destroy();
  return { ...result, sent };
}

/** A request that announces a body of `contentLength` bytes and sends none of it. */
export async function announceUpload(
  url: string,
  token: string,
  contentLength: number,
): Promise<{ status: number; body: any }> {
  const request = httpRequest(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'multipart/form-data; boundary=announced',
      'content-length': String(contentLength),
    },
  });
  request.flushHeaders();
  const [response] = (await once(request, 'response')) as [import('node:http').IncomingMessage];
  const parts: Buffer[] = [];
  for await (const chunk of response) parts.push(chunk as Buffer);
  request.destroy();
  return { status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString('utf8')) };
}

/** An upload whose client goes away after sending `bytes` of a PDF file part. */
export async function abandonUpload(url: string, token: string, bytes: number): Promise<void> {
  const boundary = `----evidence-${randomUUID()}`;
  const request = httpRequest(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'transfer-encoding': 'chunked',
    },
  });
  request.on('error', () => undefined);
  request.write(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="abandoned.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const chunk = pdfWith('abandoned', 64 * 1024);
  for (let sent = 0; sent < bytes; sent += chunk.length) {
    if (!request.write(chunk)) await once(request, 'drain');
  }
  request.destroy();
}
