import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A throw-away signing certificate made with openssl at test time (RSA-2048, self-signed), packed
 * as PKCS#12 with a password, the way an office receives one from its CA.
 */
export function makeTestPkcs12(
  options: {
    commonName?: string;
    organization?: string;
    password?: string;
    days?: number;
    notYetValid?: boolean;
  } = {},
): { p12: Buffer; password: string; certPem: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-cert-'));
  const password = options.password ?? 'mat-khau-chung-thu-2024';
  const subj = `/CN=${options.commonName ?? 'Nguyễn Văn An'}/O=${options.organization ?? 'Ủy ban nhân dân huyện Cẩm Giàng'}/C=VN`;
  try {
    const key = path.join(dir, 'k.pem');
    const cert = path.join(dir, 'c.pem');
    const p12 = path.join(dir, 't.p12');
    const run = (args: string[]) =>
      execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (options.notYetValid) {
      // a certificate that starts tomorrow: signed by its own key with -not_before (OpenSSL ≥ 3.4) is
      // not available everywhere, so go through a CSR and x509 -set... with a future start instead
      run([
        'req',
        '-new',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        `${cert}.csr`,
        '-utf8',
        '-subj',
        subj,
      ]);
      run([
        'x509',
        '-req',
        '-in',
        `${cert}.csr`,
        '-signkey',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-not_before',
        'tomorrow',
      ]);
    } else {
      run([
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        String(options.days ?? 365),
        '-utf8',
        '-subj',
        subj,
      ]);
    }
    run([
      'pkcs12',
      '-export',
      '-inkey',
      key,
      '-in',
      cert,
      '-out',
      p12,
      '-passout',
      `pass:${password}`,
    ]);
    return { p12: fs.readFileSync(p12), password, certPem: fs.readFileSync(cert, 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
