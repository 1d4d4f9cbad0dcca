//! Text that repeats across a portfolio (units, owners, tags, names of cost and benefit lines,
//! forums, notes) kept once: `Shared` is a reference-counted string, and a load gives the same
//! text the same allocation (`Sharing`). A portfolio of 100,000 initiatives does not hold
//! 100,000 copies of "Kontaktcenter".

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::Arc;

/// A string held once however many times it is written.
pub type Shared = Arc<str>;

/// Seeded at random per set (`foldhash`): fast on short texts, and a portfolio cannot choose
/// texts that all fall in one bucket.
type Set = HashSet<Shared, foldhash::fast::RandomState>;

thread_local! {
    /// The texts this thread has met during the load under way (`Sharing`); none outside one.
    static MET: RefCell<Option<Set>> = const { RefCell::new(None) };
}

/// While alive, texts made on this thread through `shared` are kept once. Ends with the load:
/// nothing is held between loads.
pub struct Sharing(());

impl Sharing {
    pub fn begin() -> Sharing {
        MET.with_borrow_mut(|met| *met = Some(Set::default()));
        Sharing(())
    }
}

impl Drop for Sharing {
    fn drop(&mut self) {
        MET.with_borrow_mut(|met| *met = None);
    }
}

/// The text as a `Shared`: the one met before in this load, if any.
pub fn shared(text: &str) -> Shared {
    MET.with_borrow_mut(|met| match met {
        Some(met) => match met.get(text) {
            Some(known) => Arc::clone(known),
            None => {
                let new: Shared = Arc::from(text);
                met.insert(Arc::clone(&new));
                new
            }
        },
        None => Arc::from(text),
    })
}

/// `text` replaced by the one met before in this load, if any (outside a load, left alone).
pub fn share(text: &mut Shared) {
    MET.with_borrow_mut(|met| {
        let Some(met) = met else { return };
        match met.get(&**text) {
            Some(known) => *text = Arc::clone(known),
            None => {
                met.insert(Arc::clone(text));
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_a_load_equal_texts_share_one_allocation_and_not_after() {
        let sharing = Sharing::begin();
        let (a, b) = (shared("Kontaktcenter"), shared("Kontaktcenter"));
        assert!(Arc::ptr_eq(&a, &b));
        let mut c: Shared = Arc::from("Kontaktcenter");
        share(&mut c);
        assert!(Arc::ptr_eq(&a, &c));
        drop(sharing);
        let d = shared("Kontaktcenter");
        assert!(!Arc::ptr_eq(&a, &d), "nothing is held between loads");
        assert_eq!(d, a);
    }
}
