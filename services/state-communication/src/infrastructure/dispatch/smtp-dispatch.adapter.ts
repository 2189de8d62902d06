import nodemailer, { type Transporter } from 'nodemailer';
import {
  senderDomain,
  type DispatchPort,
  type OutgoingMessage,
} from '../../domain/communication/dispatch.port';

/**
 * Delivery by SMTP (nodemailer). SMTP itself cannot promise a single delivery when a connection
 * drops after the server accepted a message; every message carries a Message-ID derived from the
 * communication, so a repeated delivery is the same message to the receiving system.
 */
export class SmtpDispatchAdapter implements DispatchPort {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async deliver(message: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.body,
      messageId: `<${message.messageId}@${senderDomain(this.from)}>`,
      headers: { 'Content-Language': message.language },
    });
  }

  close(): void {
    this.transport.close();
  }
}
