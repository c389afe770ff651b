import type french from '../fr/pages';
import type { TranslationOf } from '../../translation-of';

/** The `pages` catalogue in English: the same keys as the French one, checked by the compiler. */
const pages: TranslationOf<typeof french> = {
  backHome: 'Back to the home page',

  data: {
    documentTitle: 'Your data – Trajectoires',
    heading: 'Your data',
    intro: 'Trajectoires runs entirely in your browser. Here is what it keeps, where, for how long, and how to take it all with you or erase it all.',

    stored: {
      heading: 'What is stored',
      loading: 'Reading what is stored on this device…',
      failed: 'What is stored on this device could not be read. The “Erase” button below still works.',
      diagnosesNone: 'No diagnosis in your list.',
      diagnoses_one: '{{count}} diagnosis in your list (home page).',
      diagnoses_other: '{{count}} diagnoses in your list (home page).',
      diagnosesUnreadable: 'Your list of diagnoses could not be read.',
      setAside_one: '{{count}} record set aside, unreadable or written by a newer version of the tool.',
      setAside_other: '{{count}} records set aside, unreadable or written by a newer version of the tool.',
      groupNone: 'No group in the group view.',
      group_one: 'A group of {{count}} respondent in the group view.',
      group_other: 'A group of {{count}} respondents in the group view.',
      groupUnreadable: 'A damaged group in the group view (it offers to download it).',
      groupUnknown: 'The group of the group view could not be read.',
      language: 'Your language choice: {{language}}.',
      languageNone: 'No language chosen: the tool opens in French.',
      legacyDraft: 'A draft left by an earlier version of the tool.',
      openDiagnosis: 'In this tab only: the open diagnosis, so that reloading the page brings it back.',
      pendingCopy: 'In this tab only: a backup copy of your latest answers, kept until they are saved.',
      workshop: 'In this tab only: the workshop mode.',
      noIndexedDb: 'This browser refuses lasting storage (private browsing or a setting): your diagnoses are not kept once the tab is closed. Export your answers to keep them.',
      keysLabel: 'Technical details',
      keysLocal: 'localStorage keys: {{keys}}',
      keysSession: 'sessionStorage keys of this tab: {{keys}}',
      keysNone: 'none',
    },

    where: {
      heading: 'Where',
      device: 'In this browser, on this device. Another browser, or another device, sees none of it.',
      nothingSent: 'Nothing you enter is sent anywhere: no account, no server receiving your answers, no analytics, no request to any other site. The tool only downloads its own files, from the site that hosts it.',
      technical: 'For the curious: two IndexedDB databases, “{{library}}” and “{{group}}”, and keys starting with “trajectoires” in the browser’s localStorage and sessionStorage.',
    },

    duration: {
      heading: 'For how long',
      untilErased: 'Until you erase it: with the button below, or in your browser’s settings (“clear site data”).',
      privateBrowsing: 'In private browsing, the browser erases everything when the window closes.',
      eviction: 'When the device runs short of space, the browser may also erase the data of rarely visited sites by itself: export what matters to you.',
    },

    export: {
      heading: 'Taking your data with you',
      diagnosis: 'A diagnosis: the “Export” button in the list of your diagnoses on the home page, or “Export my answers” on its summary. You get an answers file.',
      reopen: 'That file opens again on another device, with “Import an answers file” on the home page.',
      group: 'The group: from the group view, “Download the group report (PDF)” and “Export the answers (CSV)”.',
    },

    erase: {
      heading: 'Erasing everything',
      scope: 'Erasing applies to this browser, on this device. Export first whatever you want to keep.',
      button: 'Erase all my data from this device',
      confirmHeading: 'Erase everything from this device?',
      confirmWhat: 'Your diagnoses, the group of the group view, your language choice and what this tab keeps will be erased.',
      confirmFiles: 'Files you have exported (answers, PDF, CSV) are not affected.',
      confirmFinal: 'This is final: it cannot be undone. Close any other Trajectoires tabs first: a self-assessment open there would be saved again.',
      confirm: 'Yes, erase everything',
      cancel: 'Cancel',
      erasing: 'Erasing…',
      done: 'Done: nothing from Trajectoires is kept on this device any more.',
      cancelled: 'Nothing was erased.',
      incomplete: 'Erasing is not complete:',
      failed: 'Erasing could not be done. Try again, or clear the site’s data in your browser’s settings.',
      failures: {
        'library-database': {
          blocked: 'your diagnoses: the tool is still open in another tab or window. Close them, then try again.',
          error: 'your diagnoses: the browser refused to erase them. You can do it in its settings (“clear site data”).',
        },
        'group-database': {
          blocked: 'the group: the tool is still open in another tab or window. Close them, then try again.',
          error: 'the group: the browser refused to erase it. You can do it in its settings (“clear site data”).',
        },
        'local-storage': {
          blocked: 'your language choice: the browser refused to erase it.',
          error: 'your language choice: the browser refused to erase it.',
        },
        'session-storage': {
          blocked: 'what this tab keeps: the browser refused to erase it. It will go when the tab is closed.',
          error: 'what this tab keeps: the browser refused to erase it. It will go when the tab is closed.',
        },
      },
    },
  },

  accessibility: {
    documentTitle: 'Accessibility – Trajectoires',
    heading: 'Accessibility',
    intro: 'Trajectoires should work for everyone, whatever their device, software or way of browsing. This page says where it stands.',

    status: {
      heading: 'Compliance status',
      claim: 'Trajectoires is partially compliant with RGAA 4.1 (the French accessibility framework), which follows the WCAG 2.1 success criteria at level AA.',
      why: 'Partially, because no full RGAA audit has been carried out: the checks below were made by the team that builds the tool, not by an independent body.',
    },

    tested: {
      heading: 'What was checked, and how',
      axe: 'Every screen (home, the seven steps of the express diagnosis, the summary, the list of your diagnoses, the comparison, the group view, the projection, the shared-link page, “Your data” and this page) is analysed by axe-core in headless Chromium, every time the automated tests run.',
      keyboard: 'Complete journeys with the keyboard alone: Tab from one element to the next, arrow keys to change an answer, Enter to confirm; focus stays visible and moves to the heading of each new step.',
      reflow: 'On a screen 320 pixels wide and at 200 % zoom, pages read without horizontal scrolling.',
      motion: 'The device’s “reduce motion” setting is respected: no transitions or animations at all.',
      colour: 'Colour never carries information on its own: levels, statuses and differences are also written out, and every chart has a table of the same figures.',
      contrast: 'The contrast of text and of the focus outline meets level AA.',
    },

    limits: {
      heading: 'What is not accessible yet',
      pdf: 'The PDF report is not tagged: a screen reader reads it as continuous text, without recognising its headings or tables. The on-screen summary gives the same information in an accessible page.',
      screenReaders: 'The tool has not been tried systematically with screen readers (NVDA, JAWS, VoiceOver, TalkBack): some parts may be less clear with them.',
    },

    report: {
      heading: 'Reporting a problem',
      whom: 'If something stops you from using the tool, tell the organisation that recommended it to you (your federation, your network, the person supporting you): they can pass it on.',
      what: 'Say what you were trying to do, on which page, and with what (browser, screen reader, zoom…).',
    },

    date: 'Statement made on {{date}}.',
  },
};

export default pages;
