import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswersFile } from '../../domain/answers';
import { buildShareLink } from '../../data/share-link';

/**
 * Copies a link that carries the answers in its fragment. The link is also shown, selected, so it
 * can be copied by hand where the clipboard is refused (plain http, some browsers).
 */
export function ShareLinkButton({ buildFile }: { buildFile: () => AnswersFile }) {
  const { t } = useTranslation();
  const [link, setLink] = useState<string | null>(null);
  const [isCopied, setIsCopied] = useState(false);
  const outputRef = useRef<HTMLInputElement>(null);

  const copy = async () => {
    const next = buildShareLink(buildFile(), window.location.href);
    setLink(next);
    try {
      await navigator.clipboard.writeText(next);
      setIsCopied(true);
    } catch {
      setIsCopied(false);
      requestAnimationFrame(() => outputRef.current?.select());
    }
  };

  return (
    <>
      <button type="button" className="button button-secondary" onClick={copy}>
        {t('share.copyLink')}
      </button>
      {link ? (
        <div className="share-link-output">
          <label className="field-label" htmlFor="share-link">
            {t('share.linkLabel')}
          </label>
          <p className="field-help" id="share-link-help">
            {t('share.linkHelp')}
          </p>
          <input id="share-link" ref={outputRef} type="text" readOnly value={link} aria-describedby="share-link-help" onFocus={(event) => event.target.select()} />
        </div>
      ) : null}
      <p role="status" className="share-link-status">
        {isCopied ? t('share.linkCopied') : ''}
      </p>
    </>
  );
}
