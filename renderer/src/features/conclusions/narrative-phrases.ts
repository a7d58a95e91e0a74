import type { TFunction } from 'i18next';
import type { NarrativePhrases } from '../../../../shared/fieldwork/narrative.ts';
import { intlLocale } from '../../i18n/locale.ts';

/**
 * The draft narrative's wording in the interface language: times in the engagement's time zone
 * (the audit happened there, wherever the laptop's clock is set), lists joined as the language joins them.
 */
export function narrativePhrases(t: TFunction, timeZone: string): NarrativePhrases {
  const locale = intlLocale();
  const zone = safeZone(timeZone);
  const day = new Intl.DateTimeFormat(locale, { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const p = 'conclusions.draft.phrases';
  const fullStop = t(`${p}.fullStop`);
  return {
    when: (instant) => {
      const date = new Date(instant);
      return Number.isNaN(date.getTime()) ? instant : t(`${p}.when`, { date: day.format(date), time: time.format(date) });
    },
    entryLead: (when, author) => t(`${p}.entryLead`, { when, author }),
    person: (name, role) => (role ? t(`${p}.personWithRole`, { name, role }) : name),
    document: (title) => t(`${p}.document`, { title }),
    clause: (number) => t(`${p}.clause`, { number }),
    list: (items) => list.format(items),
    interviewed: (people) => t(`${p}.interviewed`, { people }),
    documentsSeen: (documents) => t(`${p}.documentsSeen`, { documents }),
    recordsSeen: (records) => t(`${p}.recordsSeen`, { records }),
    recordsFailed: (records) => t(`${p}.recordsFailed`, { records }),
    noteLead: (clause, result, author) => t(`${p}.noteLead`, { clause, result: t(`fieldwork.results.${result}`).toLocaleLowerCase(locale), author }),
    tally: (tally) => {
      const results = [
        tally.conforming ? t(`${p}.conforming`, { count: tally.conforming }) : null,
        tally.nonconformity ? t(`${p}.nonconformity`, { count: tally.nonconformity }) : null,
        tally.observation ? t(`${p}.observation`, { count: tally.observation }) : null,
        tally.notApplicable ? t(`${p}.notApplicable`, { count: tally.notApplicable }) : null,
      ].filter((part): part is string => part !== null);
      return t(`${p}.tally`, { answered: tally.answeredQuestions, total: tally.questionCount, results: list.format(results) });
    },
    noAnswers: (count) => t(`${p}.noAnswers`, { count }),
    findingExpected: (count) => t(`${p}.findingExpected`, { count }),
    fullStop,
    // Chinese and Japanese run sentences on without a space; spaced scripts put one between.
    sentenceGap: /[。！？]$/u.test(fullStop) ? '' : ' ',
  };
}

/** The engagement's zone, or UTC when the runtime does not know it (a file from a newer tz database). */
function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}
