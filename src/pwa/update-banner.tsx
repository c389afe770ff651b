import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n';
import { usePwaUpdate } from './use-pwa-update';
import './update-banner.css';

export interface UpdateBannerProps {
  /** True while a reload would interrupt something: a diagnosis under way (any view but the home page). */
  inDiagnosis: boolean;
}

/**
 * Tells that a new version is ready. In a diagnosis it only says so: the version is installed on
 * the way back to the home page (the answers are already saved). Elsewhere a button installs it.
 */
export function UpdateBanner({ inDiagnosis }: UpdateBannerProps) {
  const { updateAvailable, applyUpdate } = usePwaUpdate();
  const promisedForHome = useRef(false);
  // « Mettre à jour » waits for the page to stop loading: a diagnosis opened meanwhile calls it off.
  const [pressedUpdate, setPressedUpdate] = useState<{ cancel: () => void } | null>(null);
  useEffect(() => {
    if (!inDiagnosis || !pressedUpdate) return;
    pressedUpdate.cancel();
    setPressedUpdate(null);
  }, [inDiagnosis, pressedUpdate]);

  // Keeps the promise the banner made during the diagnosis, once the person is back home. The
  // update waits until home has finished loading; a diagnosis opened meanwhile calls it off (the
  // cleanup) until the next return home.
  useEffect(() => {
    if (!updateAvailable) return;
    if (inDiagnosis) promisedForHome.current = true;
    else if (promisedForHome.current) return applyUpdate();
  }, [updateAvailable, inDiagnosis, applyUpdate]);

  // The live region is always there, so that screen readers announce the message when it appears.
  return (
    <div className={updateAvailable ? 'update-banner' : 'update-banner update-banner-idle'}>
      <p role="status" className="update-banner-message">
        {updateAvailable ? <UpdateMessage inDiagnosis={inDiagnosis} /> : null}
      </p>
      {updateAvailable && !inDiagnosis ? <UpdateButton isInstalling={pressedUpdate !== null} onClick={() => setPressedUpdate({ cancel: applyUpdate() })} /> : null}
    </div>
  );
}

// The words load only once there is an update (no catalogue fetched on the first paint), and
// without suspending: the banner must never hold up the page it sits on.
const usePwaWords = () => useTranslation('pwa', { i18n, useSuspense: false });

function UpdateMessage({ inDiagnosis }: UpdateBannerProps) {
  const { t, ready } = usePwaWords();
  if (!ready) return null;
  return inDiagnosis ? `${t('update.available')} ${t('update.afterDiagnosis')}` : t('update.available');
}

function UpdateButton({ isInstalling, onClick }: { isInstalling: boolean; onClick: () => void }) {
  const { t, ready } = usePwaWords();
  if (!ready) return null;
  // aria-disabled rather than disabled: the button keeps the focus while it says what it does.
  return (
    <button type="button" className="button button-primary" aria-disabled={isInstalling || undefined} onClick={isInstalling ? undefined : onClick}>
      {isInstalling ? t('update.installing') : t('update.apply')}
    </button>
  );
}
