import { randomUUID } from 'node:crypto';
import { link, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import {
  senderDomain,
  type DispatchPort,
  type OutgoingMessage,
} from '../../domain/communication/dispatch.port';

/**
 * The standalone dispatch: each message written as an .eml file (RFC 5322, composed by
 * nodemailer) into a directory, named by its message id. Written to a temporary name and then
 * linked to its own, so a message is either there whole or not at all, and a second delivery of
 * the same id finds it there and writes nothing.
 */
export class FileDispatchAdapter implements DispatchPort {
  private readonly composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });

  constructor(
    private readonly directory: string,
    private readonly from: string,
  ) {}

  async deliver(message: OutgoingMessage): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const composed = await this.composer.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.body,
      messageId: `<${message.messageId}@${senderDomain(this.from)}>`,
      headers: { 'Content-Language': message.language },
    });
    const final = join(this.directory, `${message.messageId}.eml`);
    const partial = `${final}.${randomUUID()}.partial`;
    await writeFile(partial, composed.message as Buffer, { mode: 0o600 });
    try {
      await link(partial, final);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await rm(partial, { force: true });
    }
  }
}
