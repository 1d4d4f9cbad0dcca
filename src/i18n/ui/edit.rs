//! The words of editing in the interactive application: prompts, what was written or why not,
//! undo and redo, and meeting mode.

use super::Text;
use crate::i18n::Lang;

// Help: where the keys apply.
pub const CTX_CHOICE: Text = Text("Val i en ruta", "Choosing in a prompt");
pub const CTX_FORM: Text = Text("Fält i en ruta", "Fields in a prompt");
pub const CTX_MEETING: Text = Text("Möte", "Meeting");

// Help: what each action does.
pub const ACT_EDIT_SCORE: Text = Text("ändra poäng", "edit a score");
pub const ACT_DECIDE: Text = Text("nytt beslut", "new decision");
pub const ACT_STAGE: Text = Text("byt fas", "change stage");
pub const ACT_FOLLOW_UP: Text = Text("ny uppföljning av en nytta", "add a benefit follow-up");
pub const ACT_UNDO: Text = Text("ångra", "undo");
pub const ACT_REDO: Text = Text("gör om", "redo");
pub const ACT_MEETING: Text = Text("mötesläge", "meeting mode");
pub const ACT_CHOOSE: Text = Text("välj", "choose");
pub const ACT_BY_NUMBER: Text = Text("välj med nummer", "choose by number");
pub const ACT_SAVE: Text = Text("spara", "save");
pub const ACT_CANCEL: Text = Text("avbryt", "cancel");
pub const ACT_NEXT_FIELD: Text = Text("nästa fält", "next field");
pub const ACT_PREV_FIELD: Text = Text("föregående fält", "previous field");
pub const ACT_SKIP: Text = Text("hoppa över", "skip");
pub const ACT_PREVIOUS: Text = Text("föregående", "previous");
pub const ACT_END_MEETING: Text = Text("avsluta mötet", "end the meeting");
pub const ACT_PRIORITISED: Text = Text("prioriterad", "prioritised");
pub const ACT_DEFERRED: Text = Text("skjuts upp", "deferred");
pub const ACT_RETURNED: Text = Text("återremiss", "returned");
pub const ACT_REJECTED: Text = Text("avslås", "rejected");
pub const ACT_APPROVED: Text = Text("beslutad", "approved");

// Prompts.
pub const PROMPT_SCORE: Text = Text("Ändra poäng", "Edit a score");
pub const PROMPT_DECISION: Text = Text("Registrera beslut", "Record a decision");
pub const PROMPT_STAGE: Text = Text("Byt fas", "Change stage");
pub const PROMPT_FOLLOW_UP: Text = Text("Ny uppföljning", "New follow-up");
pub const PROMPT_NOTE: Text = Text("Beslut", "Decision");
pub const PROMPT_ATTENDEES: Text = Text("Protokoll", "Minutes");
pub const HINT_CRITERION: Text = Text(
    "Välj kriterium med ↑↓ och Enter, eller med dess nummer. Esc avbryter.",
    "Pick the criterion with ↑↓ and Enter, or by its number. Esc cancels.",
);
pub const HINT_SCORE: Text = Text(
    "Tryck poängen 1–4, eller välj med ↑↓ och Enter. Esc avbryter.",
    "Press the score 1–4, or pick with ↑↓ and Enter. Esc cancels.",
);
pub const HINT_TEXT: Text = Text(
    "Skriv en motivering om du vill. Enter sparar, Esc avbryter.",
    "Write a motivation if you like. Enter saves, Esc cancels.",
);
pub const HINT_OUTCOME: Text = Text(
    "Välj utfall med bokstaven, eller ↑↓ och Enter. Esc avbryter.",
    "Pick the outcome by its letter, or ↑↓ and Enter. Esc cancels.",
);
pub const HINT_LIST: Text = Text(
    "Välj med ↑↓ och Enter, eller med numret. Esc avbryter.",
    "Pick with ↑↓ and Enter, or by the number. Esc cancels.",
);
pub const HINT_FORM: Text = Text(
    "Tab byter fält · Enter sparar · Esc avbryter",
    "Tab moves between fields · Enter saves · Esc cancels",
);
pub const HINT_NOTE: Text = Text(
    "Anteckning (frivillig). Enter sparar beslutet, Esc avbryter.",
    "A note (optional). Enter saves the decision, Esc cancels.",
);
pub const HINT_ATTENDEES: Text = Text(
    "Vilka var närvarande? Namn med kommatecken emellan. Enter skriver protokollet, Esc går tillbaka till mötet.",
    "Who attended? Names separated by commas. Enter writes the minutes, Esc goes back to the meeting.",
);
pub const ATTENDEES: Text = Text("Närvarande", "Attendees");
pub const CURRENT: Text = Text("Nu", "Now");
pub const SCORE: Text = Text("Poäng", "Score");
pub const LATEST: Text = Text("Senast", "Latest");

// Refusals and messages.
pub const READ_ONLY: Text = Text(
    "Den inbyggda exempelportföljen kan inte ändras – öppna en egen med bered -p SÖKVÄG.",
    "The built-in sample portfolio is read-only – open your own with bered -p PATH.",
);
pub const NOTHING_TO_UNDO: Text = Text("Inget att ångra.", "Nothing to undo.");
pub const NOTHING_TO_REDO: Text = Text("Inget att göra om.", "Nothing to redo.");
pub const UNCHANGED: Text = Text(
    "Ingen ändring: värdet var redan så. Inget skrevs.",
    "No change: the value was already so. Nothing was written.",
);
pub const NO_BENEFITS_TO_FOLLOW: Text = Text(
    "Initiativet har inga nyttor att följa upp.",
    "The initiative has no benefits to follow up.",
);
pub const NO_PREPARATION: Text = Text(
    "Inga initiativ på dagordningen att ta upp på mötet.",
    "No initiatives on the agenda to take up in the meeting.",
);
pub const NOT_FOUND: Text = Text(
    "Initiativet finns inte längre i portföljen.",
    "The initiative is no longer in the portfolio.",
);
pub const NO_MINUTES: Text = Text(
    "Mötet avslutat utan beslut – inget protokoll skrevs.",
    "Meeting ended without decisions – no minutes written.",
);
pub const BAD_NUMBER: Text = Text(
    "Värdet ska vara ett tal, till exempel 35 eller 0,75.",
    "The value must be a number, such as 35 or 0.75.",
);

// Meeting mode.
pub const MEETING: Text = Text("Möte", "Meeting");
pub const MEETING_DONE: Text = Text(
    "Alla initiativ på dagordningen är genomgångna. q avslutar mötet och skriver protokollet; b går tillbaka.",
    "Every initiative on the agenda has been taken up. q ends the meeting and writes the minutes; b goes back.",
);
pub const DECIDED_TODAY: Text = Text("Beslut på mötet", "Decided in this meeting");
pub const EARLIER_DECISIONS: Text = Text("Tidigare beslut", "Earlier decisions");
pub const OUTCOME_KEYS: Text = Text("Beslut", "Decide");

/// What was written: "poäng quality 3 → 4 – sparat i initiatives/x.yaml".
pub fn saved(label: &str, path: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{label} – sparat i {path}"),
        Lang::En => format!("{label} – saved to {path}"),
    }
}

pub fn undone(label: &str, path: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Ångrat: {label} – {path} återställd"),
        Lang::En => format!("Undone: {label} – {path} restored"),
    }
}

pub fn redone(label: &str, path: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Gjort om: {label} – sparat i {path}"),
        Lang::En => format!("Redone: {label} – saved to {path}"),
    }
}

pub fn changed_on_disk(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!(
            "{path}: filen ändrades på disken; laddade om – gör ändringen igen. Inget skrevs."
        ),
        Lang::En => format!(
            "{path}: the file changed on disk; reloaded – make the change again. Nothing was written."
        ),
    }
}

pub fn unintended(detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Inget skrevs: ändringen skulle också ha ändrat {detail}"),
        Lang::En => format!("Nothing was written: the edit would also have changed {detail}"),
    }
}

pub fn not_editable(path: &str, detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Kan inte ändra {path}: {detail}. Inget skrevs."),
        Lang::En => format!("Cannot edit {path}: {detail}. Nothing was written."),
    }
}

pub fn write_failed(path: &str, detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Kunde inte skriva {path}: {detail}"),
        Lang::En => format!("Could not write {path}: {detail}"),
    }
}

pub fn written_with_errors(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => {
            format!("{path} sparad, men läses inte längre utan fel – laddar om; se Diagnostik")
        }
        Lang::En => {
            format!("{path} saved, but no longer reads without errors – reloading; see Diagnostics")
        }
    }
}

pub fn minutes_written(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Mötet avslutat – protokollet sparat i {path}"),
        Lang::En => format!("Meeting ended – the minutes were saved to {path}"),
    }
}

pub fn minutes_failed(detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => {
            format!("Protokollet kunde inte sparas: {detail}. Mötet pågår; försök igen med q.")
        }
        Lang::En => format!(
            "The minutes could not be saved: {detail}. The meeting goes on; try again with q."
        ),
    }
}

pub fn bad_date(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Datumet \"{text}\" går inte att läsa: skriv ÅÅÅÅ-MM-DD."),
        Lang::En => format!("The date \"{text}\" cannot be read: write YYYY-MM-DD."),
    }
}

pub fn before_start(date: &str, start: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{date} är före nyttans startdatum {start}."),
        Lang::En => format!("{date} is before the benefit starts, {start}."),
    }
}

/// The label of an edit, as status lines and undo name it.
pub fn label_score(criterion: &str, old: Option<u8>, new: u8, lang: Lang) -> String {
    let old = old.map_or_else(|| "–".to_string(), |v| v.to_string());
    match lang {
        Lang::Sv => format!("poäng {criterion} {old} → {new}"),
        Lang::En => format!("score {criterion} {old} → {new}"),
    }
}

pub fn label_decision(outcome: &str, date: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("beslut {outcome} {date}"),
        Lang::En => format!("decision {outcome} {date}"),
    }
}

pub fn label_stage(old: &str, new: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("fas {old} → {new}"),
        Lang::En => format!("stage {old} → {new}"),
    }
}

pub fn label_follow_up(benefit: &str, value: &str, date: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("uppföljning {benefit} {value} per {date}"),
        Lang::En => format!("follow-up {benefit} {value} on {date}"),
    }
}

/// Where the meeting stands: "Möte 2026-11-23 · 1 av 2 · 0 beslut".
pub fn meeting_progress(date: &str, at: usize, of: usize, decided: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Möte {date} · {at} av {of} på dagordningen · {decided} beslut"),
        Lang::En => format!("Meeting {date} · {at} of {of} on the agenda · {decided} decided"),
    }
}
