import nodemailer from 'nodemailer';

export interface OutgoingMail {
  /** Stable per outbox row: a mail server or client that sees it twice can tell it is the same message. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

/** Sends one email; throws when the mail server did not accept it. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface SmtpSettings {
  /** `smtp://host:port`, `smtps://user:password@host:port` */
  url: string;
  from: string;
}

/**
 * Email over SMTP (nodemailer). Its timeouts stay well inside the activity's start-to-close timeout, so a hanging
 * mail server fails the attempt, which Temporal retries, instead of the attempt outliving its own timeout.
 */
export function createSmtpMailer({ url, from }: SmtpSettings): Mailer {
  const parsed = new URL(url);
  const transport = nodemailer.createTransport({
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : parsed.protocol === 'smtps:' ? 465 : 25,
    secure: parsed.protocol === 'smtps:',
    auth: parsed.username
      ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
      : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
      });
    },
    close() {
      transport.close();
    },
  };
}
