import { useRef, useState } from 'react';
import type { AnswersFile } from '../../domain/answers';
import { buildShareLink } from '../../data/share-link';
import { messages } from '../messages';

/**
 * Copies a link that carries the answers in its fragment. The link is also shown, selected, so it
 * can be copied by hand where the clipboard is refused (plain http, some browsers).
 */
export function ShareLinkButton({ buildFile }: { buildFile: () => AnswersFile }) {
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
        {messages.share.copyLink}
      </button>
      {link ? (
        <div className="share-link-output">
          <label className="field-label" htmlFor="share-link">
            {messages.share.linkLabel}
          </label>
          <p className="field-help" id="share-link-help">
            {messages.share.linkHelp}
          </p>
          <input id="share-link" ref={outputRef} type="text" readOnly value={link} aria-describedby="share-link-help" onFocus={(event) => event.target.select()} />
        </div>
      ) : null}
      <p role="status" className="share-link-status">
        {isCopied ? messages.share.linkCopied : ''}
      </p>
    </>
  );
}
