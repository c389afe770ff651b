import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectVisibleAnswers, type AnswersFile } from '../domain/answers';
import type { Questionnaire } from '../domain/questionnaire-schema';
import { importAnswersSources } from '../data/import-answers-files';
import { questionnaireQueryOptions } from '../data/questionnaire-queries';
import { readOrganisationName } from '../report/report-model';
import { formatLibraryDate } from './library/library-format';
import { labelRespondent } from './respondent-label';
import { useLanguage } from '../i18n/use-language';
import { readAnswerMessages } from './answer-messages';

export interface SharedDiagnosis {
  file: AnswersFile;
  questionnaire: Questionnaire;
}

interface SharedLinkPageProps {
  /** The address that was opened, with the answers in its fragment. */
  link: string;
  onOpen: (shared: SharedDiagnosis) => void;
  onAddToGroup: (shared: SharedDiagnosis) => Promise<string | null>;
  onCancel: () => void;
}

/** A share link never imports by itself: the person sees whose answers these are and decides. */
export function SharedLinkPage({ link, onOpen, onAddToGroup, onCancel }: SharedLinkPageProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [addError, setAddError] = useState<string | null>(null);
  const [isAdding, setIsAdding] = useState(false);
  const language = useLanguage();
  const shared = useQuery({
    // A link refused in one language is explained again in the other when the person switches.
    queryKey: ['shared-link', link, language],
    queryFn: () =>
      importAnswersSources({ files: [], links: [link] }, (id) => queryClient.fetchQuery(questionnaireQueryOptions(id)), readAnswerMessages(language)),
    staleTime: Infinity,
    // The page stays as it is (and its focus where it is) while the new language's reasons are read.
    placeholderData: (previous) => previous,
  });
  useEffect(() => {
    document.title = `${t('share.heading')} – ${t('appName')}`;
    headingRef.current?.focus();
    // The heading takes the focus when the page changes, not when the language does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shared.isPending]);

  if (shared.isPending) return <p className="loading">{t('welcome.loading')}</p>;
  const accepted = shared.data?.accepted[0];
  if (!accepted) {
    const reasons = shared.data?.rejected.flatMap((rejected) => rejected.reasons) ?? [String(shared.error)];
    return (
      <div className="shared-link">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('share.invalidHeading')}
        </h1>
        <div className="error-summary" role="alert">
          <ul>
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('share.backHome')}
        </button>
      </div>
    );
  }

  const { file, questionnaire } = accepted;
  const organisation = readOrganisationName(questionnaire, selectVisibleAnswers(questionnaire, file.answers));
  // Whoever opens the link sees the name the respondent typed: it is their own file being shared.
  const respondent = file.respondent.name || file.respondent.role ? labelRespondent(file, 1, { showNames: true }) : t('share.anonymous');
  const date = formatLibraryDate(file.updatedAt);

  return (
    <div className="shared-link">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('share.heading')}
      </h1>
      <section className="card" aria-labelledby="shared-summary">
        <h2 id="shared-summary">{questionnaire.title}</h2>
        <p>{t('share.summary', { organisation, respondent, date })}</p>
        {accepted.warnings.length > 0 ? (
          <ul className="notice">
            {accepted.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        ) : null}
        <p>{t('share.question')}</p>
        {addError ? (
          <p className="error-summary" role="alert">
            {addError}
          </p>
        ) : null}
        <div className="step-actions">
          <button type="button" className="button button-primary" onClick={() => onOpen(accepted)}>
            {t('share.openAsDiagnosis')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={isAdding}
            onClick={async () => {
              setIsAdding(true);
              setAddError(await onAddToGroup(accepted));
              setIsAdding(false);
            }}
          >
            {t('share.addToGroup')}
          </button>
          <button type="button" className="button button-link" onClick={onCancel}>
            {t('share.cancel')}
          </button>
        </div>
      </section>
    </div>
  );
}
