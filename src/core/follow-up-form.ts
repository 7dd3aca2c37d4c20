/** Checks a follow-up submitted from the sidebar: every field typed, required, known, concrete (no vague stage or next step) and of sensible length, with a message naming the field. */

import { fill, translator } from "../i18n/translate";
import { type ColumnKey, columnSpec } from "./columns";
import { type Day, dayFromYmd, isoOfDay } from "./dates";
import type { Language } from "./language";
import { type Settings, stageKindOf } from "./settings";
import { FORM_FIELDS, type FollowUpForm, type FormField } from "./sidebar-api";
import { isVagueNextStep, isVagueStage } from "./stage-words";
import { memberByName, type TeamMember } from "./team";

/** A checked follow-up, ready to be written. */
export interface ValidFollowUp {
  customer: string;
  contact: string;
  contactInfo: string;
  date: Day;
  method: string;
  need: string;
  summary: string;
  stage: string;
  nextStep: string;
  nextDate: Day | null;
  owner: string;
  source: string;
  score: number | null;
  notes: string;
}

/** What a form is checked against. */
export interface FormContext {
  settings: Settings;
  team: readonly TeamMember[];
  today: Day;
  language: Language;
}

export type FormErrors = Partial<Record<FormField | "form", string>>;

/** Longest accepted text per field (a cell holds 50,000 characters; a follow-up needs far less). */
const MAX_LENGTH: Readonly<Record<FormField, number>> = {
  customer: 200,
  contact: 100,
  contactInfo: 200,
  date: 10,
  method: 100,
  need: 5000,
  summary: 5000,
  stage: 100,
  nextStep: 1000,
  nextDate: 10,
  owner: 200,
  source: 100,
  score: 1,
  notes: 5000,
};

/**
 * The form as sent, if it has the right shape: an object whose every field is a string. Anything else (a
 * hand-made call to the global function) is refused before looking further.
 */
export function formOf(value: unknown): FollowUpForm | null {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  return FORM_FIELDS.every((field) => typeof record[field] === "string") ? (value as FollowUpForm) : null;
}

/** A "yyyy-mm-dd" date as a Day, or null when it is not a real calendar date (2024-02-30 is not). */
export function dayOfIso(text: string): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const result = dayFromYmd(year, month, day);
  return isoOfDay(result) === text ? result : null;
}

/** Checks the form: either the follow-up to write, or a message per field in the user's language. */
export function checkFollowUp(
  form: FollowUpForm,
  ctx: FormContext,
): { ok: true; followUp: ValidFollowUp } | { ok: false; errors: FormErrors } {
  const t = translator(ctx.language);
  const label = (field: FormField) => columnSpec(field as ColumnKey).header[ctx.language];
  const errors: FormErrors = {};
  const text: Record<FormField, string> = Object.fromEntries(
    FORM_FIELDS.map((field) => [
      field,
      field === "need" || field === "summary" || field === "notes"
        ? form[field].replace(/\s+$/, "").replace(/^\s*\n/, "")
        : form[field].trim(),
    ]),
  ) as Record<FormField, string>;
  for (const field of FORM_FIELDS) {
    if (text[field].length > MAX_LENGTH[field]) {
      errors[field] = fill(t("form.tooLong"), {
        field: label(field),
        max: MAX_LENGTH[field],
        length: text[field].length,
      });
    }
  }
  const kind = text.stage === "" ? null : stageKindOf(ctx.settings, text.stage);
  const closed = kind === "won" || kind === "lost";
  const required: FormField[] = ["customer", "date", "need", "summary", "stage", "owner"];
  if (!closed) required.push("nextStep", "nextDate");
  for (const field of required) {
    if (text[field] === "" && !errors[field]) errors[field] = fill(t("form.required"), { field: label(field) });
  }
  const date = text.date === "" ? null : dayOfIso(text.date);
  if (text.date !== "" && date === null) errors.date = fill(t("form.badDate"), { field: label("date") });
  else if (date !== null && date > ctx.today) errors.date = t("form.dateInFuture");
  const nextDate = text.nextDate === "" ? null : dayOfIso(text.nextDate);
  if (text.nextDate !== "" && nextDate === null)
    errors.nextDate = fill(t("form.badDate"), { field: label("nextDate") });
  else if (nextDate !== null && date !== null && nextDate < date) errors.nextDate = t("form.nextBeforeDate");
  // The article's rule: a stage says where the customer stands, a next step says what will be done.
  if (text.stage !== "" && !errors.stage && isVagueStage(text.stage)) {
    errors.stage = fill(t("form.vagueStage"), { field: label("stage"), value: text.stage });
  }
  if (!errors.nextStep && isVagueNextStep(text.nextStep)) {
    errors.nextStep = fill(t("form.vagueNextStep"), { field: label("nextStep"), value: text.nextStep });
  }
  const choice = (field: FormField, options: readonly string[]) => {
    if (text[field] !== "" && !errors[field] && !options.includes(text[field])) {
      errors[field] = fill(t("form.unknownChoice"), { field: label(field), value: text[field] });
    }
  };
  choice(
    "stage",
    ctx.settings.stages.map((s) => s.name),
  );
  choice("method", ctx.settings.methods);
  choice("source", ctx.settings.sources);
  const owner = text.owner === "" ? undefined : memberByName(ctx.team, text.owner);
  if (text.owner !== "" && !owner && !errors.owner) errors.owner = fill(t("form.unknownOwner"), { value: text.owner });
  const score = text.score === "" ? null : Number(text.score);
  if (score !== null && !(Number.isInteger(score) && score >= 1 && score <= 5)) errors.score = t("validation.score");
  if (Object.keys(errors).length > 0 || date === null) return { ok: false, errors };
  return {
    ok: true,
    followUp: {
      ...text,
      owner: owner?.name ?? text.owner,
      date,
      nextDate,
      score,
    },
  };
}
