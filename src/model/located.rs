//! Values that remember where in the file they were written, so that validation after
//! parsing can still point at the exact line and column.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::{Serialize, Serializer};

/// A 1-based line and column in a source file; 0 means unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
}

/// Where a value was written, as far as it is kept: `Loc` while a file is read and checked,
/// `NoLoc` in the model kept after that. Locations only serve the loader's diagnostics, and a
/// large portfolio need not hold two numbers beside every value it keeps.
pub trait Site: Copy + Default + fmt::Debug + PartialEq + Send + Sync + 'static {
    fn from_loc(loc: Loc) -> Self;
}

impl Site for Loc {
    fn from_loc(loc: Loc) -> Self {
        loc
    }
}

/// No location: the kept model's `Site`, taking no space.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoLoc;

impl Site for NoLoc {
    fn from_loc(_: Loc) -> Self {
        NoLoc
    }
}

/// A value with the location of its YAML node (`S = Loc`), or with none kept (`S = NoLoc`). Its
/// `Deserialize` impl lives in `load::yaml`, the one module that knows the YAML library.
#[derive(Clone, Debug, Default)]
pub struct Located<T, S = Loc> {
    pub value: T,
    pub loc: S,
}

impl<T, S: Site> Located<T, S> {
    pub fn new(value: T) -> Self {
        Located {
            value,
            loc: S::default(),
        }
    }

    /// The value with its location dropped.
    pub fn kept(self) -> Located<T, NoLoc> {
        Located::new(self.value)
    }

    /// The value changed by `f`, at the same location.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Located<U, S> {
        Located {
            value: f(self.value),
            loc: self.loc,
        }
    }
}

impl<T: PartialEq, S> PartialEq for Located<T, S> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T, S> std::ops::Deref for Located<T, S> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Serialize, L> Serialize for Located<T, L> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

/// A YAML mapping kept in file order, with every entry (duplicates are rejected by the parser).
#[derive(Clone, Debug, PartialEq)]
pub struct OrderedMap<K, V>(pub Vec<(K, V)>);

impl<K, V> Default for OrderedMap<K, V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<K, V> OrderedMap<K, V> {
    pub fn iter(&self) -> impl Iterator<Item = &(K, V)> {
        self.0.iter()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl<V, S> OrderedMap<Located<String, S>, V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k.value == key).map(|(_, v)| v)
    }
}

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MapVisitor<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for MapVisitor<K, V> {
            type Value = OrderedMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(OrderedMap(entries))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(OrderedMap(Vec::new()))
            }
        }
        d.deserialize_map(MapVisitor(PhantomData))
    }
}

impl<K: Serialize, V: Serialize> Serialize for OrderedMap<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}
