//! The parse cache: the loaded form of each initiative file of a portfolio folder, so that a
//! start with unchanged files does not parse them again.
//!
//! One pack file per portfolio folder, under `$XDG_CACHE_HOME/bered` (else `~/.cache/bered`):
//! opening one file is much cheaper than opening 10,000 small ones. Each entry holds its own
//! key — the file's name, the xxh3 digest of its bytes and the context (bered's build, the
//! format, the bytes of `portfolio.yaml`) — and a checksum of itself; an entry whose key or
//! checksum does not match is ignored and the file parsed. An index at the end of the pack lets
//! a start read each entry only when it needs it. A new pack is written to a temporary file in
//! the cache folder as the files are loaded (`writer`) and renamed over the old one, so a reader
//! sees the old pack or the new one, never half of one. Packs are pruned by size, least
//! recently used first.
//!
//! Only files that loaded without errors are kept, with their warnings.

mod codec;
mod writer;

use std::os::unix::ffi::OsStrExt as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

pub use codec::Criteria;
use codec::{Reader, Wire};
pub use writer::{Entry, PackWriter};

use super::Diagnostic;
use crate::model::{Initiative, InitiativeFile};

/// Bump when the layout of a pack or of an entry changes.
const FORMAT: u32 = 3;
const MAGIC: &[u8; 8] = b"bered\0pk";
/// Packs beyond this total size are removed, least recently used first.
pub const DEFAULT_MAX_BYTES: u64 = 200 * 1024 * 1024;

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Turns the cache on or off for this process. It is off until a program turns it on (the
/// `bered` binary does unless `--no-cache`); `BERED_NO_CACHE=1` keeps it off regardless.
pub fn enable(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// The cache this process uses, if any.
pub fn current() -> Option<Cache> {
    if !ENABLED.load(Ordering::Relaxed) {
        return None;
    }
    let off = std::env::var_os("BERED_NO_CACHE").is_some_and(|v| !v.is_empty() && v != "0");
    if off {
        return None;
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(Cache::at(&base.join("bered")))
}

/// A cache folder.
#[derive(Clone, Debug)]
pub struct Cache {
    dir: PathBuf,
    max_bytes: u64,
}

impl Cache {
    pub fn at(dir: &Path) -> Cache {
        Cache {
            dir: dir.to_path_buf(),
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }

    pub fn with_max_bytes(mut self, max: u64) -> Cache {
        self.max_bytes = max;
        self
    }

    /// The pack of the portfolio folder `root`.
    fn pack_path(&self, root: &Path) -> PathBuf {
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let key = xxhash_rust::xxh3::xxh3_64(root.as_os_str().as_bytes());
        self.dir.join(format!("{key:016x}.pack"))
    }

    /// Reads the pack of `root` made for `context`; an absent, foreign or damaged pack reads
    /// as empty.
    pub fn open(&self, root: &Path, context: u128) -> Pack {
        let file = std::fs::File::open(self.pack_path(root)).ok();
        file.and_then(|f| Pack::read(f, context))
            .unwrap_or_else(|| Pack::empty(context))
    }

    /// Replaces the pack of `root` with `entries` (as `Pack::entry` and `encode` give them),
    /// then prunes the folder. Failures are silent: the cache only ever saves time.
    pub fn store<'a>(&self, root: &Path, context: u128, entries: impl Iterator<Item = &'a [u8]>) {
        let mut writer = self.writer(context, None);
        for (i, entry) in entries.enumerate() {
            writer.put(i, Some(Entry::New(entry.to_vec())));
        }
        writer.finish(self, root, None);
    }

    /// A new pack for `context`, written as its entries come (`PackWriter::put`), those kept
    /// from `old` copied from it.
    pub fn writer<'p>(&self, context: u128, old: Option<&'p Pack>) -> PackWriter<'p> {
        PackWriter::new(&self.dir, context, old)
    }

    /// Marks the pack of `root` as just used, for pruning.
    pub fn touch(&self, root: &Path) {
        let now = std::time::SystemTime::now();
        if let Ok(file) = std::fs::File::options()
            .write(true)
            .open(self.pack_path(root))
        {
            let _ = file.set_modified(now);
        }
    }

    /// Removes the least recently written packs until the folder holds at most `max_bytes`.
    pub fn prune(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let mut packs: Vec<(std::time::SystemTime, u64, PathBuf)> = entries
            .flatten()
            .filter(|e| e.file_name().as_bytes().ends_with(b".pack"))
            .filter_map(|e| {
                let meta = e.metadata().ok()?;
                Some((meta.modified().ok()?, meta.len(), e.path()))
            })
            .collect();
        let mut total: u64 = packs.iter().map(|p| p.1).sum();
        packs.sort();
        for (_, len, path) in packs {
            if total <= self.max_bytes {
                break;
            }
            if std::fs::remove_file(&path).is_ok() {
                total = total.saturating_sub(len);
            }
        }
    }
}

/// The context of a load: what besides a file's bytes decides what loading it gives.
pub fn context(settings_text: &str) -> u128 {
    let mut key = Vec::new();
    key.extend_from_slice(env!("CARGO_PKG_VERSION").as_bytes());
    key.push(0);
    FORMAT.put(&mut key);
    // The running program: a rebuilt bered may validate differently under the same version.
    if let Ok(exe) = std::env::current_exe()
        && let Ok(meta) = std::fs::metadata(&exe)
    {
        key.extend_from_slice(exe.as_os_str().as_bytes());
        meta.len().put(&mut key);
        let modified = meta.modified().ok();
        let since = modified.and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok());
        since.map_or(0, |d| d.as_nanos()).put(&mut key);
    }
    key.extend_from_slice(settings_text.as_bytes());
    xxhash_rust::xxh3::xxh3_128(&key)
}

/// The entries of one portfolio's pack, by file name, each read from the file and checked
/// only when used: a warm start of 100,000 files never holds the whole pack.
///
/// A pack is a header (magic, format, context), the entries, an index of them (name, offset,
/// length) and a footer: the index's offset and its checksum.
pub struct Pack {
    file: Option<std::fs::File>,
    context: u128,
    /// The index as read, whose names the entries point into.
    index: Vec<u8>,
    /// In name order (as a pack is written, in file order), found by halving: one list, not a
    /// map with a name of its own for each of 100,000 files.
    entries: Vec<Place>,
}

/// Where an entry's name stands in the index, and where the entry stands in the pack.
struct Place {
    name: std::ops::Range<usize>,
    start: u64,
    len: u32,
}

impl Place {
    fn old(&self) -> Old {
        Old {
            start: self.start,
            len: self.len,
        }
    }
}

/// The header's length: magic, format, context.
const HEADER: usize = 8 + 4 + 16;

impl Pack {
    pub fn empty(context: u128) -> Pack {
        Pack {
            file: None,
            context,
            index: Vec::new(),
            entries: Vec::new(),
        }
    }

    /// The pack in `file`, when its header is of this format and context and its index whole.
    fn read(file: std::fs::File, context: u128) -> Option<Pack> {
        let len = file.metadata().ok()?.len();
        let header = read_at(&file, 0, HEADER)?;
        let mut r = Reader::new(&header);
        let header_ok = r.take(MAGIC.len()) == Some(MAGIC)
            && u32::get(&mut r) == Some(FORMAT)
            && u128::get(&mut r) == Some(context);
        let footer = read_at(&file, len.checked_sub(16)?, 16)?;
        let mut r = Reader::new(&footer);
        let (at, sum) = (u64::get(&mut r)?, u64::get(&mut r)?);
        let index_len = usize::try_from(len.checked_sub(16)?.checked_sub(at)?).ok()?;
        if !header_ok || at < HEADER as u64 {
            return None;
        }
        let index = read_at(&file, at, index_len)?;
        if xxhash_rust::xxh3::xxh3_64(&index) != sum {
            return None;
        }
        let mut r = Reader::new(&index);
        let mut entries = Vec::new();
        while !r.is_empty() {
            let name_len = r.name()?.len();
            let end = index.len() - r.remaining();
            let (start, len) = (u64::get(&mut r)?, u32::get(&mut r)?);
            if start.checked_add(u64::from(len))? > at {
                return None;
            }
            let name = end - name_len..end;
            entries.push(Place { name, start, len });
        }
        // Written in file order, the names are in order already; a pack that says otherwise
        // is put in order here rather than trusted.
        let name = |p: &Place| &index[p.name.clone()];
        if !entries.windows(2).all(|w| name(&w[0]) < name(&w[1])) {
            entries.sort_by(|a, b| name(a).cmp(name(b)));
        }
        Some(Pack {
            file: Some(file),
            context,
            index,
            entries,
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn context(&self) -> u128 {
        self.context
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry for file `name` (its path inside the folder) with bytes of `digest`, when
    /// it is whole and its own key says so: the raw entry, where it is in the pack (to copy it
    /// into the next pack), and its bytes.
    pub fn entry(&self, name: &Path, digest: u64) -> Option<(Old, Vec<u8>)> {
        let old = self.find(name)?;
        let raw = self.reread(old)?;
        self.holds(&raw, name, digest).then_some((old, raw))
    }

    /// Where the entry of file `name` stands, when the index has one (not yet read or checked).
    pub fn find(&self, name: &Path) -> Option<Old> {
        let name_of = |p: &Place| &self.index[p.name.clone()];
        let wanted = name.as_os_str().as_bytes();
        let at = self
            .entries
            .binary_search_by(|p| name_of(p).cmp(wanted))
            .ok()?;
        Some(self.entries[at].old())
    }

    /// The bytes of the entries `olds`, when they stand in order and close together: one read
    /// for a run of files, not one each. Each entry's bytes are `Run::of`.
    pub fn read_run(&self, olds: &[Old]) -> Option<Run> {
        let (first, last) = (olds.first()?, olds.last()?);
        let in_order = olds
            .windows(2)
            .all(|w| w[0].start + u64::from(w[0].len) <= w[1].start);
        let end = last.start.checked_add(u64::from(last.len))?;
        let span = end.checked_sub(first.start)?;
        let wanted: u64 = olds.iter().map(|o| u64::from(o.len)).sum();
        // Little in between that is not wanted: else each entry is read on its own.
        if !in_order || span > 2 * wanted + 4096 {
            return None;
        }
        let bytes = read_at(
            self.file.as_ref()?,
            first.start,
            usize::try_from(span).ok()?,
        )?;
        Some(Run {
            bytes,
            from: first.start,
        })
    }

    /// Whether `raw` is whole and the entry of file `name` with bytes of `digest` in this
    /// pack's context, as its own key and checksum say.
    pub fn holds(&self, raw: &[u8], name: &Path, digest: u64) -> bool {
        let check = || -> Option<bool> {
            let (body, sum) = raw.get(4..)?.split_at_checked(raw.len().checked_sub(12)?)?;
            if u64::get(&mut Reader::new(sum))? != xxhash_rust::xxh3::xxh3_64(body) {
                return Some(false);
            }
            let mut r = Reader::new(body);
            Some(
                r.name()? == name.as_os_str().as_bytes()
                    && u64::get(&mut r)? == digest
                    && u128::get(&mut r)? == self.context,
            )
        };
        check() == Some(true)
    }

    /// The bytes of an entry that `entry` found, again.
    fn reread(&self, old: Old) -> Option<Vec<u8>> {
        read_at(self.file.as_ref()?, old.start, old.len as usize)
    }
}

/// Where a whole entry stands in the pack it was read from.
#[derive(Clone, Copy, Debug)]
pub struct Old {
    start: u64,
    len: u32,
}

/// The bytes of several entries read at once (`Pack::read_run`).
pub struct Run {
    bytes: Vec<u8>,
    from: u64,
}

impl Run {
    /// The bytes of one of the entries read.
    pub fn of(&self, old: Old) -> Option<&[u8]> {
        let at = usize::try_from(old.start.checked_sub(self.from)?).ok()?;
        self.bytes.get(at..at.checked_add(old.len as usize)?)
    }
}

/// Exactly `len` bytes at `at`, or nothing.
fn read_at(file: &std::fs::File, at: u64, len: usize) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt as _;
    let mut bytes = vec![0; len];
    file.read_exact_at(&mut bytes, at).ok()?;
    Some(bytes)
}

impl Reader<'_> {
    fn name(&mut self) -> Option<&[u8]> {
        let n = u32::get(self)? as usize;
        self.take(n)
    }
}

/// What loading one file gave, as an entry of the pack: `None` when it had errors or cannot
/// be kept (a diagnostic about another file).
pub fn encode(
    name: &Path,
    digest: u64,
    context: (u128, &Criteria),
    loaded: (&Initiative, &[Diagnostic]),
) -> Option<Vec<u8>> {
    let (context, criteria) = context;
    let (initiative, diagnostics) = loaded;
    let keepable = diagnostics
        .iter()
        .all(|d| !d.is_error() && d.path == initiative.path);
    if !keepable {
        return None;
    }
    let name = name.as_os_str().as_bytes();
    let mut body = Vec::with_capacity(1024);
    (name.len() as u32).put(&mut body);
    body.extend_from_slice(name);
    digest.put(&mut body);
    context.put(&mut body);
    initiative.id.put(&mut body);
    criteria.put(&initiative.scores, &mut body)?;
    initiative.file.put(&mut body);
    (diagnostics.len() as u32).put(&mut body);
    for d in diagnostics {
        codec::put_diagnostic(d, &mut body);
    }
    let mut entry = Vec::with_capacity(body.len() + 12);
    u32::try_from(body.len()).ok()?.put(&mut entry);
    entry.extend_from_slice(&body);
    xxhash_rust::xxh3::xxh3_64(&body).put(&mut entry);
    Some(entry)
}

/// The initiative and warnings of a raw entry that `Pack::entry` returned, for file `path`.
pub fn decode(
    raw: &[u8],
    path: &Path,
    criteria: &Criteria,
) -> Option<(Initiative, Vec<Diagnostic>)> {
    let body = raw.get(4..raw.len().checked_sub(8)?)?;
    let mut r = Reader::new(body);
    r.name()?;
    u64::get(&mut r)?;
    u128::get(&mut r)?;
    let id = String::get(&mut r)?;
    let scores = criteria.get(&mut r)?;
    let file = InitiativeFile::get(&mut r)?;
    let n = u32::get(&mut r)?;
    let mut diagnostics = Vec::new();
    for _ in 0..n {
        diagnostics.push(codec::get_diagnostic(&mut r, path)?);
    }
    let initiative = Initiative {
        id,
        path: path.to_path_buf(),
        file,
        scores,
    };
    r.is_empty().then_some((initiative, diagnostics))
}

#[cfg(test)]
mod tests;
