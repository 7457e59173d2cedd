// The ceiling for bench/newsletter.bench.sh: N messages, rendered before the clock starts, sent by
// nodemailer over one pooled SMTP connection (as Dateline's sender), one after another. Prints its
// peak resident memory when done.
import fs from 'node:fs';
import nodemailer from 'nodemailer';
import { renderMailDocument, renderMailText } from '../src/modules/mail/index.js';

const N = Number(process.env['BENCH_SUBSCRIBERS'] ?? 100_000);
const site = { siteName: 'Dateline', siteUrl: 'https://news.example' };
const body = Array.from(
  { length: 12 },
  (_, i) =>
    `<h2><a href="https://news.example/story-${i}">Headline number ${i} of the morning, long enough to be a real one</a></h2><p>A standfirst of a sentence or two, as the stories carry, to give the message its usual size.</p>`,
).join('\n');
const html = renderMailDocument({ ...site, lang: 'en', title: 'The Morning Briefing (benchmark)', bodyHtml: body, footerHtml: 'Unsubscribe' });
const text = renderMailText({ ...site, title: 'The Morning Briefing (benchmark)', paragraphs: ['Good morning.'] });
const transport = nodemailer.createTransport({
  host: '127.0.0.1',
  port: Number(process.env['SMTP_PORT']),
  secure: false,
  ignoreTLS: true,
  pool: true,
  maxConnections: 1,
  maxMessages: Infinity,
});
for (let i = 0; i < N; i++) {
  const to = `sub-${String(i).padStart(7, '0')}@example.com`;
  await transport.sendMail({
    from: 'desk@news.example',
    to,
    subject: 'The Morning Briefing (benchmark)',
    html,
    text,
    headers: {
      'List-Unsubscribe': `<https://news.example/newsletters/unsubscribe/${i}/briefing?sig=x>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  });
}
transport.close();
const kb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
console.log(`peakRssMb=${Math.round(kb / 1024)}`);
