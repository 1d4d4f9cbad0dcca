//! An initiative's scores: a short list sorted by criterion id, the ids shared. A portfolio of
//! 100,000 initiatives scored on eleven criteria keeps eleven copies of the ids, not 1,100,000,
//! and each initiative's scores are one allocation.

use std::collections::HashSet;
use std::fmt;
use std::sync::{Mutex, OnceLock};

use serde::{Serialize, Serializer};

/// Scores by criterion id, each 1–4, in id order.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Scores(Vec<(Id, u8)>);

/// The one copy of a criterion id, by a thin pointer: a score takes 16 bytes, not 24.
#[derive(Clone, Copy)]
// A reference to the box, not to the text: one word, where `&str` is two.
#[allow(clippy::borrowed_box)]
pub struct Id(&'static Box<str>);

impl Id {
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl PartialEq for Id {
    fn eq(&self, other: &Id) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Id {}

impl std::hash::Hash for Id {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

/// The one copy of a criterion id. Ids are the model's criteria (the loader keeps no other
/// key), so the set only grows when a model gets a new criterion: it is never freed.
pub fn intern(id: &str) -> &'static str {
    intern_id(id).as_str()
}

pub fn intern_id(id: &str) -> Id {
    thread_local! {
        /// The ids this thread has met: a load's threads look each one up without a lock.
        static SEEN: std::cell::RefCell<HashSet<Id>> = Default::default();
    }
    if let Some(known) = SEEN.with_borrow(|seen| seen.get(id).copied()) {
        return known;
    }
    let known = intern_shared(id);
    SEEN.with_borrow_mut(|seen| seen.insert(known));
    known
}

fn intern_shared(id: &str) -> Id {
    static IDS: OnceLock<Mutex<HashSet<Id>>> = OnceLock::new();
    let ids = IDS.get_or_init(Mutex::default);
    let mut ids = ids.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(&known) = ids.get(id) {
        return known;
    }
    let new = Id(Box::leak(Box::new(id.into())));
    ids.insert(new);
    new
}

impl Scores {
    pub fn new() -> Scores {
        Scores(Vec::new())
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }

    pub fn get(&self, id: &str) -> Option<&u8> {
        self.find(id).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets the score of `id`; the one it replaces, if any.
    pub fn insert(&mut self, id: &str, score: u8) -> Option<u8> {
        match self.find(id) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, score)),
            Err(i) => {
                self.0.insert(i, (intern_id(id), score));
                None
            }
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<u8> {
        self.find(id).ok().map(|i| self.0.remove(i).1)
    }

    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// Each criterion id and its score, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, u8)> + '_ {
        self.0.iter().map(|&(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The scores of a list already in id order, each id given once (`None` otherwise).
    pub fn from_sorted(scores: Vec<(Id, u8)>) -> Option<Scores> {
        scores
            .windows(2)
            .all(|pair| pair[0].0.as_str() < pair[1].0.as_str())
            .then_some(Scores(scores))
    }

    /// Gives back the room a list built one score at a time grew beyond its length.
    pub fn shrink_to_fit(&mut self) {
        self.0.shrink_to_fit();
    }
}

impl<K: AsRef<str>> FromIterator<(K, u8)> for Scores {
    fn from_iter<I: IntoIterator<Item = (K, u8)>>(items: I) -> Scores {
        let mut scores = Scores::new();
        for (id, score) in items {
            scores.insert(id.as_ref(), score);
        }
        scores.shrink_to_fit();
        scores
    }
}

impl std::ops::Index<&str> for Scores {
    type Output = u8;
    /// The score of `id`; like a map, it panics when there is none (tests use it).
    fn index(&self, id: &str) -> &u8 {
        self.get(id)
            .unwrap_or_else(|| panic!("no score for `{id}`"))
    }
}

/// As a map: `{"quality": 3, …}`.
impl fmt::Debug for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for Scores {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_list_behaves_as_a_sorted_map_with_shared_ids() {
        let mut s: Scores = [("quality", 3), ("cost_savings", 2)].into_iter().collect();
        assert_eq!(s.keys().collect::<Vec<_>>(), ["cost_savings", "quality"]);
        assert_eq!(s.insert("quality", 4), Some(3));
        assert_eq!(s.insert("mandatory", 1), None);
        assert_eq!(s.get("quality"), Some(&4));
        assert_eq!(s["mandatory"], 1);
        assert!(!s.contains_key("funding"));
        assert_eq!(s.remove("cost_savings"), Some(2));
        assert_eq!(format!("{s:?}"), r#"{"mandatory": 1, "quality": 4}"#);
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"mandatory":1,"quality":4}"#
        );
        let other: Scores = [("quality", 1)].into_iter().collect();
        let (a, b) = (s.keys().last().unwrap(), other.keys().next().unwrap());
        assert!(std::ptr::eq(a, b), "one copy of each id");
        assert_eq!(std::mem::size_of::<(Id, u8)>(), 16, "a score is two words");
    }
}
