//! A compact binary form of a loaded initiative and its warnings, exact by construction:
//! every field is written as it is held (decimals as rust_decimal's own 16 bytes, locations
//! included), and read back the same. Structs are taken apart field by field without `..`, so
//! a field added to the model does not compile until it is written here too.
//!
//! Reading never panics: any malformed input gives `None` (the caller then parses the file).

use rust_decimal::Decimal;

use crate::eval::Model;
use crate::load::{Diagnostic, Severity};
use crate::model::Id;
use crate::model::{
    BenefitFile, BusinessCaseFile, Date, Dec, Decision, FollowUp, InitiativeFile, LineFile,
    LineKind, Loc, Located, NoLoc, OrderedMap, Outcome, Raw, Scores, Shared, Stage, intern_id,
    shared,
};

/// Bytes being read, front to back.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes }
    }
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
    /// How many bytes are left to read.
    pub fn remaining(&self) -> usize {
        self.bytes.len()
    }
    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }
    /// A length, bounded by what is left: every element takes at least one byte.
    fn len(&mut self) -> Option<usize> {
        let n = u32::get(self)? as usize;
        (n <= self.bytes.len()).then_some(n)
    }
}

/// A value with a binary form.
pub trait Wire: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn get(r: &mut Reader) -> Option<Self>;
}

macro_rules! int {
    ($($t:ty),*) => {$(
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn get(r: &mut Reader) -> Option<Self> {
                Some(<$t>::from_le_bytes(r.array()?))
            }
        }
    )*};
}
int!(u8, u16, u32, i32, u64, u128);

fn put_len(n: usize, out: &mut Vec<u8>) {
    // Lengths come from values held in memory that were read from files of at most 1 MiB.
    (n.min(u32::MAX as usize) as u32).put(out);
}

fn put_str(text: &str, out: &mut Vec<u8>) {
    put_len(text.len(), out);
    out.extend_from_slice(text.as_bytes());
}

impl Wire for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_str(self, out);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let n = r.len()?;
        String::from_utf8(r.take(n)?.to_vec()).ok()
    }
}

/// Repeated text: read as the same allocation as the one met before in this load.
impl Wire for Shared {
    fn put(&self, out: &mut Vec<u8>) {
        put_str(self, out);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let n = r.len()?;
        Some(shared(std::str::from_utf8(r.take(n)?).ok()?))
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.put(out);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        match u8::get(r)? {
            0 => Some(None),
            1 => Some(Some(T::get(r)?)),
            _ => None,
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        put_len(self.len(), out);
        for v in self {
            v.put(out);
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let n = r.len()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(T::get(r)?);
        }
        Some(v)
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some((A::get(r)?, B::get(r)?))
    }
}

impl<K: Wire, V: Wire> Wire for OrderedMap<K, V> {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(OrderedMap(Vec::get(r)?))
    }
}

/// The model's criterion ids in id order: a score is written as its criterion's place here (the
/// model is part of a pack's context), so reading one back neither compares nor looks up text.
pub struct Criteria(Vec<Id>);

impl Criteria {
    pub fn of(model: &Model) -> Criteria {
        let mut ids: Vec<Id> = model.criteria.iter().map(|c| intern_id(&c.id)).collect();
        ids.sort_unstable_by_key(|id| id.as_str());
        ids.dedup();
        Criteria(ids)
    }

    /// `None` when a score is of no criterion of the model (the loader keeps no such score).
    pub fn put(&self, scores: &Scores, out: &mut Vec<u8>) -> Option<()> {
        put_len(scores.len(), out);
        for (id, score) in scores.iter() {
            let place = self.0.binary_search_by(|k| k.as_str().cmp(id)).ok()?;
            u8::try_from(place).ok()?.put(out);
            score.put(out);
        }
        Some(())
    }

    pub fn get(&self, r: &mut Reader) -> Option<Scores> {
        let n = r.len()?;
        let mut scores = Vec::with_capacity(n);
        for _ in 0..n {
            let id = *self.0.get(usize::from(u8::get(r)?))?;
            scores.push((id, u8::get(r)?));
        }
        Scores::from_sorted(scores)
    }
}

impl Wire for Loc {
    fn put(&self, out: &mut Vec<u8>) {
        self.line.put(out);
        self.col.put(out);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(Loc {
            line: u32::get(r)?,
            col: u32::get(r)?,
        })
    }
}

/// Most of the kept model has no locations: nothing is written for them.
impl Wire for NoLoc {
    fn put(&self, _: &mut Vec<u8>) {}
    fn get(_: &mut Reader) -> Option<Self> {
        Some(NoLoc)
    }
}

impl<T: Wire, S: Wire> Wire for Located<T, S> {
    fn put(&self, out: &mut Vec<u8>) {
        self.value.put(out);
        self.loc.put(out);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(Located {
            value: T::get(r)?,
            loc: S::get(r)?,
        })
    }
}

impl Wire for Dec {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0.serialize());
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let bytes: [u8; 16] = r.array()?;
        // rust_decimal's own layout: flags (sign, scale) then the 96-bit mantissa. Refuse a
        // scale it would not produce rather than let it be clamped.
        let scale = bytes[2];
        (scale <= 28 && bytes[0] == 0 && bytes[1] == 0 && bytes[3] & 0x7f == 0)
            .then(|| Dec(Decimal::deserialize(bytes)))
    }
}

impl Wire for Date {
    fn put(&self, out: &mut Vec<u8>) {
        self.year.put(out);
        self.month.put(out);
        self.day.put(out);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Date::new(i32::get(r)?, u8::get(r)?, u8::get(r)?)
    }
}

impl Wire for Raw {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(Raw(String::get(r)?))
    }
}

/// Enums by their position in a list of every variant (the model's own `ALL` where it has one).
macro_rules! enumeration {
    ($t:ty, $all:expr) => {
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                const ALL: &[$t] = &$all;
                let i = ALL.iter().position(|v| v == self).unwrap_or(0);
                out.push(i as u8);
            }
            fn get(r: &mut Reader) -> Option<Self> {
                const ALL: &[$t] = &$all;
                ALL.get(usize::from(u8::get(r)?)).copied()
            }
        }
    };
}
enumeration!(Stage, Stage::ALL);
enumeration!(Outcome, Outcome::ALL);
enumeration!(
    LineKind,
    [
        LineKind::Investment,
        LineKind::Operations,
        LineKind::Financial,
        LineKind::Reallocation,
        LineKind::Quality,
        LineKind::Environment,
    ]
);
enumeration!(Severity, [Severity::Error, Severity::Warning]);

/// Writes each field, then reads them back in the same order. Taking the struct apart
/// without `..` makes a new field a compile error here.
macro_rules! record {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                let $t { $($f),* } = self;
                $($f.put(out);)*
            }
            fn get(r: &mut Reader) -> Option<Self> {
                $(let $f = Wire::get(r)?;)*
                Some($t { $($f),* })
            }
        }
    };
}

record!(InitiativeFile {
    id,
    title,
    summary,
    unit,
    owner,
    submitted,
    stage,
    tags,
    goals,
    hypotheses,
    scores,
    motivations,
    business_case,
    benefits,
    decisions,
});
record!(BusinessCaseFile {
    start_year,
    years,
    costs,
    benefits,
    quality_shift,
});
record!(LineFile {
    name,
    kind,
    amounts,
    yearly,
    from,
    to,
    hours,
    hourly_cost,
    range,
});
record!(BenefitFile {
    id,
    title,
    kind,
    chain,
    owner,
    indicator,
    baseline,
    target,
    start,
    due,
    freed_time_use,
    follow_up,
});
record!(FollowUp { date, value, note });
record!(Decision {
    date,
    forum,
    outcome,
    note,
});

/// A diagnostic without its path (the cache entry's key holds the path).
pub fn put_diagnostic(d: &Diagnostic, out: &mut Vec<u8>) {
    let Diagnostic {
        severity,
        path: _,
        line,
        column,
        message,
        hint,
        source_line,
    } = d;
    severity.put(out);
    line.put(out);
    column.put(out);
    message.put(out);
    hint.put(out);
    source_line.put(out);
}

pub fn get_diagnostic(r: &mut Reader, path: &std::path::Path) -> Option<Diagnostic> {
    Some(Diagnostic {
        severity: Severity::get(r)?,
        path: path.to_path_buf(),
        line: u32::get(r)?,
        column: u32::get(r)?,
        message: String::get(r)?,
        hint: Option::get(r)?,
        source_line: Option::get(r)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Wire>(v: &T) -> Option<T> {
        let mut out = Vec::new();
        v.put(&mut out);
        let mut r = Reader::new(&out);
        let back = T::get(&mut r)?;
        r.is_empty().then_some(back)
    }

    #[test]
    fn decimals_survive_exactly() {
        for text in [
            "12345678901234567.891",
            "0.03",
            "-1200000",
            "0",
            "-0.5",
            "1e3",
        ] {
            let d = Dec::parse(text).unwrap();
            let back = round_trip(&d).unwrap();
            assert_eq!(back, d);
            assert_eq!(back.to_string(), d.to_string(), "{text}");
        }
        assert_eq!(
            round_trip(&Dec::parse("12345678901234567.891").unwrap())
                .unwrap()
                .to_string(),
            "12345678901234567.891"
        );
    }

    #[test]
    fn malformed_input_gives_none() {
        let mut out = Vec::new();
        InitiativeFile::default().put(&mut out);
        for cut in 0..out.len() {
            assert!(InitiativeFile::get(&mut Reader::new(&out[..cut])).is_none());
        }
        // A length far past the end is refused before anything is allocated.
        let huge = u32::MAX.to_le_bytes();
        assert!(Vec::<String>::get(&mut Reader::new(&huge)).is_none());
        assert!(Stage::get(&mut Reader::new(&[9])).is_none());
        assert!(Date::get(&mut Reader::new(&[0xe9, 7, 0, 0, 2, 30])).is_none());
    }

    #[test]
    fn scores_are_written_as_places_in_the_model_and_read_back_only_when_they_make_sense() {
        let model = Model::nacka();
        let criteria = Criteria::of(&model);
        let scores: Scores = [("quality", 3), ("compliance", 4), ("funding", 1)]
            .into_iter()
            .collect();
        let mut out = Vec::new();
        criteria.put(&scores, &mut out).unwrap();
        assert_eq!(out.len(), 4 + 3 * 2);
        let back = criteria.get(&mut Reader::new(&out)).unwrap();
        assert_eq!(back, scores);
        assert!(std::ptr::eq(
            back.keys().next().unwrap(),
            scores.keys().next().unwrap()
        ));
        // A place past the model, two scores out of order or of one criterion: refused.
        for bad in [[11, 1, 0, 2], [3, 1, 2, 2], [2, 1, 2, 2]] {
            let bytes = [&2u32.to_le_bytes()[..], &bad[..]].concat();
            assert!(criteria.get(&mut Reader::new(&bytes)).is_none(), "{bad:?}");
        }
        // A score of a criterion the model does not have is not written.
        let foreign: Scores = [("speed", 2)].into_iter().collect();
        assert!(criteria.put(&foreign, &mut Vec::new()).is_none());
    }
}
