//! `bered show ID`: everything about one initiative — the score explained criterion by
//! criterion, the business case year by year, the benefits with their status, flags, decisions.

use std::fmt;

use super::detail::{Tab, tab_doc};
use super::doc::Doc;
use crate::eval::Analysis;
use crate::i18n::Lang;
use crate::model::Portfolio;

/// No initiative has the id asked for; `suggestions` holds ids that resemble it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownInitiative {
    pub id: String,
    pub suggestions: Vec<String>,
}

impl fmt::Display for UnknownInitiative {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no initiative with id `{}`", self.id)?;
        match self.suggestions.as_slice() {
            [] => Ok(()),
            [one] => write!(f, "; did you mean `{one}`?"),
            many => write!(f, "; did you mean one of: {}?", many.join(", ")),
        }
    }
}

impl std::error::Error for UnknownInitiative {}

/// The index of the initiative with this id. Otherwise the ids that contain it, or that it
/// contains, are offered (at most five).
pub fn find_initiative(portfolio: &Portfolio, id: &str) -> Result<usize, UnknownInitiative> {
    if let Some(i) = portfolio.initiatives.iter().position(|i| i.id == id) {
        return Ok(i);
    }
    let wanted = id.to_lowercase();
    let resembles = |candidate: &&String| {
        let c = candidate.to_lowercase();
        !wanted.is_empty() && (c.contains(&wanted) || wanted.contains(&c))
    };
    let suggestions = portfolio
        .initiatives
        .iter()
        .map(|i| &i.id)
        .filter(resembles)
        .take(5)
        .cloned()
        .collect();
    Err(UnknownInitiative {
        id: id.to_string(),
        suggestions,
    })
}

pub fn show_text(portfolio: &Portfolio, analysis: &Analysis, index: usize, lang: Lang) -> String {
    show_doc(portfolio, analysis, index, lang).to_text(lang)
}

pub fn show_markdown(
    portfolio: &Portfolio,
    analysis: &Analysis,
    index: usize,
    lang: Lang,
) -> String {
    show_doc(portfolio, analysis, index, lang).to_markdown(lang)
}

/// Every tab of the detail in a row, under the initiative's title.
fn show_doc(portfolio: &Portfolio, analysis: &Analysis, index: usize, lang: Lang) -> Doc {
    let initiative = &portfolio.initiatives[index];
    let mut doc = Doc::default();
    doc.heading(1, format!("{} ({})", initiative.title(), initiative.id));
    for tab in Tab::ALL {
        if tab != Tab::Overview {
            doc.heading(2, tab.title().get(lang));
        }
        doc.blocks
            .extend(tab_doc(tab, portfolio, analysis, index, lang).blocks);
    }
    doc
}
