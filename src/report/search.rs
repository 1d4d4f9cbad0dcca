//! Fuzzy search over title, id, owner, unit and tags with nucleo-matcher: smart case and
//! Unicode normalisation, so `översikt` and `ovrs` both find `Översikt`.
//!
//! The haystacks are built once per loaded portfolio; a query that extends the previous one
//! only refines the previous matches.

use std::collections::HashMap;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};

use crate::model::Initiative;

/// One haystack per initiative: the title first, so match positions below `title_len` are in
/// the title and can be highlighted there.
#[derive(Clone)]
pub struct SearchIndex {
    haystacks: Vec<Utf32String>,
    title_len: Vec<u32>,
}

impl SearchIndex {
    pub fn build(initiatives: &[Initiative]) -> SearchIndex {
        let (haystacks, title_len) = initiatives.iter().map(haystack).unzip();
        SearchIndex {
            haystacks,
            title_len,
        }
    }

    /// Rebuilds the haystack of one initiative after an edit.
    pub fn update(&mut self, index: usize, initiative: &Initiative) {
        if let (Some(hay), Some(len)) =
            (self.haystacks.get_mut(index), self.title_len.get_mut(index))
        {
            (*hay, *len) = haystack(initiative);
        }
    }

    pub fn len(&self) -> usize {
        self.haystacks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.haystacks.is_empty()
    }
}

/// The text an initiative is found by, and how many of its characters are the title.
fn haystack(i: &Initiative) -> (Utf32String, u32) {
    let f = &i.file;
    let title = i.title();
    let title_len = Utf32String::from(title).len() as u32;
    let mut text = String::with_capacity(title.len() + 64);
    text.push_str(title);
    for part in [Some(i.id.as_str()), f.owner.as_deref(), f.unit.as_deref()]
        .into_iter()
        .flatten()
        .chain(f.tags.iter().map(String::as_str))
    {
        text.push_str(" · ");
        text.push_str(part);
    }
    // nucleo-matcher 0.3.1 misses substring (`'`) matches that end a Unicode haystack;
    // a trailing space keeps every real match inside.
    text.push(' ');
    (Utf32String::from(text.as_str()), title_len)
}

/// One part's matches in order, and its best (score, initiative).
type Scanned = (Vec<usize>, Option<(u32, usize)>);

/// Below this many candidates one thread is quicker than starting more.
const PARALLEL_FROM: usize = 4_096;

/// The candidates that match, in order, and the best-scoring one. Large candidate lists are
/// split across the cores, each part with a matcher of its own; the result does not depend on
/// the split.
fn match_all(
    pattern: &Pattern,
    index: &SearchIndex,
    candidates: &[usize],
    matcher: &mut Matcher,
) -> (Vec<usize>, Option<usize>) {
    let scan = |part: &[usize], matcher: &mut Matcher| -> Scanned {
        let mut best: Option<(u32, usize)> = None;
        let found: Vec<usize> = part
            .iter()
            .copied()
            .filter(|&i| {
                let score = pattern.score(index.haystacks[i].slice(..), matcher);
                if let Some(s) = score
                    && best.is_none_or(|(b, _)| s > b)
                {
                    best = Some((s, i));
                }
                score.is_some()
            })
            .collect();
        (found, best)
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || candidates.len() < PARALLEL_FROM {
        let (found, best) = scan(candidates, matcher);
        return (found, best.map(|(_, i)| i));
    }
    let chunk = candidates.len().div_ceil(threads);
    let config = matcher.config.clone();
    let parts: Vec<Scanned> = std::thread::scope(|s| {
        let handles: Vec<_> = candidates
            .chunks(chunk)
            .skip(1)
            .map(|part| {
                let config = config.clone();
                s.spawn(move || scan(part, &mut Matcher::new(config)))
            })
            .collect();
        let first = scan(&candidates[..chunk.min(candidates.len())], matcher);
        let rest = handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        std::iter::once(first).chain(rest).collect()
    });
    let mut found = Vec::with_capacity(parts.iter().map(|(f, _)| f.len()).sum());
    let mut best: Option<(u32, usize)> = None;
    for (part, part_best) in parts {
        found.extend(part);
        // Ties go to the earlier part, as in a single scan.
        if let Some((s, i)) = part_best
            && best.is_none_or(|(b, _)| s > b)
        {
            best = Some((s, i));
        }
    }
    (found, best.map(|(_, i)| i))
}

/// The search state: the query being typed and the initiatives that match it.
pub struct Search {
    pub query: String,
    /// Typing into the search line (the prompt shows; keys go to the query).
    pub editing: bool,
    matcher: Matcher,
    /// The query the matches belong to.
    matched_query: String,
    /// Initiative indices that match, ascending; `None` when the query is empty.
    matches: Option<Vec<usize>>,
    /// The match that scores best, where the selection goes while typing.
    best: Option<usize>,
    /// Matched character positions inside the title, per initiative, filled for visible rows.
    highlights: HashMap<usize, Vec<u32>>,
    indices_buf: Vec<u32>,
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
            best: None,
            highlights: HashMap::new(),
            indices_buf: Vec::new(),
        }
    }
}

impl Search {
    fn pattern(&self) -> Pattern {
        Pattern::parse(&self.query, CaseMatching::Smart, Normalization::Smart)
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
            self.best = None;
            self.matched_query.clear();
            return true;
        }
        let pattern = self.pattern();
        // A longer query matches a subset of what the shorter one matched, except when a
        // negation (`!`) grows, which loosens it.
        let refine = !self.matched_query.is_empty()
            && self.query.starts_with(&self.matched_query)
            && !self.query.contains('!');
        let candidates: Vec<usize> = match (&self.matches, refine) {
            (Some(prev), true) => prev.clone(),
            _ => (0..index.haystacks.len()).collect(),
        };
        let (matches, best) = match_all(&pattern, index, &candidates, &mut self.matcher);
        self.best = best;
        self.matches = Some(matches);
        self.matched_query.clone_from(&self.query);
        true
    }

    /// Forgets all matches (a new portfolio was loaded); the next refresh rescans.
    pub fn invalidate(&mut self) {
        self.matches = None;
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

    pub fn matches(&self) -> Option<&[usize]> {
        self.matches.as_deref()
    }

    /// Fills the title highlights for the given initiatives (the visible rows).
    pub fn highlight(&mut self, index: &SearchIndex, rows: &[usize]) {
        if self.matches.is_none() {
            return;
        }
        let pattern = self.pattern();
        for &i in rows {
            if self.highlights.contains_key(&i) || i >= index.haystacks.len() {
                continue;
            }
            self.indices_buf.clear();
            let hay = index.haystacks[i].slice(..);
            if pattern
                .indices(hay, &mut self.matcher, &mut self.indices_buf)
                .is_some()
            {
                let title_len = index.title_len[i];
                let mut title: Vec<u32> = self
                    .indices_buf
                    .iter()
                    .copied()
                    .filter(|&p| p < title_len)
                    .collect();
                title.sort_unstable();
                title.dedup();
                self.highlights.insert(i, title);
            }
        }
    }

    /// Matched character positions in the title of initiative `i`, if it is highlighted.
    pub fn title_highlights(&self, i: usize) -> &[u32] {
        self.highlights.get(&i).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Initiative, InitiativeFile, Located};

    fn initiative(n: usize) -> Initiative {
        let words = [
            "Digital",
            "post",
            "Översikt",
            "ekonomi",
            "bygglov",
            "sensor",
            "skola",
            "arkiv",
        ];
        let title = format!(
            "{} {} {} {n}",
            words[n % 8],
            words[(n / 8) % 8],
            words[(n / 64) % 8]
        );
        let file = InitiativeFile {
            title: Located::new(title),
            ..InitiativeFile::default()
        };
        Initiative {
            id: format!("i{n}"),
            path: Default::default(),
            file,
            scores: Default::default(),
        }
    }

    #[test]
    fn matching_split_across_cores_equals_one_scan() {
        let initiatives: Vec<Initiative> = (0..12_000).map(initiative).collect();
        let index = SearchIndex::build(&initiatives);
        let all: Vec<usize> = (0..initiatives.len()).collect();
        let search = Search::default();
        for query in [
            "d",
            "digpost",
            "ovrs",
            "Översikt ekonomi",
            "zzz",
            "arkiv 11",
        ] {
            let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
            let mut one = Matcher::new(search.matcher.config.clone());
            let expected: Vec<usize> = all
                .iter()
                .copied()
                .filter(|&i| {
                    pattern
                        .score(index.haystacks[i].slice(..), &mut one)
                        .is_some()
                })
                .collect();
            let (found, best) = match_all(
                &pattern,
                &index,
                &all,
                &mut Matcher::new(search.matcher.config.clone()),
            );
            assert_eq!(found, expected, "{query}");
            assert_eq!(best.is_some(), !expected.is_empty(), "{query}");
            if let Some(b) = best {
                let top = pattern.score(index.haystacks[b].slice(..), &mut one);
                let max = expected
                    .iter()
                    .filter_map(|&i| pattern.score(index.haystacks[i].slice(..), &mut one))
                    .max();
                assert_eq!(top, max, "{query}: the best is a top score");
            }
        }
    }
}
