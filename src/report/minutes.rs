//! The minutes (protokoll) of a preparation-group meeting, as Markdown: the date, who attended,
//! each decision with the figures it was taken on, and the initiatives not decided.

use crate::eval::Analysis;
use crate::i18n::{Lang, words};
use crate::model::{Date, Outcome, Portfolio};

use super::fmt::{NONE, md, money, portfolio_name, score};

/// What the meeting did, by initiative id; the figures come from the analysed portfolio.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingRecord {
    pub date: Date,
    pub forum: String,
    pub attendees: Vec<String>,
    /// In the order taken up: id, outcome and note.
    pub decisions: Vec<(String, Outcome, Option<String>)>,
    /// Taken up (or not reached) without a decision.
    pub skipped: Vec<String>,
}

/// Attendees as typed: names separated by commas.
pub fn attendees(text: &str) -> Vec<String> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(String::from)
        .collect()
}

/// The minutes file's text.
pub fn minutes_markdown(
    portfolio: &Portfolio,
    analysis: &Analysis,
    record: &MeetingRecord,
    lang: Lang,
) -> String {
    let mut out = header(portfolio, record, lang);
    out.push_str(&format!("## {}\n\n", lang.pick("Beslut", "Decisions")));
    if record.decisions.is_empty() {
        out.push_str(lang.pick("Inga beslut.\n\n", "No decisions.\n\n"));
    }
    for (n, (id, outcome, note)) in record.decisions.iter().enumerate() {
        decision(
            &mut out,
            portfolio,
            analysis,
            (n + 1, id, *outcome, note),
            lang,
        );
    }
    if !record.skipped.is_empty() {
        out.push_str(&format!(
            "## {}\n\n",
            lang.pick("Ej beslutade", "Not decided")
        ));
        for id in &record.skipped {
            out.push_str(&format!("- {}\n", heading(portfolio, analysis, id, lang)));
        }
        out.push('\n');
    }
    out
}

/// The heading with the portfolio's name, then date, forum and attendees.
fn header(portfolio: &Portfolio, record: &MeetingRecord, lang: Lang) -> String {
    let name = portfolio_name(portfolio, lang);
    let attendees = if record.attendees.is_empty() {
        lang.pick("ej antecknade", "not recorded").to_string()
    } else {
        md(&record.attendees.join(", "))
    };
    format!(
        "# {} – {}\n\n- **{}:** {}\n- **{}:** {}\n- **{}:** {attendees}\n\n",
        lang.pick("Protokoll", "Minutes"),
        md(name),
        lang.pick("Datum", "Date"),
        record.date,
        lang.pick("Forum", "Forum"),
        md(&record.forum),
        lang.pick("Närvarande", "Attendees"),
    )
}

/// "Digital ansökan om bygglov (`e-tjanst-bygglov`), rang 2".
fn heading(portfolio: &Portfolio, analysis: &Analysis, id: &str, lang: Lang) -> String {
    match index(portfolio, id) {
        Some(i) => format!(
            "{} (`{}`), {} {}",
            md(portfolio.initiatives[i].title()),
            md(id),
            lang.pick("rang", "rank"),
            analysis.items[i].rank
        ),
        None => format!("`{}`", md(id)),
    }
}

fn index(portfolio: &Portfolio, id: &str) -> Option<usize> {
    portfolio.initiatives.iter().position(|i| i.id == id)
}

fn decision(
    out: &mut String,
    portfolio: &Portfolio,
    analysis: &Analysis,
    (n, id, outcome, note): (usize, &str, Outcome, &Option<String>),
    lang: Lang,
) {
    out.push_str(&format!(
        "### {n}. {}\n\n",
        heading(portfolio, analysis, id, lang)
    ));
    out.push_str(&format!(
        "- **{}: {}**\n",
        lang.pick("Beslut", "Decision"),
        words::outcome(outcome, lang)
    ));
    if let Some(note) = note {
        out.push_str(&format!(
            "- {}: {}\n",
            lang.pick("Anteckning", "Note"),
            md(note)
        ));
    }
    if let Some(i) = index(portfolio, id) {
        figures(out, portfolio, analysis, i, lang);
    }
    out.push('\n');
}

/// The scores, gate and business case the decision was taken on.
fn figures(out: &mut String, portfolio: &Portfolio, analysis: &Analysis, i: usize, lang: Lang) {
    let item = &analysis.items[i];
    let e = &item.eval;
    out.push_str(&format!(
        "- {} {} · {} {} · {} {}\n",
        lang.pick("Nytta", "Benefit"),
        score(e.benefit_score, lang),
        lang.pick("Genomförbarhet", "Feasibility"),
        score(e.feasibility_score, lang),
        lang.pick("Prioritet", "Priority"),
        score(e.priority, lang),
    ));
    let scores: Vec<String> = e
        .criteria
        .iter()
        .map(|c| {
            let name = portfolio
                .model
                .criterion(&c.id)
                .map_or(c.id.as_str(), |m| lang.pick(&m.name_sv, &m.name_en));
            let value = c.score.map_or_else(|| NONE.to_string(), |v| v.to_string());
            format!("{} {value}", md(name))
        })
        .collect();
    out.push_str(&format!(
        "- {}: {}\n",
        lang.pick("Poäng", "Scores"),
        scores.join(" · ")
    ));
    out.push_str(&format!(
        "- {}: {} {}\n",
        lang.pick("Regelefterlevnad", "Compliance gate"),
        words::gate_symbol(e.gate),
        words::gate(e.gate, lang)
    ));
    out.push_str(&format!(
        "- {}: {}\n",
        lang.pick("Nuvärde", "Net present value"),
        money(item.case.as_ref().map(|c| c.totals.npv), lang)
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval;

    fn portfolio() -> Portfolio {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/portfolio");
        crate::load::load(Some(&root)).expect("fixture").portfolio
    }

    fn record() -> MeetingRecord {
        MeetingRecord {
            date: Date::new(2026, 11, 23).expect("a date"),
            forum: "beredningsgruppen".into(),
            attendees: attendees("Anna Berg, Olle Holm ,"),
            decisions: vec![(
                "e-tjanst-bygglov".into(),
                Outcome::Prioritised,
                Some("Under förutsättning | finansiering".into()),
            )],
            skipped: vec!["skolplattform".into()],
        }
    }

    #[test]
    fn the_minutes_carry_date_attendees_decisions_and_what_was_skipped() {
        let p = portfolio();
        let analysis = eval::analyse(&p, Date::new(2026, 11, 23).expect("a date"));
        let sv = minutes_markdown(&p, &analysis, &record(), Lang::Sv);
        for expected in [
            "# Protokoll – Nacka kommun – digitaliseringsportfölj\n",
            "- **Datum:** 2026-11-23\n",
            "- **Närvarande:** Anna Berg, Olle Holm\n",
            "### 1. Digital ansökan om bygglov (`e-tjanst-bygglov`), rang 2\n",
            "- **Beslut: Prioriterad**\n",
            "- Anteckning: Under förutsättning \\| finansiering\n",
            "- Nytta 3,00 · Genomförbarhet 3,29 · Prioritet 9,86\n",
            "Förbättrad kvalitet / användarupplevelse 4 · ",
            "- Regelefterlevnad: ✓ Godkänd\n",
            "- Nuvärde: ",
            "## Ej beslutade\n\n- Ny skolplattform (`skolplattform`), rang 6\n",
        ] {
            assert!(sv.contains(expected), "missing {expected:?} in\n{sv}");
        }
        let en = minutes_markdown(&p, &analysis, &record(), Lang::En);
        assert!(en.starts_with("# Minutes – Nacka"), "{en}");
        assert!(en.contains("- **Decision: Prioritised**\n"), "{en}");
        assert!(
            en.contains("- Benefit 3.00 · Feasibility 3.29 · Priority 9.86\n"),
            "{en}"
        );
        assert!(en.contains("## Not decided\n"), "{en}");
    }

    #[test]
    fn no_attendees_and_no_decisions_are_said_plainly() {
        let p = portfolio();
        let analysis = eval::analyse(&p, Date::new(2026, 11, 23).expect("a date"));
        let mut r = record();
        r.attendees.clear();
        r.decisions.clear();
        r.skipped.clear();
        let sv = minutes_markdown(&p, &analysis, &r, Lang::Sv);
        assert!(sv.contains("- **Närvarande:** ej antecknade\n"), "{sv}");
        assert!(sv.contains("Inga beslut."), "{sv}");
        assert!(!sv.contains("Ej beslutade"), "{sv}");
    }
}
