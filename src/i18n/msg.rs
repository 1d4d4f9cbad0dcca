//! The words of the command line, `check` and the edits, in both languages.
//!
//! Two tables, both iterable so that a test can walk every entry:
//! - `Msg`: the command line's own sentences (confirmations, refusals, errors), each a template
//!   in Swedish and English with `{0}`, `{1}` … for what varies;
//! - `CATALOGUE` (in `catalogue.rs`): the library's findings (load diagnostics and hints, edit
//!   refusals), written in English where they arise, each with its Swedish sentence.

use std::fmt::Display;

use super::Lang;
pub use super::catalogue::{CATALOGUE, translate};

macro_rules! messages {
    ($($(#[$doc:meta])* $name:ident => $sv:expr, $en:expr;)*) => {
        /// A sentence of the command line, in both languages.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg {
            $($(#[$doc])* $name,)*
        }

        impl Msg {
            /// Every message, for the test that none is missing in either language.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            /// The template in `lang`, with `{0}`, `{1}` … where the arguments go.
            pub fn template(self, lang: Lang) -> &'static str {
                match self {
                    $(Msg::$name => lang.pick($sv, $en),)*
                }
            }
        }
    };
}

messages! {
    // `check`.
    Error => "fel", "error";
    Warning => "varning", "warning";
    Hint => "tips", "hint";
    CheckSummary => "{0}: {1} initiativ inlästa, {2} fel, {4}",
        "{0}: {1} initiatives loaded, {2} {3}, {4}";
    OneWarning => "1 varning", "1 warning";
    Warnings => "{0} varningar", "{0} warnings";
    OneErrorWord => "fel", "error";
    ErrorsWord => "fel", "errors";
    Sample => "exempelportfölj (inbyggd, skrivskyddad)",
        "sample portfolio (built in, read-only)";
    // Edits: what was done.
    DoneScore => "{0}: poäng {1} {2} → {3} ({4})", "{0}: score {1} {2} → {3} ({4})";
    DoneScoreNew => "{0}: poäng {1} = {2} ({3})", "{0}: score {1} = {2} ({3})";
    DoneDecision => "{0}: beslut {1} den {2} ({3})", "{0}: decision {1} on {2} ({3})";
    DoneDecisionStage => "{0}: beslut {1} den {2}, fas {3} → {4} ({5})",
        "{0}: decision {1} on {2}, stage {3} → {4} ({5})";
    DoneStage => "{0}: fas {1} → {2} ({3})", "{0}: stage {1} → {2} ({3})";
    DoneFollowUp => "{0}: uppföljning av {1}: {2} den {3} ({4})",
        "{0}: follow-up of {1}: {2} on {3} ({4})";
    DoneNew => "{0}: skapade {1}", "{0}: created {1}";
    // Edits: refusals.
    SampleReadOnly => "den inbyggda exempelportföljen kan inte ändras: ange en portfölj med -p SÖKVÄG (eller kör i en mapp som har ./portfolio)",
        "the built-in sample portfolio cannot be edited: pass a portfolio with -p PATH (or run in a folder that has ./portfolio)";
    NotLoaded => "initiativet `{0}` har fel och lästes inte in; rätta dem först:\n{1}",
        "initiative `{0}` has errors and was not loaded; fix them first:\n{1}";
    NoInitiativeMeant => "inget initiativ `{0}`; menade du `{1}`?",
        "no initiative `{0}`; did you mean `{1}`?";
    NoInitiative => "inget initiativ `{0}` i portföljen", "no initiative `{0}` in the portfolio";
    UnknownCriterionMeant => "okänt kriterium `{0}`; menade du {1}?",
        "unknown criterion `{0}`; did you mean {1}?";
    UnknownCriterion => "okänt kriterium `{0}`; kriterierna är: {1}",
        "unknown criterion `{0}`; the criteria are: {1}";
    BadScore => "en poäng är ett heltal från 1 till 4, inte {0}",
        "a score is a whole number from 1 to 4, not {0}";
    NoBenefit => "ingen nytta `{0}` i `{1}`; dess nyttor är: {2}",
        "no benefit `{0}` in `{1}`; its benefits are: {2}";
    NoneWord => "inga", "none";
    FollowUpBeforeStart => "en uppföljning daterad {0} vore före nyttan `{1}` börjar {2}",
        "a follow-up dated {0} would be before benefit `{1}` starts {2}";
    BadId => "ett id består av gemena bokstäver a–z, siffror och bindestreck och börjar med en bokstav eller siffra, till exempel `e-tjanst-bygglov`; inte `{0}`",
        "an id is lower-case letters a–z, digits and hyphens, starting with a letter or digit, such as `e-tjanst-bygglov`; not `{0}`";
    ReservedId => "`{0}` är ett reserverat filnamn i Windows; välj ett annat id",
        "`{0}` is a reserved file name on Windows; choose another id";
    NewNeedsFolder => "`bered new` lägger till en fil i en portföljmapp; den här portföljen är en enda fil",
        "`bered new` adds a file to a portfolio folder; this portfolio is a single file";
    AlreadyExists => "{0} finns redan; inget skrevs", "{0} already exists; nothing was written";
    CannotWrite => "kan inte skriva {0}: {1}", "cannot write {0}: {1}";
    CannotRead => "kan inte läsa {0}: {1}", "cannot read {0}: {1}";
    CannotCreate => "kan inte skapa {0}: {1}", "cannot create {0}: {1}";
    // Edit errors (`EditError`).
    EditNotEditable => "kan inte ändra: {0}", "cannot edit: {0}";
    EditUnintended => "inget skrevs: ändringen skulle också ha ändrat {0}",
        "nothing was written: the edit would also have changed {0}";
    EditChangedOnDisk => "{0} ändrades på disken sedan den lästes in; inget skrevs. Läs in igen och gör ändringen på nytt",
        "{0} changed on disk since it was loaded; nothing was written. Reload and apply the edit again";
    EditReadOnly => "{0}: skrivskyddad: inte ändrad", "{0}: read-only: not changed";
    EditOutside => "{0}: en symbolisk länk till en fil utanför portföljen: inte ändrad",
        "{0}: a symbolic link to a file outside the portfolio: not changed";
    EditNotAFile => "{0}: inte en vanlig fil: inte ändrad", "{0}: not a regular file: not changed";
    EditIo => "{0}: {1}", "{0}: {1}";
    // The command line.
    BadLang => "okänt språk `{0}`: väntade sv eller en", "unknown language `{0}`: expected sv or en";
    BadNumber => "väntade ett tal som 35 eller 0,75, fann `{0}`",
        "expected a number such as 35 or 0.75, found `{0}`";
    BadStage => "okänd fas `{0}`: väntade en av {1}", "unknown stage `{0}`: expected one of {1}";
    BadOutcome => "okänt utfall `{0}`: väntade ett av {1}",
        "unknown outcome `{0}`: expected one of {1}";
    UsageError => "fel i kommandoraden: {0}\nSe `bered --help`.",
        "error on the command line: {0}\nSee `bered --help`.";
    BadCommandLine => "kommandoraden kunde inte tolkas", "the command line could not be read";
    UnknownArgument => "okänt argument `{0}`", "unexpected argument `{0}`";
    MissingArgument => "ett argument saknas: {0}", "a required argument is missing: {0}";
    InvalidValue => "ogiltigt värde `{0}` för {1}", "invalid value `{0}` for {1}";
    UnknownCommand => "okänt kommando `{0}`", "unrecognised command `{0}`";
    ErrorsLeftOut => "{0} fel i portföljen; initiativ med fel är inte med (kör `bered check`)",
        "{0} error(s) in the portfolio; initiatives with errors are left out (run `bered check`)";
    Prefix => "bered: {0}", "bered: {0}";
    NotAPortfolio => "{0}: inte en portfölj: väntade en mapp med portfolio.yaml och initiatives/, eller en .yaml-fil",
        "{0}: not a portfolio: expected a folder with portfolio.yaml and initiatives/, or a .yaml file";
    NotFound => "{0}: ingen sådan fil eller mapp", "{0}: no such file or folder";
}

impl Msg {
    /// The message in `lang` with its arguments in place.
    pub fn say(self, lang: Lang, args: &[&dyn Display]) -> String {
        fill(self.template(lang), args)
    }
}

/// `{0}`, `{1}` … in `template` replaced by the arguments.
fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = template.to_string();
    for (i, a) in args.iter().enumerate().rev() {
        out = out.replace(&format!("{{{i}}}"), &a.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_there_in_both_languages() {
        for m in Msg::ALL {
            for lang in [Lang::Sv, Lang::En] {
                assert!(!m.template(lang).trim().is_empty(), "{m:?} {lang:?}");
            }
            let (sv, en) = (m.template(Lang::Sv), m.template(Lang::En));
            for i in 0..6 {
                let mark = format!("{{{i}}}");
                if sv.contains(&mark) {
                    assert!(en.contains(&mark), "{m:?}: {mark} only in Swedish");
                }
            }
        }
    }

    #[test]
    fn arguments_fill_the_template() {
        assert_eq!(
            Msg::EditReadOnly.say(Lang::Sv, &[&"a.yaml"]),
            "a.yaml: skrivskyddad: inte ändrad"
        );
    }
}
