//! Search over title, id, owner, unit and tags with nucleo-matcher: smart case and Unicode
//! normalisation, so `översikt` and `oversikt` both find `Översikt`.
//!
//! A query is words separated by spaces; every word must match, each within ONE field (never
//! across title, id, owner, unit and tags), and in any field. A word matches a field when the
//! field contains it, or when it falls into at most 1 + (n − 1) / 3 pieces for a word of n
//! letters, each of two letters or more and each starting a word of the field (`digpost` finds
//! *Dig*ital *post*). So `lag` finds "Lagkrav som väger tungt" but not "Likavärde A": single
//! letters scattered over a long title never match. nucleo's syntax (`'exact`, `^prefix`, `suffix$`,
//! `!not`) works per word. The score is the sum of each word's best field; contiguous matches
//! score above scattered ones, for the best-match order.
//!
//! The fields are built once per loaded portfolio; a query that only narrows the previous one
//! refines the previous matches.

use std::collections::HashMap;

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

use crate::model::Initiative;

/// The fields of each initiative, the title first.
#[derive(Clone)]
pub struct SearchIndex {
    fields: Vec<Box<[Utf32String]>>,
    /// The fields joined, per initiative: a word that does not match here matches no field, so
    /// most initiatives are turned away with one call.
    joined: Vec<Utf32String>,
}

impl SearchIndex {
    pub fn build(initiatives: &[Initiative]) -> SearchIndex {
        SearchIndex {
            fields: initiatives.iter().map(fields).collect(),
            joined: initiatives.iter().map(joined).collect(),
        }
    }

    /// Rebuilds the fields of one initiative after an edit.
    pub fn update(&mut self, index: usize, initiative: &Initiative) {
        if let Some(f) = self.fields.get_mut(index) {
            *f = fields(initiative);
        }
        if let Some(j) = self.joined.get_mut(index) {
            *j = joined(initiative);
        }
    }

    pub fn len(&self) -> usize {
        self.fields.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}

/// Title, id, owner, unit, then each tag.
fn fields(i: &Initiative) -> Box<[Utf32String]> {
    let f = &i.file;
    [
        Some(i.title()),
        Some(i.id.as_str()),
        f.owner.as_deref(),
        f.unit.as_deref(),
    ]
    .into_iter()
    .flatten()
    .chain(f.tags.iter().map(|t| &**t))
    // nucleo-matcher 0.3.1 misses substring (`'`) matches that end a Unicode haystack;
    // a trailing space keeps every real match inside.
    .map(|text| Utf32String::from(format!("{text} ").as_str()))
    .collect()
}

/// Every field in one text, for the quick rejection.
fn joined(i: &Initiative) -> Utf32String {
    let f = &i.file;
    let parts = [
        Some(i.title()),
        Some(i.id.as_str()),
        f.owner.as_deref(),
        f.unit.as_deref(),
    ];
    let mut text = String::new();
    for part in parts
        .into_iter()
        .flatten()
        .chain(f.tags.iter().map(|t| &**t))
    {
        text.push_str(part);
        text.push_str(" · ");
    }
    Utf32String::from(text.as_str())
}

/// How many pieces a word of `letters` may fall into.
fn max_pieces(letters: usize) -> usize {
    1 + letters.saturating_sub(1) / 3
}

fn word_start(field: Utf32Str<'_>, at: u32) -> bool {
    at == 0 || !field.get(at - 1).is_alphanumeric()
}

/// Matched positions (ascending) in contiguous pieces: one piece anywhere, or at most
/// `max_pieces` pieces of two letters or more, each starting a word.
fn compact(field: Utf32Str<'_>, positions: &[u32], letters: usize) -> bool {
    let (mut pieces, mut len, mut starts_words) = (0usize, 0u32, true);
    for (n, &p) in positions.iter().enumerate() {
        if n > 0 && positions[n - 1] + 1 == p {
            len += 1;
            continue;
        }
        // A new piece: the one before it must be two letters or more.
        starts_words &= pieces == 0 || len >= 2;
        starts_words &= word_start(field, p);
        pieces += 1;
        len = 1;
    }
    starts_words &= pieces <= 1 || len >= 2;
    pieces <= 1 || (pieces <= max_pieces(letters) && starts_words)
}

/// A word's score in one field under the one-field rule, None when it does not match there.
/// `positions` receives the matched positions of a positive match (cleared first).
fn word_in_field(
    atom: &Atom,
    field: Utf32Str<'_>,
    matcher: &mut Matcher,
    positions: &mut Vec<u32>,
) -> Option<u16> {
    positions.clear();
    let score = atom.score(field, matcher)?;
    if atom.negative || atom.kind != AtomKind::Fuzzy {
        return Some(score);
    }
    // One letter matched is a substring. Else `score` set the matcher's case and
    // normalisation for this atom, for the substring test.
    let letters = atom.needle_text().len();
    if letters <= 1 || matcher.substring_match(field, atom.needle_text()).is_some() {
        return Some(score);
    }
    atom.indices(field, matcher, positions)?;
    positions.sort_unstable();
    positions.dedup();
    compact(field, positions, letters).then_some(score)
}

/// The initiative's score for the whole query, None unless every word matches some field (and a
/// negated word none).
fn score_initiative(
    atoms: &[Atom],
    (fields, joined): (&[Utf32String], &Utf32String),
    matcher: &mut Matcher,
    positions: &mut Vec<u32>,
) -> Option<u32> {
    let mut total = 0u32;
    for atom in atoms {
        // A word found in no field is not found in their joined text either (and a negated
        // word not found there is in no field): one call decides most initiatives.
        let anywhere = atom.score(joined.slice(..), matcher);
        if atom.negative {
            if anywhere.is_none() {
                // `!word`: no field may contain it.
                for f in fields {
                    word_in_field(atom, f.slice(..), matcher, positions)?;
                }
            }
            continue;
        }
        let anywhere = anywhere?;
        // One letter (not the joint's own `·`) lies within one field: the joined text decides.
        let needle = atom.needle_text();
        if atom.kind == AtomKind::Fuzzy && needle.len() == 1 && needle.get(0) != '·' {
            total = total.saturating_add(u32::from(anywhere));
            continue;
        }
        // The first field that matches, title first, scores the word.
        let score = fields
            .iter()
            .find_map(|f| word_in_field(atom, f.slice(..), matcher, positions))?;
        total = total.saturating_add(u32::from(score));
    }
    Some(total)
}

/// One part's matches in order with their scores.
type Scanned = Vec<(usize, u32)>;

/// Below this many candidates one thread is quicker than starting more.
const PARALLEL_FROM: usize = 4_096;

/// The candidates that match, in order, with their scores. Large candidate lists are split across
/// the cores, each part with a matcher of its own; the result does not depend on the split.
fn match_all(
    atoms: &[Atom],
    index: &SearchIndex,
    candidates: &[usize],
    matcher: &mut Matcher,
) -> Scanned {
    let scan = |part: &[usize], matcher: &mut Matcher| -> Scanned {
        let mut positions = Vec::new();
        part.iter()
            .filter_map(|&i| {
                score_initiative(
                    atoms,
                    (&index.fields[i], &index.joined[i]),
                    matcher,
                    &mut positions,
                )
                .map(|s| (i, s))
            })
            .collect()
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || candidates.len() < PARALLEL_FROM {
        return scan(candidates, matcher);
    }
    let chunk = candidates.len().div_ceil(threads);
    let config = matcher.config.clone();
    std::thread::scope(|s| {
        let handles: Vec<_> = candidates
            .chunks(chunk)
            .skip(1)
            .map(|part| {
                let config = config.clone();
                s.spawn(move || scan(part, &mut Matcher::new(config)))
            })
            .collect();
        let mut found = scan(&candidates[..chunk.min(candidates.len())], matcher);
        for h in handles {
            found.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        found
    })
}

/// The search state: the query being typed and the initiatives that match it.
pub struct Search {
    pub query: String,
    /// Typing into the search line (the prompt shows; keys go to the query).
    pub editing: bool,
    matcher: Matcher,
    /// The query the matches belong to.
    matched_query: String,
    /// Initiative indices that match, ascending, with their scores; `None` for an empty query.
    matches: Option<Vec<usize>>,
    scores: Vec<u32>,
    /// The match that scores best (the earliest of equals), where the selection goes.
    best: Option<usize>,
    /// Matched character positions inside the title, per initiative, filled for visible rows.
    highlights: HashMap<usize, Vec<u32>>,
}

impl Default for Search {
    fn default() -> Self {
        let mut config = Config::DEFAULT;
        config.normalize = true;
        config.ignore_case = true;
        config.prefer_prefix = true;
        Search {
            query: String::new(),
            editing: false,
            matcher: Matcher::new(config),
            matched_query: String::new(),
            matches: None,
            scores: Vec::new(),
            best: None,
            highlights: HashMap::new(),
        }
    }
}

/// The last word of a query (after its last space), for the refinement rule.
fn last_word(query: &str) -> &str {
    query.rsplit(char::is_whitespace).next().unwrap_or_default()
}

/// Whether every match of `new` is a match of `old`: more words, or a longer last word that can
/// only match as a whole (a longer substring implies the shorter); a word allowed pieces may
/// match where its prefix does not, and a negation (`!`) loosens, so those rescan.
fn narrows(old: &str, new: &str) -> bool {
    if old.trim().is_empty() || !new.starts_with(old) || new.contains('!') {
        return false;
    }
    let grown = &new[old.len()..];
    if old.ends_with(char::is_whitespace) || grown.starts_with(char::is_whitespace) {
        return true;
    }
    let after = last_word(new).chars().count();
    !grown.contains(char::is_whitespace) && max_pieces(after) == 1
}

impl Search {
    fn atoms(&self) -> Vec<Atom> {
        Pattern::parse(&self.query, CaseMatching::Smart, Normalization::Smart).atoms
    }

    /// Brings the matches up to date with the query. Returns whether they changed.
    pub fn refresh(&mut self, index: &SearchIndex) -> bool {
        if self.query == self.matched_query
            && (self.matches.is_some() || self.query.trim().is_empty())
        {
            return false;
        }
        self.highlights.clear();
        if self.query.trim().is_empty() {
            self.matches = None;
            self.scores.clear();
            self.best = None;
            self.matched_query.clear();
            return true;
        }
        let atoms = self.atoms();
        let candidates: Vec<usize> = match &self.matches {
            Some(prev) if narrows(&self.matched_query, &self.query) => prev.clone(),
            _ => (0..index.len()).collect(),
        };
        let found = match_all(&atoms, index, &candidates, &mut self.matcher);
        let mut best: Option<(u32, usize)> = None;
        for &(i, s) in &found {
            if best.is_none_or(|(b, _)| s > b) {
                best = Some((s, i));
            }
        }
        self.best = best.map(|(_, i)| i);
        (self.matches, self.scores) = {
            let (m, s): (Vec<usize>, Vec<u32>) = found.into_iter().unzip();
            (Some(m), s)
        };
        self.matched_query.clone_from(&self.query);
        true
    }

    /// Forgets all matches (a new portfolio was loaded); the next refresh rescans.
    pub fn invalidate(&mut self) {
        self.matches = None;
        self.scores.clear();
        self.matched_query.clear();
        self.highlights.clear();
    }

    pub fn is_active(&self) -> bool {
        self.matches.is_some()
    }

    /// The best-scoring match of the current query.
    pub fn best(&self) -> Option<usize> {
        self.best
    }

    /// The matches in ascending initiative order.
    pub fn matches(&self) -> Option<&[usize]> {
        self.matches.as_deref()
    }

    /// The matches in best-match order: score descending, equal scores in initiative order.
    pub fn best_first(&self) -> Option<Vec<usize>> {
        let matches = self.matches.as_ref()?;
        let mut order: Vec<usize> = (0..matches.len()).collect();
        order.sort_by_key(|&n| std::cmp::Reverse(self.scores[n]));
        Some(order.into_iter().map(|n| matches[n]).collect())
    }

    /// Fills the title highlights for the given initiatives (the visible rows).
    pub fn highlight(&mut self, index: &SearchIndex, rows: &[usize]) {
        if self.matches.is_none() {
            return;
        }
        let atoms = self.atoms();
        let mut positions = Vec::new();
        for &i in rows {
            if self.highlights.contains_key(&i) {
                continue;
            }
            let Some(title) = index.fields.get(i).and_then(|f| f.first()) else {
                continue;
            };
            let mut marks = Vec::new();
            for atom in atoms.iter().filter(|a| !a.negative) {
                let title = title.slice(..);
                if word_in_field(atom, title, &mut self.matcher, &mut positions).is_some() {
                    if positions.is_empty() {
                        // A substring or exact match: the indices are not computed yet.
                        atom.indices(title, &mut self.matcher, &mut positions);
                    }
                    marks.extend_from_slice(&positions);
                }
            }
            marks.sort_unstable();
            marks.dedup();
            self.highlights.insert(i, marks);
        }
    }

    /// Matched character positions in the title of initiative `i`, if it is highlighted.
    pub fn title_highlights(&self, i: usize) -> &[u32] {
        self.highlights.get(&i).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests;
