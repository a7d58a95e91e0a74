import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';
import { signingServiceOf } from './signing-services.ts';

/**
 * Signed reports (issue 19): the installation's signing certificate, the trusted certificates,
 * verification and a further signature on a signed PDF. App-level channels (no engagement); the
 * report's own signature is made by the `report:export` job (report-handlers.ts).
 */
export function registerSigningHandlers(router: Router, deps: RouterDeps): void {
  const { platform } = deps;
  // Built on first use: the desktop's key protection (safeStorage) is asked once the app is running, not while the router is composed.
  const signing = () => signingServiceOf(platform);
  const shown = (file: string) => ({ file: platform.displayFile(file), downloadUrl: platform.offerDownload(file) });

  router.register('signing:status', () => signing().status());
  router.register('signing:create', ({ name, organisation, role, email, keyType, years, passphrase, replace }) =>
    signing().create({ name, organisation, title: role, email }, { keyType, years, passphrase, replace }),
  );
  router.register('signing:importP12', ({ file, password, passphrase, replace }) => signing().importP12(platform.resolveFile(file, 'open', 'keystore'), password, { passphrase, replace }));
  router.register('signing:remove', () => {
    signing().identities.remove();
    return null;
  });
  router.register('signing:exportCertificate', ({ file }) => {
    const target = platform.resolveFile(file, 'save', 'certificate');
    signing().exportCertificate(target);
    return shown(target);
  });
  router.register('signing:trusted', () => signing().trustedList());
  router.register('signing:trust', ({ certificatePem, label }) => signing().trustPem(certificatePem, label));
  router.register('signing:trustFile', ({ file }) => signing().trustFile(platform.resolveFile(file, 'open', 'certificate')));
  router.register('signing:untrust', ({ fingerprint }) => {
    signing().untrust(fingerprint);
    return null;
  });
  router.register('signing:verify', ({ file, signatureFile }) =>
    signing().verify(platform.resolveFile(file, 'open', 'signed'), signatureFile ? platform.resolveFile(signatureFile, 'open', 'signed') : undefined),
  );
  router.register('signing:countersign', async ({ file, output, role, passphrase }) => {
    const target = platform.resolveFile(output, 'save', 'pdf');
    const signed = await signing().countersign(platform.resolveFile(file, 'open', 'pdf'), target, role, passphrase);
    return { ...shown(target), sha256: signed.sha256 };
  });
}
